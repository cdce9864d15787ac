using System.Net;
using Hub.TestSupport;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Dashboards;

/// <summary>The dashboard and the people behind its numbers are for team leaders; what the filter echoes is encoded.</summary>
public sealed class DashboardAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string DemoPassword = "LivingWell-demo-2026";
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableTheory]
    [InlineData("practitioner@demo.livingwell.test", "/staff/dashboard")]
    [InlineData("practitioner@demo.livingwell.test", "/staff/dashboard/people?key=waiting:all")]
    [InlineData("commissioner@demo.livingwell.test", "/staff/dashboard")]
    [InlineData("commissioner@demo.livingwell.test", "/staff/dashboard/people?key=waiting:all")]
    [InlineData("admin@demo.livingwell.test", "/staff/dashboard/people?key=waiting:all")]
    public async Task Should_refuse_the_dashboard_and_its_people_to_other_roles(string email, string url)
    {
        var client = Factory.NewClient();
        (await client.SignInAsync(email, DemoPassword)).IsRedirect().ShouldBeTrue();

        var response = await client.GetAsync(url);

        response.IsRedirect().ShouldBeTrue();
        response.PathOf().ShouldBe("/staff/account/access-denied", StringCompareShould.IgnoreCase);
    }

    [SkippableFact]
    public async Task Should_show_the_team_leader_the_people_behind_the_running_clocks()
    {
        var client = Factory.NewClient();
        (await client.SignInAsync("teamleader@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();

        var dashboard = await (await client.GetAsync("/staff/dashboard")).ReadDocumentAsync();
        var running = dashboard.QuerySelectorAll(".nhsuk-summary-list__row").First(r => r.TextContent.Contains("Clock running")).QuerySelector("a")!;
        var count = int.Parse(running.TextContent.Split(' ')[0]);
        count.ShouldBeGreaterThan(0, "the demo has people whose clock is running");

        var response = await client.GetAsync(running.GetAttribute("href"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var people = await response.ReadDocumentAsync();
        people.Text("h1").ShouldBe("Waiting now");
        people.QuerySelectorAll("tbody tr").Length.ShouldBe(count);
    }

    [SkippableFact]
    public async Task Should_say_what_is_wrong_with_the_filter_and_keep_it_encoded()
    {
        var client = Factory.NewClient();
        (await client.SignInAsync("teamleader@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();

        var response = await client.GetAsync("/staff/dashboard?from.Day=31&from.Month=02&from.Year=2026&to=2020-01-01&neighbourhood=%3Cscript%3Ealert(1)%3C%2Fscript%3E&team=not-a-team&view=nonsense");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)</script>");
        var page = await response.ReadDocumentAsync();
        page.QuerySelector(".nhsuk-error-summary")!.TextContent.ShouldContain("The first day of the period must be a real date");
        page.QuerySelector("#from_Day")!.GetAttribute("value").ShouldBe("31", "what was typed stays in the boxes");
        page.QuerySelector("#from_Month")!.GetAttribute("value").ShouldBe("02");
        page.QuerySelector("[aria-current=page]")!.TextContent.ShouldBe("Overview", "an unknown view shows the overview");
        page.QuerySelector(".nhsuk-error-summary")!.TextContent.ShouldContain("Choose a team from the list");
    }

    [SkippableFact]
    public async Task Should_refuse_a_drill_down_to_a_number_that_is_not_on_the_dashboard()
    {
        var client = Factory.NewClient();
        (await client.SignInAsync("teamleader@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();

        var response = await client.GetAsync("/staff/dashboard/people?key=" + Uri.EscapeDataString("<b>made-up</b>"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("<b>made-up</b>");
    }

    public void Dispose() => _factory?.Dispose();
}
