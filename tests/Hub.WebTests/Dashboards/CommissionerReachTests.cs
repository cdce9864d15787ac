using System.Net;
using Hub.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Dashboards;

/// <summary>
/// A commissioner reaches aggregate reports and nothing that names a person: every page the hub has,
/// found from its endpoint data source so a new page cannot be missed, is opened as a commissioner.
/// </summary>
public sealed class CommissionerReachTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string DemoPassword = "LivingWell-demo-2026";
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    /// <summary>What a commissioner may open: their home, their account, the reports and the public pages.</summary>
    private static readonly string[] Allowed = ["/", "/staff", "/staff/reports", "/staff/reports/{id:guid}", "/refer", "/help", "/staff/account", "/my/link", "/my/signed-out", "/my/new-link"];

    [SkippableFact]
    public async Task Should_open_no_page_about_people_for_a_commissioner()
    {
        var client = Factory.NewClient();
        (await client.SignInAsync("commissioner@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();
        var routes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Where(r => r.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) || r.StartsWith("/my", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        routes.Count.ShouldBeGreaterThan(20, "every staff and person page is found");

        var opened = new List<string>();
        foreach (var route in routes.Where(r => !Allowed.Any(a => r.Equals(a, StringComparison.OrdinalIgnoreCase) || r.StartsWith(a + "/", StringComparison.OrdinalIgnoreCase) && a != "/staff")))
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", Guid.NewGuid().ToString());
            var response = await client.GetAsync(url);
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || (response.IsRedirect() && response.PathOf().ToLowerInvariant() is "/staff/account/access-denied" or "/my/signed-out" or "/my/link");
            if (!refused)
            {
                opened.Add($"{url} answered {(int)response.StatusCode} {response.PathOf()}");
            }
        }
        opened.ShouldBeEmpty();

        (await client.GetAsync("/staff/reports")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose() => _factory?.Dispose();
}
