using System.Net;
using Hub.TestSupport;
using Hub.WebTests.Referrals;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Hub.WebTests.Forms;

/// <summary>
/// Quality bar 8 on every form the hub has, found rather than listed: every page from the endpoint
/// data source is opened as every role (the person through their plan link), every form and every
/// link with a query on it is read, and each field gets generated hostile values while the other
/// fields stay as the page gave them. No send may fail (500), echo markup unencoded, leave anything
/// invalid in the database, or be refused without a message next to the field. Output is counts
/// only; the seed is fixed and printed (HUB_FUZZ_SEED replays or explores, as for the public form).
/// </summary>
public sealed class EveryFormBadInputTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IDisposable
{
    /// <summary>
    /// Values per typed box and per other field (choices, hidden values, the address), besides the
    /// 100,000-character ones and the repeats; a second row of the same kind gets 30% of its share,
    /// and a button's or a script's own address for the same fields 15%.
    /// </summary>
    private const int PerTypedField = 18;
    private const int PerOtherField = 6;

    /// <summary>Pages that are not opened to look for forms, and why.</summary>
    private static readonly Dictionary<string, string> NotOpened = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/error/{code:int?}"] = "the error page itself",
        ["/staff/jobs/{**path}"] = "Hangfire's dashboard: read-only, none of its pages is a hub form (ADR 021)",
        ["/refer/{step?}"] = "the self-referral's question pages: GeneratedBadInputTests sends to each of them",
    };

    /// <summary>Forms found but not sent here, and why.</summary>
    private static readonly (string Action, string Why)[] NotSent =
    [
        ("/refer", "the self-referral's first question: GeneratedBadInputTests"),
        ("/refer/check", "the self-referral's send: GeneratedBadInputTests"),
        ("/refer/sent?handler=restart", "forgets a sent self-referral in this browser; it has no field but its token"),
        ("/staff/account/sign-in", "staff sign-in: GeneratedBadInputTests"),
        ("/staff/account/sign-out", "ends the session the fuzzer uses; it has no field but its token"),
        ("/my/plan?handler=signout", "ends the person's session; it has no field but its token"),
        ("/space?handler=signout", "ends the person's space session; it has no field but its token"),
    ];

    private HubWebFactory? _factory;

    /// <summary>What the hub logs at Warning and above while it is fuzzed: a response of 500 is reported with the exception behind it.</summary>
    private readonly CapturingLoggerProvider _logs = new();

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString)
    {
        ConfigureTestServices = s => s.AddLogging(b => b.AddProvider(_logs)),
    };

    [SkippableFact]
    public async Task Should_never_fail_echo_markup_store_invalid_text_or_refuse_without_a_message_for_generated_bad_input_to_every_form()
    {
        var seed = GeneratedBadInputTests.Seed();
        var arranged = await FuzzArrangement.CreateAsync(Factory);
        var routes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var unfilled = routes.Where(r => r.Contains('{', StringComparison.Ordinal) && !arranged.Addresses.ContainsKey(r) && !NotOpened.ContainsKey(r)).ToList();
        unfilled.ShouldBeEmpty("every page about a record has a record to open it at (add it to FuzzArrangement)");
        var addresses = routes.Where(r => !NotOpened.ContainsKey(r))
            .SelectMany(r => arranged.Addresses.TryGetValue(r, out var filled) ? filled : [r])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        var forms = await FindFormsAsync(arranged, addresses, routes);
        var storedBefore = await StoredText.CheckAsync(Factory, everyColumn: true);
        storedBefore.ShouldBeEmpty("the demo data and the arranged records break no rule before any bad input is sent");

        var fuzzer = new FormFuzzer(arranged.Clients, seed);
        var outcomes = new List<FuzzOutcome>();
        var stored = new List<string>();
        var reported = new HashSet<(string, string)>();
        var oversizedPages = new HashSet<string>();
        foreach (var form in forms)
        {
            var inputs = fuzzer.InputsFor(form, PerTypedField, PerOtherField, withOversizeValue: oversizedPages.Add(form.PageShape));
            var sent = await fuzzer.RunAsync(form, inputs, routes);
            outcomes.AddRange(sent);
            // What is stored stays stored: each stored problem is reported once, after the form that left it.
            foreach (var problem in (await StoredText.CheckAsync(Factory, everyColumn: form == forms[^1])).Where(p => reported.Add((p.Column, p.Value))))
            {
                var culprit = sent.FirstOrDefault(o => o.Input.Values.Any(v => v.Value.Trim().Length > 0
                    && (problem.Value.Contains(v.Value.Trim(), StringComparison.Ordinal) || v.Value.Contains(problem.Value, StringComparison.Ordinal))));
                stored.Add($"({form.PageShape}, {culprit?.Input.Field ?? "?"}, {culprit?.Input.Kind ?? "?"}, {culprit?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}): {problem.Column} holds {problem.Problem}");
            }
        }

        // What was stored is shown again on every page that lists it, to every role: only ever encoded.
        var shownAgain = await SweepAsync(arranged, addresses);

        Report(seed, forms, outcomes);
        var failures = Failures();
        var problems = outcomes.SelectMany(o => o.Problems.Select(p => $"({o.Input.Form.PageShape} {o.Input.Form.Action.Split('?').ElementAtOrDefault(1)?.Split('&')[0]}, {o.Input.Field}, {o.Input.Kind}, {o.Status}): {p}"))
            .Concat(stored)
            .Concat(shownAgain)
            .Concat(failures.Select(f => "logged by the hub: " + f))
            .ToList();
        output.WriteLine($"Problems: {problems.Count}");
        foreach (var group in problems.GroupBy(p => p).OrderByDescending(g => g.Count()).Take(60))
        {
            output.WriteLine($"  {group.Count()} x {group.Key}");
        }
        this.ShouldSatisfyAllConditions(
            () => forms.Count(f => !f.IsGet).ShouldBeGreaterThanOrEqualTo(40, "every staff and person form is found (a lost session finds far fewer)"),
            () => forms.Select(f => f.Role).Distinct().ShouldBe([FuzzArrangement.Anonymous, FuzzArrangement.Person, FuzzArrangement.VolunteerRole, FuzzArrangement.PractitionerRole,
                FuzzArrangement.TeamLeaderRole, FuzzArrangement.CoordinatorRole, FuzzArrangement.AdminRole], ignoreOrder: true,
                "each role with forms of its own sends them (the commissioner's one form is the team leader's too)"),
            () => outcomes.Count.ShouldBeGreaterThanOrEqualTo(3_600, "with the public form's 1,500 the hub gets at least 5,000 generated inputs"),
            () => outcomes.Count(o => o.Status >= 500).ShouldBe(0, "responses >= 500"),
            () => problems.ShouldBeEmpty($"{problems.Count} problems (seed {seed}), as (page, field, input kind, status); first: {string.Join(" | ", problems.Distinct().Take(15))}"));
    }

    /// <summary>
    /// Each error the hub logged, once: its category and the exception's type, message (cut short: it may
    /// hold a generated value) and first frame in the hub's own code. Nothing else is logged at Error.
    /// </summary>
    private List<string> Failures() => _logs.Entries
        .Where(e => e.Level >= LogLevel.Error)
        .Select(e => $"{e.Category}: {Shorten(e.Text)}")
        .Distinct()
        .ToList();

    private static string Shorten(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        var first = lines[0].Length > 300 ? lines[0][..300] + "..." : lines[0];
        var exception = lines.Skip(1).FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal)) is { } line ? (line.Length > 300 ? line[..300] + "..." : line) : null;
        var hubFrame = lines.FirstOrDefault(l => l.StartsWith("at Hub.", StringComparison.Ordinal));
        return string.Join(" | ", new[] { first, exception, hubFrame }.OfType<string>());
    }

    /// <summary>Opens every address as every role once more: no page fails, and nothing stored comes back as markup.</summary>
    private async Task<List<string>> SweepAsync(FuzzArrangement arranged, List<string> addresses)
    {
        var problems = new List<string>();
        var pages = 0;
        foreach (var role in FuzzArrangement.Roles)
        {
            foreach (var address in addresses)
            {
                var response = await arranged.Clients[role].GetAsync(address);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    problems.Add($"({FoundForms.Shape(address)} as {role}, {status}): server error when shown again");
                }
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }
                pages++;
                var body = await response.Content.ReadAsStringAsync();
                problems.AddRange(FormFuzzer.Unencoded(body, await response.ReadDocumentAsync())
                    .Select(p => $"({FoundForms.Shape(address)} as {role}, {status}): {p} when shown again"));
            }
        }
        output.WriteLine($"Pages shown again after the run: {pages}");
        return problems;
    }

    /// <summary>Opens every address as every role and keeps each form (by its address's shape) the first time any role finds it.</summary>
    private async Task<List<FoundForm>> FindFormsAsync(FuzzArrangement arranged, List<string> addresses, List<string> routes)
    {
        var forms = new List<FoundForm>();
        var keys = new HashSet<string>();
        var opened = new Dictionary<string, int>();
        foreach (var role in FuzzArrangement.Roles)
        {
            var client = arranged.Clients[role];
            foreach (var address in addresses)
            {
                var response = await client.GetAsync(address);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }
                opened[role] = opened.GetValueOrDefault(role) + 1;
                var page = await response.ReadDocumentAsync();
                foreach (var form in FoundForms.On(page, role, address, routes).Concat(FoundForms.LinksOn(page, role, address, routes)))
                {
                    if (!IsNotSent(form) && keys.Add(form.Key))
                    {
                        forms.Add(form);
                    }
                }
            }
        }
        output.WriteLine($"Routes found: {routes.Count}; addresses opened: {addresses.Count}; pages read per role: {string.Join(", ", opened.Select(o => $"{o.Key} {o.Value}"))}");
        output.WriteLine($"Not opened: {string.Join("; ", NotOpened.Select(n => $"{n.Key} ({n.Value})"))}");
        output.WriteLine($"Not sent here: {string.Join("; ", NotSent.Select(n => $"{n.Action} ({n.Why})"))}");
        return forms;
    }

    /// <summary>An entry with a query names one handler; one without names every form sent to that page.</summary>
    private static bool IsNotSent(FoundForm form)
    {
        var action = form.Action.Split('#')[0];
        return NotSent.Any(n => n.Action.Contains('?', StringComparison.Ordinal)
            ? action.StartsWith(n.Action, StringComparison.OrdinalIgnoreCase)
            : action.Split('?')[0].Equals(n.Action, StringComparison.OrdinalIgnoreCase));
    }

    private void Report(ulong seed, List<FoundForm> forms, List<FuzzOutcome> outcomes)
    {
        output.WriteLine($"Seed: {seed}");
        output.WriteLine($"Forms and query links sent: {forms.Count} ({forms.Count(f => !f.IsGet)} post, {forms.Count(f => f.IsGet)} get), fields: {forms.Sum(f => f.Fields.Count(x => x.Name != FoundField.AntiforgeryName))}");
        output.WriteLine($"Inputs sent: {outcomes.Count}");
        foreach (var group in outcomes.GroupBy(o => o.Input.Form).OrderBy(g => forms.IndexOf(g.Key)))
        {
            var form = group.Key;
            output.WriteLine($"  {form.Method.ToUpperInvariant()} {FoundForms.Shape(form.Action)} as {form.Role} ({form.Fields.Count(f => f.Name != FoundField.AntiforgeryName)} fields): {group.Count()} inputs; "
                + string.Join(", ", group.GroupBy(o => o.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Count()}")));
        }
        output.WriteLine("Inputs per role: " + string.Join(", ", outcomes.GroupBy(o => o.Input.Form.Role).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine("Status codes: " + string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine("Inputs per kind: " + string.Join(", ", outcomes.SelectMany(o => o.Input.Kinds.Select(k => k.Split(':')[0])).GroupBy(k => k).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"Values no text rule allows, sent to typed boxes: {outcomes.Count(o => o.Input.MustBeNamed)}; accepted sends: {outcomes.Count(o => o.Accepted)}");
    }

    public void Dispose() => _factory?.Dispose();
}
