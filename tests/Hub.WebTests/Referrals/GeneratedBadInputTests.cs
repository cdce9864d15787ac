using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using Hub.Application.Referrals;
using Hub.Domain.Common;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.TestSupport;
using Hub.Web.Pages.Refer;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Referrals;

/// <summary>
/// Quality bar 8 on the public forms: generated hostile input never causes a server error, is never
/// echoed unencoded, is refused with a message, and nothing invalid is stored. Output is counts only.
/// The seed is fixed (see <see cref="Seed"/>) and printed, so any run can be replayed.
/// </summary>
public sealed class GeneratedBadInputTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int GeneratedInputs = 1_200;
    private const int SignInInputs = 300;
    private const int Clients = 4;
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    /// <param name="Token">The journey's form token when a send carried it; <paramref name="Stored"/>: the send went on to the confirmation.</param>
    private sealed record Outcome(int Index, BadInput Input, int Status, Guid? Token, List<string> Problems, bool Stored = false);

    [SkippableFact]
    public async Task Should_never_fail_echo_script_or_store_invalid_answers_for_generated_bad_input_to_the_self_referral_form()
    {
        var seed = Seed();
        var inputs = Gen.Sample(BadInputs.Input(), GeneratedInputs, new Rnd(seed), 30).Concat(BadInputs.Oversize()).ToList();
        var before = await Factory.CountReferralsAsync();

        var outcomes = await PostAllReferralInputsAsync(inputs);

        // What was stored is exactly what the sends that were accepted asked for.
        var sentTokens = outcomes.Where(o => o.Token is not null).ToList();
        var tokens = sentTokens.Select(o => o.Token!.Value).ToList();
        var stored = await Factory.WithDbAsync(async db =>
        {
            var referrals = await db.Referrals.AsNoTracking().Where(r => r.FormToken != null && tokens.Contains(r.FormToken.Value)).ToListAsync();
            var personIds = referrals.Select(r => r.PersonId).ToList();
            var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            return referrals.Select(r => (Referral: r, Person: people[r.PersonId])).ToList();
        });
        var storedTokens = stored.Select(s => s.Referral.FormToken!.Value).ToHashSet();
        foreach (var outcome in sentTokens)
        {
            var shouldBeStored = outcome.Stored;
            if (shouldBeStored != storedTokens.Contains(outcome.Token!.Value))
            {
                outcome.Problems.Add(shouldBeStored ? "accepted send but nothing stored" : "stored although the send was refused or was a honeypot");
            }
        }
        (await Factory.CountReferralsAsync()).ShouldBe(before + stored.Count, "only sends store referrals");

        var validator = new SelfReferralAnswersValidator(TimeProvider.System);
        var invalidStored = new List<string>();
        foreach (var (referral, person) in stored)
        {
            var result = validator.Validate(AsAnswers(referral, person));
            var fields = result.Errors.Select(e => e.PropertyName).Concat(HiddenCharacters(referral, person)).Distinct().ToList();
            if (fields.Count > 0)
            {
                invalidStored.Add(string.Join(",", fields));
            }
        }

        Report(outcomes, stored.Count, seed);
        var problems = outcomes.SelectMany(o => o.Problems.Select(p => $"#{o.Index} {o.Input.Target} [{string.Join(",", o.Input.Kinds.Order())}]: {p}")).ToList();
        this.ShouldSatisfyAllConditions(
            () => outcomes.Count(o => o.Status >= 500).ShouldBe(0, "responses >= 500"),
            () => problems.ShouldBeEmpty($"{problems.Count} problems (seed {seed}); first: {string.Join(" | ", problems.Take(10))}"),
            () => invalidStored.ShouldBeEmpty("stored referrals that fail the form's own rules (fields): " + string.Join(" | ", invalidStored.Take(10))));
    }

    [SkippableFact]
    public async Task Should_never_fail_or_echo_script_for_generated_bad_input_to_the_staff_sign_in_form()
    {
        var seed = Seed();
        var field = Gen.Frequency((4, Gen.Constant("Email")), (3, Gen.Constant("Password")), (2, Gen.Constant("ReturnUrl")));
        var inputs = Gen.Sample(
            from names in Gen.ListOf(field).Where(n => n.Count > 0)
            from values in Gen.CollectToList(names, name => BadInputs.AnyValue().Select(v => v with { Name = name }))
            select new BadInput("sign-in", values, values.Select(v => v.Name).ToHashSet()),
            SignInInputs, new Rnd(seed), 10).ToList();

        var outcomes = await PostAllAsync(inputs, "/staff/account/sign-in", _ => "/staff/account/sign-in", CheckSignInResponse);

        Report(outcomes, 0, seed);
        var problems = outcomes.SelectMany(o => o.Problems.Select(p => $"#{o.Index}: {p}")).ToList();
        problems.ShouldBeEmpty($"{problems.Count} problems (seed {seed}); first: {string.Join(" | ", problems.Take(10))}");
    }

    /// <summary>Posts every input, <see cref="Clients"/> at a time; each client fetches one page for its antiforgery token and reuses it.</summary>
    private async Task<List<Outcome>> PostAllAsync(List<BadInput> inputs, string tokenPage, Func<BadInput, string> url,
        Action<BadInput, HttpResponseMessage, string, List<string>> check)
    {
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, inputs.Count));
        var outcomes = new ConcurrentBag<Outcome>();
        var workers = Enumerable.Range(0, Clients).Select(async _ =>
        {
            var client = Factory.NewClient();
            var page = await client.GetDocumentAsync(tokenPage);
            var antiforgery = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
            while (queue.TryDequeue(out var index))
            {
                var input = inputs[index];
                Guid? token = input.Fields.Any(f => f.Name == "FormToken" && f.Value == BadInput.FreshToken) ? Guid.NewGuid() : null;
                using var content = new ByteArrayContent(input.Encode(antiforgery, token ?? Guid.Empty));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                var problems = new List<string>();
                int status;
                try
                {
                    using var response = await client.PostAsync(url(input), content);
                    status = (int)response.StatusCode;
                    var body = await response.Content.ReadAsStringAsync();
                    if (status >= 500)
                    {
                        problems.Add($"server error {status}");
                    }
                    foreach (var echo in BadInputs.UnencodedEchoes.Where(e => body.Contains(e, StringComparison.OrdinalIgnoreCase)))
                    {
                        problems.Add($"unencoded echo of '{echo}'");
                    }
                    if (SelfReferralValidationTests.ScriptTagsNotFromThePage(body) > 0)
                    {
                        problems.Add("a <script tag that is not the hub's own");
                    }
                    check(input, response, body, problems);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    status = 0;
                    problems.Add("transport error " + ex.GetType().Name);
                }
                // Only tokens the server could have bound (the first FormToken posted) are traced.
                var traced = token is not null && input.First("FormToken") == BadInput.FreshToken ? token : null;
                outcomes.Add(new Outcome(index, input, status, traced, problems));
            }
        }).ToList();
        await Task.WhenAll(workers);
        return outcomes.OrderBy(o => o.Index).ToList();
    }

    /// <summary>
    /// Sends every input to the self-referral, <see cref="Clients"/> at a time, each from a journey of its
    /// own: an input for one question page is posted to that page (fields of other pages included, to be
    /// ignored); an input to send is posted page by page, each page getting its own fields, then the
    /// check page's one-time token (or a bad one) is sent.
    /// </summary>
    private async Task<List<Outcome>> PostAllReferralInputsAsync(List<BadInput> inputs)
    {
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, inputs.Count));
        var outcomes = new ConcurrentBag<Outcome>();
        var workers = Enumerable.Range(0, Clients).Select(async _ =>
        {
            var client = Factory.NewClient();
            var page = await client.GetDocumentAsync("/refer");
            var antiforgery = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
            while (queue.TryDequeue(out var index))
            {
                var input = inputs[index];
                var problems = new List<string>();
                var status = 0;
                Guid? traced = null;
                var stored = false;
                try
                {
                    // A journey of its own: forget whatever the last input left in this browser.
                    (await PostRawAsync(client, "/refer/sent?handler=restart", new BadInput("restart", [], new HashSet<string>()), antiforgery)).Dispose();
                    if (input.Target != "send")
                    {
                        var question = SelfReferralQuestions.Find(input.Target)!;
                        status = await PostAndCheckAsync(client, question.Path, input, antiforgery, problems);
                    }
                    else
                    {
                        foreach (var question in SelfReferralQuestions.All)
                        {
                            var fields = input.Fields.Where(f => f.Name.StartsWith("Answers.", StringComparison.Ordinal) && question.Fields.Contains(f.Name["Answers.".Length..])).ToList();
                            if (fields.Count > 0 || question == SelfReferralQuestions.First)
                            {
                                await PostAndCheckAsync(client, question.Path, new BadInput(question.Slug, fields, input.Kinds), antiforgery, problems);
                            }
                        }
                        var check = await client.GetAsync("/refer/check");
                        var checkPage = check.StatusCode == HttpStatusCode.OK ? await check.ReadDocumentAsync() : null;
                        var journeyToken = checkPage?.QuerySelector<IHtmlInputElement>("input[name='FormToken']")?.Value;
                        var token = input.First("FormToken");
                        var send = new BadInput("send",
                            input.Fields.Where(f => f.Name is "Website")
                                .Prepend(new WireField("FormToken", token == BadInput.FreshToken ? journeyToken ?? string.Empty : token ?? string.Empty)).ToList(),
                            input.Kinds);
                        using var response = await PostRawAsync(client, "/refer/check", send, antiforgery);
                        status = (int)response.StatusCode;
                        CheckBody(await response.Content.ReadAsStringAsync(), status, problems);
                        if (token == BadInput.FreshToken && Guid.TryParse(journeyToken, out var sentToken))
                        {
                            traced = sentToken;
                            // A blank hidden field is no filled-in field (model binding reads whitespace as nothing): only text is a honeypot.
                            stored = response.IsRedirect() && response.PathOf() == "/refer/sent" && string.IsNullOrWhiteSpace(input.First("Website"));
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    status = 0;
                    problems.Add("transport error " + ex.GetType().Name);
                }
                outcomes.Add(new Outcome(index, input, status, traced, problems, stored));
            }
        }).ToList();
        await Task.WhenAll(workers);
        return outcomes.OrderBy(o => o.Index).ToList();
    }

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, BadInput input, string antiforgery)
    {
        using var content = new ByteArrayContent(input.Encode(antiforgery, Guid.Empty));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return await client.PostAsync(url, content);
    }

    /// <summary>Posts to one question page: it moves on (a redirect within the form), or comes back with a message for every refused field.</summary>
    private static async Task<int> PostAndCheckAsync(HttpClient client, string path, BadInput input, string antiforgery, List<string> problems)
    {
        using var response = await PostRawAsync(client, path, input, antiforgery);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        CheckBody(body, status, problems);
        if (response.IsRedirect() && !response.PathOf().StartsWith("/refer", StringComparison.Ordinal))
        {
            problems.Add($"{path} moved on to {response.PathOf()}");
        }
        if (status == 200)
        {
            CheckReferralResponse(input, response, body, problems);
        }
        return status;
    }

    private static void CheckBody(string body, int status, List<string> problems)
    {
        if (status >= 500)
        {
            problems.Add($"server error {status}");
        }
        foreach (var echo in BadInputs.UnencodedEchoes.Where(e => body.Contains(e, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"unencoded echo of '{echo}'");
        }
        if (SelfReferralValidationTests.ScriptTagsNotFromThePage(body) > 0)
        {
            problems.Add("a <script tag that is not the hub's own");
        }
    }

    private static void CheckReferralResponse(BadInput input, HttpResponseMessage response, string body, List<string> problems)
    {
        var page = new HtmlParser().ParseDocument(body);
        var errors = page.ErrorSummary();
        if (errors.Count == 0)
        {
            problems.Add($"{input.Target} refused without saying why");
        }
        // Every message links to a field on the page the person can get to.
        foreach (var href in page.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href") ?? string.Empty))
        {
            if (page.GetElementById(href.TrimStart('#')) is null)
            {
                problems.Add($"error link {href} leads nowhere");
            }
        }
        // One clear message per refused field: each message beside its field too.
        if (page.QuerySelectorAll(".nhsuk-error-message").Length < errors.Count)
        {
            problems.Add("a message in the summary with none beside its field");
        }
    }

    private static void CheckSignInResponse(BadInput input, HttpResponseMessage response, string body, List<string> problems)
    {
        if (response.IsRedirect())
        {
            problems.Add("signed in with generated input");
        }
        else if (response.StatusCode == HttpStatusCode.OK && new HtmlParser().ParseDocument(body).ErrorSummary().Count == 0)
        {
            problems.Add("refused without saying why");
        }
    }

    private void Report(List<Outcome> outcomes, int stored, ulong seed)
    {
        output.WriteLine($"Seed: {seed}");
        output.WriteLine($"Inputs posted: {outcomes.Count}");
        foreach (var group in outcomes.GroupBy(o => o.Input.Target).OrderBy(g => g.Key))
        {
            output.WriteLine($"  to {group.Key}: {group.Count()}");
        }
        output.WriteLine("Status codes: " + string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        foreach (var group in outcomes.GroupBy(o => (o.Input.Target, o.Status)).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key.Target} {group.Key.Status}: {group.Count()}");
        }
        output.WriteLine("Inputs per kind: " + string.Join(", ", outcomes.SelectMany(o => o.Input.Kinds).GroupBy(k => k).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"Referrals stored by accepted sends: {stored}");
        output.WriteLine("Problems: " + string.Join(", ", outcomes.SelectMany(o => o.Problems.Select(p => p.Split(" '")[0])).GroupBy(p => p).Select(g => $"{g.Key}: {g.Count()}")));
        foreach (var group in outcomes.Where(o => o.Status >= 500).SelectMany(o => o.Input.Kinds).GroupBy(k => k).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  5xx with kind {group.Key}: {group.Count()}");
        }
    }

    /// <summary>The same inputs every run, so a failure is repeatable; HUB_FUZZ_SEED=random (or a number) explores others.</summary>
    internal static ulong Seed() => Environment.GetEnvironmentVariable("HUB_FUZZ_SEED") switch
    {
        "random" => (ulong)Random.Shared.NextInt64(1, long.MaxValue),
        { } text when ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) => seed,
        _ => 20_260_101,
    };

    /// <summary>The answers a stored referral stands for, so the form's own rules can check what was stored.</summary>
    private static SelfReferralAnswers AsAnswers(Referral referral, Person person) => new()
    {
        PreferredName = person.PreferredName,
        ContactMethod = person.Contact.PreferredMethod,
        Phone = person.Contact.Phone,
        Email = person.Contact.Email,
        SafeToLeaveMessage = YesNo(person.Contact.SafeToLeaveMessage),
        BirthDay = person.DateOfBirth?.Day.ToString(CultureInfo.InvariantCulture),
        BirthMonth = person.DateOfBirth?.Month.ToString(CultureInfo.InvariantCulture),
        BirthYear = person.DateOfBirth?.Year.ToString(CultureInfo.InvariantCulture),
        Postcode = person.Postcode,
        WhatIsHappening = referral.WhatIsHappening,
        WhatWouldHelp = referral.WhatWouldHelp,
        PreferredLanguage = person.Communication.PreferredLanguage,
        InterpreterNeeded = YesNo(person.Communication.InterpreterNeeded),
        AccessNeeds = person.Communication.AccessNeeds,
        EthnicCategory = person.Equality.EthnicCategory,
        Gender = person.Equality.Gender,
        SexualOrientation = person.Equality.SexualOrientation,
        Disability = person.Equality.Disability,
        ConsentToShare = YesNo(referral.ConsentToShare),
    };

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    /// <summary>Stored text may hold line breaks and tabs only where a person can type several lines; never other control characters.</summary>
    private static IEnumerable<string> HiddenCharacters(Referral referral, Person person)
    {
        var multiline = new (string Name, string? Value)[]
        {
            ("WhatIsHappening", referral.WhatIsHappening), ("WhatWouldHelp", referral.WhatWouldHelp), ("AccessNeeds", person.Communication.AccessNeeds),
        };
        var singleLine = new (string Name, string? Value)[]
        {
            ("PreferredName", person.PreferredName), ("Phone", person.Contact.Phone), ("Email", person.Contact.Email),
            ("Postcode", person.Postcode), ("PreferredLanguage", person.Communication.PreferredLanguage),
        };
        foreach (var (name, value) in multiline)
        {
            if (value is not null && (value.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) || TextRules.HasForbiddenCharacters(value, true)))
            {
                yield return name + "(hidden characters)";
            }
        }
        foreach (var (name, value) in singleLine)
        {
            if (value is not null && (value.Any(char.IsControl) || TextRules.HasForbiddenCharacters(value, false)))
            {
                yield return name + "(hidden characters)";
            }
        }
    }

    public void Dispose() => _factory?.Dispose();
}
