using System.Net;
using Hub.TestSupport;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Security;

/// <summary>The four-week waiting list is for team leaders.</summary>
public sealed class WaitingListAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string DemoPassword = "LivingWell-demo-2026";
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_show_the_team_leader_the_demo_person_waiting_23_days_as_at_risk()
    {
        var client = Factory.NewClient();
        (await client.SignInAsync("teamleader@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();

        var response = await client.GetAsync("/staff/waiting");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.Text("h1").ShouldBe("Four-week waits");
        page.QuerySelectorAll("tbody tr").Length.ShouldBeGreaterThan(0);
        page.QuerySelector("strong.nhsuk-tag--orange")!.TextContent.ShouldContain("at risk");
    }

    [SkippableTheory]
    [InlineData("practitioner@demo.livingwell.test")]
    [InlineData("commissioner@demo.livingwell.test")]
    public async Task Should_refuse_the_waiting_list_to_other_roles(string email)
    {
        var client = Factory.NewClient();
        (await client.SignInAsync(email, DemoPassword)).IsRedirect().ShouldBeTrue();

        var response = await client.GetAsync("/staff/waiting");

        response.IsRedirect().ShouldBeTrue();
        response.PathOf().ShouldBe("/staff/account/access-denied", StringCompareShould.IgnoreCase);
    }

    public void Dispose() => _factory?.Dispose();
}
