using Hub.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.PersonalData;

/// <summary>
/// A team leader, without JavaScript, answers subject access for someone who only asked Connect and Do
/// for someone to come along by text (docs/decisions/048): from the staff menu, a blank search is refused
/// with a clear message, a number nobody used finds nothing and says so, the demo number written with +44
/// finds the request, and the download opens as the readable document. axe scans every page.
/// </summary>
public sealed class CommunitySubjectAccessJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false, AcceptDownloads = true };

    [SkippableFact]
    public async Task Should_let_a_team_leader_find_and_download_what_connect_and_do_holds_under_a_mobile_number()
    {
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("teamleader@demo.livingwell.test");
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/staff/triage");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Subject access" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Subject access for Connect and Do");
        await axe.ScanAsync(page, "community subject access");

        var search = page.GetByRole(AriaRole.Button, new() { Name = "Find their records" });
        await search.ClickAsync();
        (await page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("Enter the email address or mobile number the person used");
        await axe.ScanAsync(page, "community subject access with an error");

        var address = page.GetByLabel("Email address or mobile number");
        await address.FillAsync("07700 900 999");
        await search.ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("Connect and Do holds nothing under this mobile number.");
        (await address.InputValueAsync()).ShouldBe("07700 900 999", "what was searched for stays in the box");

        await address.FillAsync("+44 7700 900303");
        await search.ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldStartWith("Connect and Do holds ");
        (await page.Locator(".nhsuk-summary-list__key").AllInnerTextsAsync()).ShouldContain("Asking for someone to come along");
        await page.ShouldNotScrollSidewaysAsync("community subject access, found");
        await axe.ScanAsync(page, "community subject access, found");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "community-subject-access.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download as a web page to read or print (HTML)" }).ClickAsync());
        download.SuggestedFilename.ShouldNotContain("7700");
        var saved = Path.Combine(Path.GetTempPath(), $"hub-community-export-{Guid.NewGuid():N}.html");
        await download.SaveAsAsync(saved);
        var exportPage = await context.NewPageAsync();
        await exportPage.GotoAsync(new Uri(saved).AbsoluteUri);
        (await exportPage.Locator("h1").InnerTextAsync()).ShouldBe("Everything Living Well Hub holds about you on Connect and Do");
        (await exportPage.Locator("section h2").CountAsync()).ShouldBe(12, "the eleven Connect and Do sections the hub export has, and the messages sent to the address");
        (await exportPage.Locator("body").InnerTextAsync()).ShouldContain("I would like to try it but I am nervous about walking in");
        await axe.ScanAsync(exportPage, "community subject access export");
        await exportPage.CloseAsync();
        File.Delete(saved);

        axe.ShouldHaveFoundNoViolations();
    }
}
