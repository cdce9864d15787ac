using Hub.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Jobs;

/// <summary>
/// An administrator opens Hangfire's dashboard from the staff menu; a practitioner is refused it.
/// axe scans the hub's own pages on the way. The dashboard itself is Hangfire's markup, which we
/// neither write nor can change (and which the public and clinical staff never see): it is left
/// out of axe, as docs/decisions/021 records.
/// </summary>
public sealed class JobsDashboardJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Should_let_an_administrator_open_the_jobs_dashboard_from_the_staff_menu()
    {
        await using var axe = new AxeAudit(hub, output);
        await using var context = await hub.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await SignInAsync(page, "admin@demo.livingwell.test");
        await axe.ScanAsync(page, "staff home as an administrator");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Background jobs" }).ClickAsync();

        await page.ShouldBeOnAsync("/staff/jobs");
        (await page.TitleAsync()).ShouldContain("Living Well Hub: background jobs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff/jobs/recurring");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("Recurring Jobs"); // none here: the browser tests' hub runs no job server
        errors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty("the dashboard's own policy lets it work");
        await Screenshot(page, "jobs-dashboard");
        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_refuse_the_jobs_dashboard_to_a_practitioner()
    {
        await using var axe = new AxeAudit(hub, output);
        await using var context = await hub.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "practitioner@demo.livingwell.test");

        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Background jobs" }).CountAsync()).ShouldBe(0);
        var response = await page.GotoAsync("/staff/jobs");

        response!.Status.ShouldBe(403);
        await page.ShouldBeOnAsync("/staff/account/access-denied");
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("Recurring Jobs");
        await axe.ScanAsync(page, "jobs dashboard refused");
        await Screenshot(page, "jobs-dashboard-refused");
        axe.ShouldHaveFoundNoViolations();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true });
}
