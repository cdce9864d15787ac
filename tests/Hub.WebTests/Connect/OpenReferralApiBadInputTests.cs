using System.Net;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Hub.TestSupport;
using Hub.WebTests.Forms;
using Hub.WebTests.Referrals;
using Xunit.Abstractions;

namespace Hub.WebTests.Connect;

/// <summary>
/// Quality bar 8 for the Open Referral UK API, whose input is its query and its ids: generated hostile
/// values (markup, control and direction characters, SQL, huge and odd Unicode, bad numbers, dates and
/// ids) for every query parameter of every list and for every id. No answer may fail (500 or above),
/// be anything but JSON, carry markup unencoded, or refuse a value without naming that parameter
/// with a message. A 200 must still be a page the standard's schema accepts.
/// </summary>
public sealed class OpenReferralApiBadInputTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string Api = "/api/oruk/v3";
    private const int PerParameter = 40;

    private static readonly (string Path, string[] Parameters)[] Lists =
    [
        ("/services", ["search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "day", "modified_after", "area"]),
        ("/taxonomies", ["page", "per_page"]),
        ("/taxonomy_terms", ["page", "per_page"]),
    ];

    private static readonly string[] ById = ["/services", "/taxonomies", "/taxonomy_terms"];

    private HubWebFactory? _factory;

    // The allowance is the public directory's; here it is raised so every generated value is answered.
    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString).With("Hub:RateLimits:PublicDirectory:Permits", "1000000");

    [SkippableFact]
    public async Task Should_never_fail_echo_markup_or_refuse_without_naming_the_parameter_for_generated_bad_input()
    {
        var seed = GeneratedBadInputTests.Seed();
        var client = Factory.NewClient();
        var problems = new List<string>();
        var statuses = new Dictionary<int, int>();
        var sent = 0;

        foreach (var (path, parameters) in Lists)
        {
            foreach (var parameter in parameters)
            {
                foreach (var value in Values(seed, path + "?" + parameter))
                {
                    var address = $"{Api}{path}?{parameter}={Uri.EscapeDataString(value.Value)}";
                    problems.AddRange(await CheckAsync(client, address, $"{path}?{parameter} ({value.Kind})", parameter, path == "/services" ? "/services" : path, statuses));
                    sent++;
                }
            }
        }
        foreach (var path in ById)
        {
            // An empty id or a dot segment is another address (the list, the API's details), not an id.
            foreach (var value in Values(seed, path + "/{id}").Where(v => v.Value.Length > 0 && v.Value is not ("." or "..")))
            {
                var address = $"{Api}{path}/{Uri.EscapeDataString(value.Value)}";
                problems.AddRange(await CheckAsync(client, address, $"{path}/{{id}} ({value.Kind})", null, path + "/{id}", statuses));
                sent++;
            }
        }

        output.WriteLine($"Seed {seed}: {sent} requests; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}; {problems.Count} problems");
        foreach (var problem in problems.Distinct().Take(30))
        {
            output.WriteLine("  " + problem);
        }
        this.ShouldSatisfyAllConditions(
            () => sent.ShouldBeGreaterThanOrEqualTo(500),
            () => statuses.Where(s => s.Key >= 500).Sum(s => s.Value).ShouldBe(0, "responses >= 500"),
            () => statuses.GetValueOrDefault(400).ShouldBeGreaterThan(0, "some values are refused, so the refusals were checked"),
            () => problems.ShouldBeEmpty($"{problems.Count} problems (seed {seed}); first: {string.Join(" | ", problems.Distinct().Take(10))}"));
    }

    public void Dispose() => _factory?.Dispose();

    /// <summary>Generated values for one parameter (typed text and carried values), plus one huge and a grapheme bomb, the same every run for one seed.</summary>
    private static IEnumerable<Hostile> Values(ulong seed, string key)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        var rnd = new Rnd(hash);
        return Gen.Sample(HostileValues.For(FieldShape.Text), PerParameter / 2, rnd, 20)
            .Concat(Gen.Sample(HostileValues.For(FieldShape.Hidden), PerParameter / 2, rnd, 20))
            .Append(HostileValues.Huge((int)(hash % 7)))
            .Append(HostileValues.GraphemeBomb(20));
    }

    private static async Task<IEnumerable<string>> CheckAsync(HttpClient client, string address, string what, string? parameter, string schemaPath, Dictionary<int, int> statuses)
    {
        using var response = await client.GetAsync(address);
        var status = (int)response.StatusCode;
        statuses[status] = statuses.GetValueOrDefault(status) + 1;
        var body = await response.Content.ReadAsStringAsync();
        var found = new List<string>();
        if (status >= 500)
        {
            found.Add($"{what}: {status}");
            return found;
        }
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type is not ("application/json" or "application/problem+json"))
        {
            found.Add($"{what}: answered {status} with {type ?? "no content type"}, not JSON");
            return found;
        }
        // The API's JSON escapes every character that means something in HTML.
        if (body.Contains('<', StringComparison.Ordinal) || BadInputs.UnencodedEchoes.Any(e => body.Contains(e, StringComparison.OrdinalIgnoreCase)))
        {
            found.Add($"{what}: markup in the answer unencoded");
        }
        switch (status)
        {
            case 200:
                found.AddRange(OpenReferralUkSchema.Errors(OpenReferralUkSchema.ResponseOf(schemaPath), body).Take(3).Select(e => $"{what}: 200 breaks the schema: {e}"));
                break;
            case 400 when parameter is not null:
                using (var problem = JsonDocument.Parse(body))
                {
                    var named = problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(parameter, out var messages)
                        && messages.EnumerateArray().Any(m => m.GetString() is { Length: > 10 });
                    if (!named)
                    {
                        found.Add($"{what}: 400 without a message for {parameter}");
                    }
                }
                break;
            case 404 when parameter is null:
                break;
            default:
                found.Add($"{what}: unexpected {status}");
                break;
        }
        return found;
    }
}
