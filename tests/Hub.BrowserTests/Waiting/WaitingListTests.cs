using Hub.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Waiting;

/// <summary>A team leader reads the four-week waiting list without JavaScript; axe scans it.</summary>
public sealed class WaitingListTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false };

    [SkippableFact]
    public async Task Should_show_a_team_leader_who_is_at_risk_of_breaching_four_weeks()
    {
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("teamleader@demo.livingwell.test");
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Four-week waits" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff/waiting");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Four-week waits");
        (await page.Locator("strong.nhsuk-tag--orange").CountAsync()).ShouldBeGreaterThan(0, "the demo person waiting 23 days is at risk");
        await page.ShouldNotScrollSidewaysAsync("four-week waits");
        await axe.ScanAsync(page, "four-week waits");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "four-week-waits.png"), FullPage = true });

        axe.ShouldHaveFoundNoViolations();
    }
}
