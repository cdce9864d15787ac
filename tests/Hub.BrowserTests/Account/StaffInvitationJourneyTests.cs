using System.Text.RegularExpressions;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Hub.TestSupport;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Account;

/// <summary>The browser hub with a real SMTP server on loopback, so the invitation arrives as a real email.</summary>
public sealed class StaffInvitationJourneyFixture : MailingBrowserFixture;

/// <summary>
/// An administrator invites a new member of staff (docs/decisions/055), every page scanned with axe:
/// at a desk, the form says what is missing, then sends the invitation; the email arrives over SMTP
/// with its link minted as it went; on a phone, the new member sets a password through the link (a
/// weak one refused first), signs in with it and reaches the staff pages; the link then says it no
/// longer works.
/// </summary>
public sealed partial class StaffInvitationJourneyTests(StaffInvitationJourneyFixture hub, ITestOutputHelper output) : IClassFixture<StaffInvitationJourneyFixture>
{
    private const string AdminEmail = "admin@demo.livingwell.test";
    private const string NewPassword = "Invented-kettle-meadow-2026";
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true };
    private static readonly BrowserNewContextOptions Desk = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };

    [SkippableFact]
    public async Task Should_invite_a_member_of_staff_who_sets_a_password_through_the_emailed_link_and_signs_in()
    {
        hub.Smtp.Require();
        var email = $"robin.{Guid.NewGuid():N}@example.test";
        await using var axe = new AxeAudit(hub, output);

        await using (var desk = await hub.NewContextAsync(Desk))
        {
            var admin = await desk.NewPageAsync();
            await admin.GotoAsync("/staff/account/sign-in");
            await admin.GetByLabel("Email address").FillAsync(AdminEmail);
            await admin.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await admin.ShouldBeOnAsync("/staff");
            await admin.GotoAsync("/staff/directory");
            await admin.GetByRole(AriaRole.Link, new() { Name = "Invite a member of staff" }).ClickAsync();
            await admin.ShouldBeOnAsync("/staff/directory/invite");
            await Check(admin, axe, "invite a member of staff");

            await admin.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            await admin.Locator(".nhsuk-error-summary").WaitForAsync();
            await admin.ErrorSummaryLinksShouldLeadToFieldsAsync();
            await Check(admin, axe, "invite a member of staff, with errors");

            await admin.GetByLabel("Their name").FillAsync("Robin Invented");
            await admin.GetByLabel("Their work email address").FillAsync(email);
            await admin.GetByLabel("Practitioner", new() { Exact = true }).CheckAsync();
            await admin.GetByLabel("The organisation they work for").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await admin.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            await admin.ShouldBeOnAsync("/staff/directory");
            (await admin.Locator(".nhsuk-inset-text").InnerTextAsync()).ShouldContain($"Robin Invented is invited: an email with a link to set their password is on its way to {email}");
            await Check(admin, axe, "team directory after inviting");
        }

        var link = await DispatchAndReadLinkAsync(email);

        await using var person = await hub.NewContextAsync(Phone);
        var phone = await person.NewPageAsync();
        await phone.GotoAsync(link);
        await phone.Locator("h1", new() { HasTextString = "Set your password" }).WaitForAsync();
        await Check(phone, axe, "set your password");

        await phone.GetByLabel("Password", new() { Exact = true }).FillAsync("password");
        await phone.GetByLabel("Password again").FillAsync("password");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Set password" }).TapAsync();
        await phone.Locator(".nhsuk-error-summary").WaitForAsync();
        await phone.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await Check(phone, axe, "set your password, refused");

        await phone.GetByLabel("Password", new() { Exact = true }).FillAsync(NewPassword);
        await phone.GetByLabel("Password again").FillAsync(NewPassword);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Set password" }).TapAsync();
        await phone.ShouldBeOnAsync("/staff/account/sign-in");
        await phone.GetByLabel("Email address").FillAsync(email);
        await phone.GetByLabel("Password").FillAsync(NewPassword);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).TapAsync();
        await phone.ShouldBeOnAsync("/staff");
        (await phone.Locator("main").InnerTextAsync()).ShouldContain("Robin Invented");

        await phone.GotoAsync(link);
        await phone.GetByLabel("Password", new() { Exact = true }).FillAsync(NewPassword);
        await phone.GetByLabel("Password again").FillAsync(NewPassword);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Set password" }).TapAsync();
        await phone.Locator("h1", new() { HasTextString = "This link no longer works" }).WaitForAsync();
        await Check(phone, axe, "link no longer works");
    }

    /// <summary>Sends what is due and reads the invitation link out of the email as it arrived over SMTP.</summary>
    private async Task<string> DispatchAndReadLinkAsync(string to)
    {
        using (var scope = hub.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync("staff-invitation-journey", 20, CancellationToken.None);
        }
        var bodies = hub.Smtp.Messages().Where(m => SmtpServer.Header(m, "To")?.Contains(to, StringComparison.OrdinalIgnoreCase) == true)
            .Select(SmtpServer.Body).ToList();
        bodies.Count.ShouldBe(1, "one invitation email");
        var link = WelcomeLink().Match(bodies[0]);
        link.Success.ShouldBeTrue("the email carries the link to set a password");
        return link.Value;
    }

    [GeneratedRegex(@"/staff/account/welcome/[A-Za-z0-9_-]+")]
    private static partial Regex WelcomeLink();

    private static async Task Check(IPage page, AxeAudit axe, string name)
    {
        await page.ShouldNotScrollSidewaysAsync(name);
        await axe.ScanAsync(page, name);
    }
}
