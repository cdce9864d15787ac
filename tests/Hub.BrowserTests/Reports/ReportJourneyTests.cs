using System.Diagnostics;
using Hub.Application.Reports.Suppression;
using Hub.Infrastructure.Seeding;
using Hub.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Reports;

/// <summary>The browser hub with its scheduler running (and mail going to a real SMTP server), so reports are made in the background as in production.</summary>
public sealed class ReportJourneyFixture : MailingBrowserFixture
{
    protected override void Configure(HubWebFactory factory)
    {
        base.Configure(factory);
        factory.With("Hub:Jobs:Enabled", "true").With("Hub:Chromium:Path", ChromiumPath);
    }
}

/// <summary>
/// A commissioner asks for last month's report without JavaScript, watches it being made, downloads
/// the PDF and the CSV; the PDF is read back and turned into pictures. axe scans every page, the
/// report's own web page included.
/// </summary>
public sealed class ReportJourneyTests(ReportJourneyFixture hub, ITestOutputHelper output) : IClassFixture<ReportJourneyFixture>
{
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false, AcceptDownloads = true };

    private static string Screenshots => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [SkippableFact]
    public async Task Should_let_a_commissioner_ask_for_a_report_wait_for_it_and_download_the_pdf_and_csv()
    {
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("commissioner@demo.livingwell.test");
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" });
        (await menu.GetByRole(AriaRole.Link, new() { Name = "Triage queue" }).CountAsync()).ShouldBe(0, "commissioners see no person-level lists");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff/reports");
        await axe.ScanAsync(page, "reports");

        // The form starts on last month for the whole hub.
        (await page.GetByLabel("What it covers").InputValueAsync()).ShouldBe("hub");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the report" }).ClickAsync();
        await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex("/staff/reports/[0-9a-f-]{36}$"));
        await axe.ScanAsync(page, "report being made");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "report-progress.png"), FullPage = true });

        // Without JavaScript the commissioner checks by hand until the files are ready.
        var pdfLink = page.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" });
        for (var i = 0; i < 60 && await pdfLink.CountAsync() == 0; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await page.GetByRole(AriaRole.Link, new() { Name = "Check now" }).ClickAsync();
        }
        (await page.Locator(".nhsuk-tag--green").InnerTextAsync()).ShouldBe("Ready");
        await axe.ScanAsync(page, "report ready");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "report-ready.png"), FullPage = true });

        var pdfPath = Path.Combine(Screenshots, "report.pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => pdfLink.ClickAsync());
        await download.SaveAsAsync(pdfPath);
        download.SuggestedFilename.ShouldEndWith(".pdf");
        var checksum = await page.Locator("tr", new() { HasText = "Download the PDF" }).Locator("code").InnerTextAsync();
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(pdfPath))).ShouldBe(checksum);

        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the CSV" }).ClickAsync());
        var csvPath = Path.Combine(Screenshots, "report.csv");
        await csvDownload.SaveAsAsync(csvPath);
        (await File.ReadAllLinesAsync(csvPath))[0].ShouldBe("Section,Table,Group,Measure,Value");

        var text = await Run("pdftotext", pdfPath, "-");
        text.ShouldContain("Definitions");
        text.ShouldContain("Commissioner report");
        text.ShouldContain("To protect the privacy of the people counted");
        (await Run("pdfinfo", pdfPath)).ShouldContain("Tagged:          yes");
        await Run("pdftoppm", "-r", "60", "-png", pdfPath, Path.Combine(Screenshots, "report-page"));
        Directory.GetFiles(Screenshots, "report-page*.png").ShouldNotBeEmpty();

        await page.GetByRole(AriaRole.Link, new() { Name = "View the report as a web page" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Commissioner report");
        await axe.ScanAsync(page, "report as a web page");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "report-web-page.png"), FullPage = true });

        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_refuse_a_commissioner_every_person_level_list()
    {
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("commissioner@demo.livingwell.test");
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");

        foreach (var url in new[] { "/staff/triage", "/staff/waiting", "/staff/dashboard", "/staff/dashboard/people?key=waiting:all", "/staff/caseloads", "/staff/allocation", "/staff/handoffs" })
        {
            var response = await page.GotoAsync(url);
            response!.Status.ShouldBe(403, url);
        }
    }

    private static async Task<string> Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{tool} failed");
        return output;
    }
}
