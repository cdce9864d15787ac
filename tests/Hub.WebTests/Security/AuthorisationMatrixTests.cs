using System.Diagnostics;
using System.Net;
using Hub.Application.Audit.RecordPageRefusal;
using Hub.Domain.Audit;
using Hub.TestSupport;
using Xunit.Abstractions;

namespace Hub.WebTests.Security;

/// <summary>
/// Deny by default, checked against a table (AuthorisationMatrix.txt): every page and handler the
/// running hub answers, found from its endpoint data source, as every role (nobody, the person from
/// their link, practitioner, team leader, commissioner, administrator), on a record the role reaches
/// and on someone else's. Every refusal of someone signed in writes exactly one Denied audit row in
/// their name; nothing else does; and no request, allowed or refused, changes a stored row.
/// </summary>
[Collection(AccessWorldCollection.Name)]
public sealed class AuthorisationMatrixTests(AccessWorld world, ITestOutputHelper output)
{
    private static readonly IReadOnlyList<MatrixRow> Table = MatrixRow.Read();

    /// <summary>The audit chain's last row before the current cell: the cell's rows come after it.</summary>
    private long _auditHead;

    [SkippableFact]
    public async Task Should_list_every_page_and_handler_the_hub_answers_and_none_it_does_not()
    {
        await world.BuildAsync();

        var discovered = (await HubEndpoints.DiscoverAsync(world.Factory.Services)).Select(h => h.Key).ToList();

        var listed = Table.Select(r => r.Key).ToList();
        listed.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("each request is listed once");
        var unlisted = discovered.Except(listed).ToList();
        var gone = listed.Except(discovered).ToList();
        (unlisted.Count + gone.Count).ShouldBe(0,
            $"the hub answers requests the table does not list:\n  {string.Join("\n  ", unlisted)}\nthe table lists requests the hub does not answer:\n  {string.Join("\n  ", gone)}");
        output.WriteLine($"{discovered.Count} requests discovered (pages and their handlers)");
    }

    [SkippableFact]
    public async Task Should_answer_every_role_as_the_table_says_audit_each_refusal_once_and_change_nothing()
    {
        await world.BuildAsync();
        var clock = Stopwatch.StartNew();
        var mismatches = new List<string>();
        var cells = 0;
        _auditHead = await world.AuditHeadAsync();
        await world.ChangedTablesAsync(); // whatever other tests in the collection changed before this one

        foreach (var row in Table)
        {
            foreach (var role in AccessWorld.Roles)
            {
                foreach (var whose in row.RecordsTried)
                {
                    mismatches.AddRange(await CheckAsync(row, role, whose));
                    cells++;
                }
            }
        }

        output.WriteLine($"{Table.Count} requests, {cells} cells checked in {clock.Elapsed.TotalSeconds:0.0} s, {mismatches.Count} mismatches");
        cells.ShouldBeGreaterThan(Table.Count * AccessWorld.Roles.Count);
        (await world.VerifyAuditChainAsync()).Intact.ShouldBeTrue("every Denied row was sealed into the hash chain");
        mismatches.Count.ShouldBe(0, $"{mismatches.Count} of {cells} cells differ from AuthorisationMatrix.txt:\n  {string.Join("\n  ", mismatches)}\n");
    }

    /// <summary>Sends one cell's request and returns what differs from the table, the audit rule or "nothing changed".</summary>
    private async Task<IReadOnlyList<string>> CheckAsync(MatrixRow row, Role role, Whose whose)
    {
        var expected = row.Expected(role, whose);
        var cell = $"{role}{(row.OpensAPersonsRecord ? $" ({whose.ToString().ToLowerInvariant()} record)" : string.Empty)}: {row.Method} {row.Address}";
        var client = world.Client(role);
        var url = row.AddressFor(world, whose);

        // An endpoint of any method (the jobs dashboard) is tried with GET.
        var method = row.Method == "ANY" ? "GET" : row.Method;
        using var response = method switch
        {
            "GET" => await client.GetAsync(url),
            // A refusal carries the role's own valid token; anything else goes without, so antiforgery stops it before it acts.
            "POST" => await client.PostAsync(url, new FormUrlEncodedContent(MatrixRow.IsRefusal(expected)
                ? [new KeyValuePair<string, string>("__RequestVerificationToken", world.Token(role))]
                : [])),
            _ => throw new InvalidOperationException($"Line {row.Line}: no client for {row.Method}."),
        };

        var problems = new List<string>();
        var actual = Outcome(response, expected);
        if (actual != expected)
        {
            problems.Add($"{cell}: expected {expected}, got {actual}");
        }

        var audited = await world.AuditSinceAsync(_auditHead);
        _auditHead = audited.Count > 0 ? audited[^1].WriterNumber!.Value : _auditHead;
        var denials = audited.Where(a => a.Action == AuditAction.Denied).ToList();
        if (expected is "denied" or "refused")
        {
            var person = row.NamesAHubPerson && expected == "refused" ? (whose == Whose.Own ? world.People.Own : world.People.Other) : (Guid?)null;
            var (recordType, screen) = expected == "denied" ? (RecordPageRefusalHandler.RecordType, $"{method} {row.Template}") : (null, null);
            if (audited.Count != 1 || denials.Count != 1 || denials[0].ActorUserId != world.UserId(role) || denials[0].PersonId != person
                || (recordType is not null && (denials[0].RecordType != recordType || !string.Equals(denials[0].Screen, screen, StringComparison.OrdinalIgnoreCase))))
            {
                problems.Add($"{cell}: expected one Denied audit row by the {role}{(person is null ? " naming no person" : " naming the person")}"
                    + $"{(screen is null ? string.Empty : $" on '{screen}'")}, got {Describe(audited)}");
            }
        }
        else if (denials.Count > 0)
        {
            problems.Add($"{cell}: expected no Denied audit row, got {Describe(denials)}");
        }

        var changed = await world.ChangedTablesAsync();
        if (changed.Count > 0)
        {
            problems.Add($"{cell}: changed stored rows in {string.Join(", ", changed)}");
        }
        return problems;
    }

    /// <summary>The response in the table's words.</summary>
    private static string Outcome(HttpResponseMessage response, string expected)
    {
        if (response.IsRedirect())
        {
            return response.PathOf().ToLowerInvariant() switch
            {
                "/staff/account/sign-in" => "sign-in",
                "/my/signed-out" => "signed-out",
                "/space/sign-in" => "space-sign-in",
                "/staff/account/access-denied" => "denied",
                var path => $"{(int)response.StatusCode} to {path}",
            };
        }
        return response.StatusCode switch
        {
            HttpStatusCode.Forbidden when expected == "refused" => "refused",
            HttpStatusCode.BadRequest when expected == "pass" => "pass",
            var status => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private string Describe(IEnumerable<AuditEvent> rows)
    {
        var described = rows.Select(a => $"{a.Action} by {(a.ActorUserId is { } id ? AccessWorld.Roles.Where(r => world.UserId(r) == id).Select(r => r.ToString()).FirstOrDefault() ?? "another member of staff" : a.ActorRole)} ({a.RecordType}, {a.Screen})").ToList();
        return described.Count == 0 ? "none" : string.Join("; ", described);
    }
}
