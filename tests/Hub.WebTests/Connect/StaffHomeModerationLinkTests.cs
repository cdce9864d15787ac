using Hub.TestSupport;

namespace Hub.WebTests.Connect;

/// <summary>
/// Staff home lists the moderation queue of Connect and Do for the people who moderate it (community
/// connectors and administrators), beside their other links, as the staff menu does; others do not see it.
/// </summary>
public sealed class StaffHomeModerationLinkTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string Password = "LivingWell-demo-2026";

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableTheory]
    [InlineData("connector@demo.livingwell.test", true)]
    [InlineData("admin@demo.livingwell.test", true)]
    [InlineData("practitioner@demo.livingwell.test", false)]
    [InlineData("teamleader@demo.livingwell.test", false)]
    public async Task Should_link_to_the_proposals_to_check_from_staff_home_only_for_those_who_moderate(string email, bool moderates)
    {
        var client = Factory.NewClient();
        (await client.SignInAsync(email, Password)).IsRedirect().ShouldBeTrue();

        var home = await client.GetDocumentAsync("/staff");

        var links = home.QuerySelectorAll("main a.nhsuk-action-link__link").Select(a => a.GetAttribute("href")).ToList();
        links.Contains("/staff/connect/proposals").ShouldBe(moderates, $"{email}: {string.Join(", ", links)}");
        if (moderates)
        {
            (await client.GetAsync("/staff/connect/proposals")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, "the link leads somewhere the user may go");
        }
    }

    public void Dispose() => _factory?.Dispose();
}
