using System.Diagnostics;
using System.Text.RegularExpressions;
using Hub.Domain.SupportPlans;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.SupportPlans;

/// <summary>
/// The person's plan in a real browser without JavaScript: staff start it and suggest a step, the
/// person opens the link from a real email, writes in their own words, rates a goal, says no to the
/// suggestion and downloads the PDF, which is read back and turned into pictures.
/// </summary>
public sealed partial class PlanJourneyTests(PlanJourneyFixture hub, ITestOutputHelper output) : IClassFixture<PlanJourneyFixture>
{
    private const string Email = "sasha.plan@example.org";
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false };
    private static readonly BrowserNewContextOptions Phone = new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 360, Height = 740 }, AcceptDownloads = true };

    [SkippableFact]
    public async Task Should_let_the_person_open_their_plan_from_an_email_change_it_decline_a_suggestion_and_download_it()
    {
        hub.Smtp.Require();
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        var reference = await SendSelfReferralAsync();

        // Staff start the plan and suggest a step, then send the link.
        await using var staffContext = await hub.NewContextAsync(NoJavaScript);
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync("/staff/account/sign-in");
        await staff.GetByLabel("Email address").FillAsync("practitioner@demo.livingwell.test");
        await staff.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await staff.ShouldBeOnAsync("/staff");
        await staff.GotoAsync("/staff/triage");
        await staff.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Support plan" }).ClickAsync();
        await axe.ScanAsync(staff, "staff plan before it starts");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await staff.GetByLabel("Add a step").CheckAsync();
        await staff.GetByLabel("Suggestion", new() { Exact = true }).FillAsync("Try the Tuesday evening peer group");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the suggestion" }).ClickAsync();
        await staff.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Suggestion sent" }).WaitForAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Email the person a link to their plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "A link is queued" }).WaitForAsync();
        await axe.ScanAsync(staff, "staff plan");

        // The outbox delivers the email to the real SMTP server.
        using (var scope = hub.Factory.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync("plan-journey", 10, CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        }
        var message = hub.Smtp.Messages().Single(m => SmtpServer.Header(m, "To")?.Contains(Email, StringComparison.OrdinalIgnoreCase) == true);
        var linkPath = LinkPattern().Match(SmtpServer.Body(message)).Value;
        linkPath.ShouldNotBeEmpty("the email carries the link");

        // The person, on a phone, opens the link and lands on a clean address.
        await using var personContext = await hub.NewContextAsync(Phone);
        var me = await personContext.NewPageAsync();
        await me.GotoAsync(linkPath);
        (await me.Locator("h1").InnerTextAsync()).ShouldBe("Open your plan");
        await axe.ScanAsync(me, "open your plan");
        await me.GetByRole(AriaRole.Button, new() { Name = "Open my plan" }).ClickAsync();
        await me.ShouldBeOnAsync("/my/plan");
        me.Url.ShouldNotContain("/my/link/");
        (await me.Locator("h1").InnerTextAsync()).ShouldBe("Sasha's plan");
        await axe.ScanAsync(me, "my plan with a suggestion");
        await me.ShouldNotScrollSidewaysAsync("my plan");

        await me.GetByLabel("What matters to me").FillAsync("My sister, and getting back to the allotment.");
        await me.GetByLabel("Goal 1").FillAsync("Sleep through the night");
        await me.GetByRole(AriaRole.Button, new() { Name = "Save my plan" }).ClickAsync();
        await me.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Your plan is saved" }).WaitForAsync();

        await me.GetByRole(AriaRole.Group, new() { Name = "Sleep through the night" }).GetByLabel("6", new() { Exact = true }).CheckAsync();
        await me.GetByRole(AriaRole.Button, new() { Name = "Save rating" }).ClickAsync();
        await me.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Your rating is saved" }).WaitForAsync();

        await me.GetByRole(AriaRole.Button, new() { Name = "No, thank you" }).ClickAsync();
        await me.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Suggestion declined" }).WaitForAsync();
        await axe.ScanAsync(me, "my plan after changes");
        await me.ScreenshotAsync(new() { Path = Screenshot("my-plan.png"), FullPage = true });

        var download = await me.RunAndWaitForDownloadAsync(() => me.GetByRole(AriaRole.Link, new() { Name = "Download my plan as a PDF" }).ClickAsync());
        var pdfPath = Screenshot("my-plan.pdf");
        await download.SaveAsAsync(pdfPath);
        (await File.ReadAllBytesAsync(pdfPath)).Take(5).ShouldBe("%PDF-"u8.ToArray());
        var text = Run("pdftotext", "-layout", pdfPath, "-");
        text.ShouldContain("Sasha's plan");
        text.ShouldContain("My sister, and getting back to the allotment.");
        text.ShouldContain("Sleep through the night");
        text.ShouldContain("116 123");
        text.ShouldNotContain("Tuesday evening peer group", customMessage: "a declined suggestion is not in the plan");
        Run("pdfinfo", pdfPath).ShouldContain("Tagged:          yes");
        Run("pdftoppm", "-png", "-r", "60", pdfPath, Screenshot("my-plan-page"));

        using (var scope = hub.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var spellId = await db.Referrals.AsNoTracking().Where(r => r.Reference == reference).Select(r => r.SpellId).SingleAsync();
            var plan = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.SpellId == spellId);
            plan.Content.Goals.Single().Latest.ShouldBe(6);
            var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderBy(v => v.Number).Select(v => v.Author).ToListAsync();
            versions.ShouldBe([PlanAuthor.Staff, PlanAuthor.Person, PlanAuthor.Person]);
            (await db.PlanSuggestions.AsNoTracking().SingleAsync(s => s.PlanId == plan.Id)).Status.ShouldBe(SuggestionStatus.Declined);
        }

        axe.ShouldHaveFoundNoViolations();
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (install poppler-utils).");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{tool} failed");
        return text;
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private async Task<string> SendSelfReferralAsync()
    {
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
// Messages not said to be safe: no confirmation email, so the plan link is the only email to this address.
        return await PublicForm.SendSelfReferralAsync(page, "Email", Email, safeToLeaveMessage: null, name: "Sasha");
    }

    [GeneratedRegex(@"/my/link/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
