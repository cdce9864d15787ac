using Hub.Application.Common;
using Hub.Domain.Audit;
using Hub.Domain.Triage;
using Hub.Infrastructure.Identity;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Triage;

/// <summary>
/// A practitioner triages a new self-referral in a real browser without JavaScript: sign in, the
/// queue, the record, an attempt, a contact and the outcome. Every page is scanned with axe, and
/// every read and change of the person's record leaves exactly one audit row.
/// </summary>
public sealed class TriageJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string PractitionerEmail = "practitioner@demo.livingwell.test";

    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false };

    [SkippableFact]
    public async Task Should_audit_every_record_load_and_change_when_a_practitioner_triages_a_new_referral_without_javascript()
    {
        var reference = await SendSelfReferralAsync();

        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();

        // Staff pages need a sign-in first.
        await page.GotoAsync("/staff");
        await page.ShouldBeOnAsync("/staff/account/sign-in");
        await axe.ScanAsync(page, "staff sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(page, "staff sign-in with errors");

        await page.GetByLabel("Email address").FillAsync(PractitionerEmail);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Staff home");
        await axe.ScanAsync(page, "staff home");

        // The referral is in the queue straight away.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Triage queue" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff/triage");
        var row = page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true });
        (await row.CountAsync()).ShouldBe(1, "the new referral should be in the triage queue");
        await axe.ScanAsync(page, "triage queue");

        // Record page load 1: open it from the queue.
        await row.ClickAsync();
        await page.Locator("h1", new() { HasTextString = "Robin" }).WaitForAsync();
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe($"Referral {reference}");
        await axe.ScanAsync(page, "referral record");

        // Record page load 2: the outcome form sent with nothing chosen shows the error on the page.
        var outcomeForm = page.Locator("form[action*='handler=outcome']");
        await outcomeForm.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        (await page.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync()).ShouldContain("Select the outcome of triage");
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(page, "referral record with an error");

        // Record page load 3: the redirect after recording a contact attempt.
        var attemptForm = page.Locator("form[action*='handler=attempt']");
        await attemptForm.GetByRole(AriaRole.Group, new() { Name = "How" }).GetByLabel("Phone", new() { Exact = true }).CheckAsync();
        await attemptForm.GetByLabel("No answer", new() { Exact = true }).CheckAsync();
        await attemptForm.GetByRole(AriaRole.Button, new() { Name = "Save attempt" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Contact attempt recorded" }).WaitForAsync();
        (await page.Locator(".nhsuk-error-summary").CountAsync()).ShouldBe(0);
        await axe.ScanAsync(page, "referral record after saving an attempt");

        // Record page load 4: the redirect after recording a contact that took place.
        var contactForm = page.Locator("form[action*='handler=contact']");
        await contactForm.GetByLabel("Face to face", new() { Exact = true }).CheckAsync();
        await contactForm.GetByLabel("Where").SelectOptionAsync(new SelectOptionValue { Label = "The hub" });
        await contactForm.GetByRole(AriaRole.Group, new() { Name = "Did it take place?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await contactForm.GetByLabel("How long, in minutes").FillAsync("40");
        await contactForm.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Contact recorded" }).WaitForAsync();
        (await page.Locator(".nhsuk-error-summary").CountAsync()).ShouldBe(0);

        // Record page load 5: the redirect after recording the outcome.
        outcomeForm = page.Locator("form[action*='handler=outcome']");
        await outcomeForm.Locator("input[name='Outcome.Outcome'][value='ConversationBooked']").CheckAsync();
        await outcomeForm.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Triage outcome recorded" }).WaitForAsync();
        (await page.Locator(".nhsuk-error-summary").CountAsync()).ShouldBe(0);
        await axe.ScanAsync(page, "referral record after the outcome");
        const int recordPageLoads = 5;

        using (var scope = hub.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var practitioner = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(PractitionerEmail);
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference);
            referral.Outcome.ShouldBe(TriageOutcome.ConversationBooked);

            var audit = await db.AuditEvents.AsNoTracking()
                .Where(a => a.PersonId == referral.PersonId)
                .OrderBy(a => a.WriterNumber) // the order written (positions come later, from the sealer)
                .ToListAsync();
            audit.Select(a => $"{a.Action} {a.RecordType}").ShouldBe(
            [
                "Create Referral",      // the person sends the form
                "View Referral",        // opened from the queue
                "View Referral",        // the outcome error shown on the record
                "Create ContactAttempt",
                "View Referral",        // after the attempt
                "Create Contact",
                "View Referral",        // after the contact
                "Update Referral",      // the outcome
                "View Referral",        // after the outcome
            ]);
            audit.Count(a => a.Action == AuditAction.View).ShouldBe(recordPageLoads);
            audit.Where(a => a.RecordType == "Referral").ShouldAllBe(a => a.RecordId == referral.Id);
            audit.Skip(1).ShouldAllBe(a => a.ActorUserId == practitioner!.Id && a.ActorRole == Roles.Practitioner);
        }

        axe.ShouldHaveFoundNoViolations();
    }

    /// <summary>An invented person refers themselves through the public form; returns the reference.</summary>
    private async Task<string> SendSelfReferralAsync()
    {
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
return await PublicForm.SendSelfReferralAsync(page, "Phone call", "07700 900 753", safeToLeaveMessage: true, name: "Robin", happening: "Struggling since losing my job.");
    }
}
