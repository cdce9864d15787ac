using Hub.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.PersonalData;

/// <summary>
/// A team leader, without JavaScript, goes from a person's record to their personal data: downloads
/// everything held, restricts processing (a blank reason is refused first), sees the restriction on
/// the record, and lifts it. axe scans every page.
/// </summary>
public sealed class PersonalDataJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false, AcceptDownloads = true };

    [SkippableFact]
    public async Task Should_let_a_team_leader_download_everything_held_and_restrict_and_lift_processing_from_the_record()
    {
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("teamleader@demo.livingwell.test");
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/staff/triage");
        await page.Locator("a[href^='/staff/triage/referrals/']").First.ClickAsync();
        var record = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Everything we hold, restricting processing and how long the record is kept" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Personal data");
        await page.ShouldNotScrollSidewaysAsync("personal data");
        await axe.ScanAsync(page, "personal data");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as a web page to read or print (HTML)" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"hub-export-{Guid.NewGuid():N}.html");
        await download.SaveAsAsync(saved);
        var exportPage = await context.NewPageAsync();
        await exportPage.GotoAsync(new Uri(saved).AbsoluteUri);
        (await exportPage.Locator("h1").InnerTextAsync()).ShouldBe("Everything Living Well Hub holds about you");
        (await exportPage.Locator("section h2").CountAsync()).ShouldBe(35, "every kind of record has its section, plans agreed and support started by staff, who picked up their request, and their Connect and Do records (requests, outings, space, groups proposed and links to change them, volunteering) included");
        await axe.ScanAsync(exportPage, "subject access export");
        await exportPage.CloseAsync();
        File.Delete(saved);

        await page.GetByRole(AriaRole.Button, new() { Name = "Restrict processing" }).ClickAsync();
        (await page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("Say why processing is restricted");
        await axe.ScanAsync(page, "personal data with an error");
        await page.GetByLabel("Why processing is restricted").FillAsync("They contest what the triage note says.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restrict processing" }).ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldContain("Processing is restricted");
        (await page.Locator(".nhsuk-warning-callout").InnerTextAsync()).ShouldContain("They contest what the triage note says.");
        await axe.ScanAsync(page, "personal data, restricted");

        await page.GotoAsync(record);
        (await page.Locator(".nhsuk-warning-callout").First.InnerTextAsync()).ShouldContain("Processing is restricted");
        await axe.ScanAsync(page, "record, restricted");

        await page.GetByRole(AriaRole.Link, new() { Name = "Everything we hold, restricting processing and how long the record is kept" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lift the restriction" }).ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldContain("The restriction is lifted");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "personal-data.png"), FullPage = true });

        axe.ShouldHaveFoundNoViolations();
    }
}
