using Hub.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Dashboards;

/// <summary>
/// A team leader reads the dashboard without JavaScript: every view, a drill-down to the people
/// behind a number, and a period that cannot be counted. axe scans every page; a practitioner is refused.
/// </summary>
public sealed class DashboardJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false };

    [SkippableFact]
    public async Task Should_let_a_team_leader_read_every_view_and_see_the_people_behind_a_number()
    {
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "teamleader@demo.livingwell.test");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff/dashboard");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Dashboard");
        var views = page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard views" });
        (await views.GetByRole(AriaRole.Link).AllInnerTextsAsync()).ShouldBe(["Overview", "Caseloads", "Flow", "Outcomes", "Equity"]);
        (await page.Locator("svg[role=img]").CountAsync()).ShouldBeGreaterThan(0, "the weekly referrals chart");
        await page.ShouldNotScrollSidewaysAsync("dashboard overview");
        await axe.ScanAsync(page, "dashboard overview");
        await Screenshot(page, "dashboard-overview");

        // The demo person waiting 23 days is behind the "Day 21 to 28" number.
        var atRisk = page.Locator(".nhsuk-summary-list__row", new() { HasText = "Day 21 to 28" }).GetByRole(AriaRole.Link);
        var count = int.Parse((await atRisk.InnerTextAsync()).Split(' ')[0]);
        count.ShouldBeGreaterThan(0);
        await atRisk.ClickAsync();
        await page.ShouldBeOnAsync("/staff/dashboard/people");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Day 21 to 28");
        (await page.Locator("tbody tr").CountAsync()).ShouldBe(count, "one row for each person behind the number");
        await axe.ScanAsync(page, "people behind a number");
        await Screenshot(page, "dashboard-people");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the dashboard" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff/dashboard");

        foreach (var view in new[] { "Caseloads", "Flow", "Outcomes", "Equity" })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard views" }).GetByRole(AriaRole.Link, new() { Name = view }).ClickAsync();
            (await page.Locator("h2").First.InnerTextAsync()).ShouldBe(view);
            (await page.Locator("[aria-current=page]").InnerTextAsync()).ShouldBe(view);
            await page.ShouldNotScrollSidewaysAsync($"dashboard {view}");
            await axe.ScanAsync(page, $"dashboard {view}");
            await Screenshot(page, $"dashboard-{view.ToLowerInvariant()}");
        }

        // A period that ends before it starts: said plainly, the typed dates kept, the last four weeks shown meanwhile.
        async Task Type(string legend, string day, string month, string year)
        {
            var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
            await group.GetByLabel("Day", new() { Exact = true }).FillAsync(day);
            await group.GetByLabel("Month", new() { Exact = true }).FillAsync(month);
            await group.GetByLabel("Year", new() { Exact = true }).FillAsync(year);
        }
        await Type("From", "20", "11", "2026");
        await Type("To", "1", "11", "2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        (await page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("The end of the period must be the same as or after its start");
        (await page.GetByRole(AriaRole.Group, new() { Name = "To", Exact = true }).GetByLabel("Day", new() { Exact = true }).InputValueAsync()).ShouldBe("1");
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await Screenshot(page, "dashboard-period-error");

        // A date that is not a real date: said on the box, in the design system's words.
        await Type("From", "31", "2", "2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        (await page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("The first day of the period must be a real date");
        await axe.ScanAsync(page, "dashboard with a date that is not real");
        (await page.Locator("[aria-current=page]").InnerTextAsync()).ShouldBe("Equity", "the filter keeps the view");
        await axe.ScanAsync(page, "dashboard with a period error");

        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_refuse_the_dashboard_to_a_practitioner()
    {
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "practitioner@demo.livingwell.test");

        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).CountAsync()).ShouldBe(0);
        var response = await page.GotoAsync("/staff/dashboard");
        response!.Status.ShouldBe(403);
        await page.ShouldBeOnAsync("/staff/account/access-denied");
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("Four-week clock");
        await Screenshot(page, "dashboard-refused");
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
