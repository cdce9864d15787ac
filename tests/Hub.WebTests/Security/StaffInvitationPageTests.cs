using System.Net;
using Hub.Application.Common;
using Hub.Application.Directory.InviteStaffMember;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.CareTeams.CareTeamSteps;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Security;

/// <summary>
/// The administrator's invitation form and the new member's password page (docs/decisions/055): bad
/// input is named beside its box and keeps what was typed; a good invitation queues the
/// email and lists the account for a directory profile; a link nobody was sent says it does not work.
/// </summary>
public sealed class StaffInvitationPageTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string AdminEmail = "admin@demo.livingwell.test";
    private const string InviteForm = "form[action='/staff/directory/invite']";

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_name_what_is_missing_keep_what_was_typed_and_make_nothing()
    {
        var admin = await Factory.SignedInAsync(AdminEmail);
        var accounts = await Factory.WithDbAsync(db => db.Users.CountAsync());
        var page = await admin.GetDocumentAsync("/staff/directory/invite");

        var response = await admin.SubmitAsync(page, InviteForm, new Dictionary<string, string>
        {
            ["DisplayName"] = $"Sam {Script}",
            ["Email"] = "not an address",
        });

        var shown = await response.ShouldComeBackSafelyAsync("an invitation with a script in its name and no address");
        shown.ErrorSummary().ShouldBe(
        [
            "Enter an email address in the correct format, like name@example.com",
            "Choose what they will do in the hub",
            "Choose the organisation they work for",
        ], ignoreOrder: true);
        shown.InlineError("Email").ShouldBe("Enter an email address in the correct format, like name@example.com");
        (shown.InputValue("DisplayName"), shown.InputValue("Email")).ShouldBe(($"Sam {Script}", "not an address"), "what was typed comes back, encoded");
        (await Factory.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(accounts);
    }

    [SkippableFact]
    public async Task Should_queue_the_invitation_and_list_a_practitioner_for_a_directory_profile()
    {
        var admin = await Factory.SignedInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync("/staff/directory/invite");
        var organisation = page.QuerySelectorAll("select[name='OrganisationId'] option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v));

        var response = await admin.SubmitAsync(page, InviteForm, new Dictionary<string, string>
        {
            ["DisplayName"] = "Jordan Invented",
            ["Email"] = "jordan.invented.556@example.org",
            ["Role"] = Roles.Practitioner,
            ["OrganisationId"] = organisation!,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await response.ReadDocumentAsync()).QuerySelector(".nhsuk-error-summary")?.TextContent);
        var directory = await admin.GetDocumentAsync(response.Headers.Location!.ToString());
        directory.QuerySelector(".nhsuk-inset-text")!.TextContent.ShouldContain("Jordan Invented is invited: an email with a link to set their password is on its way to jordan.invented.556@example.org");
        directory.QuerySelectorAll("a[href^='/staff/directory/members/']").Select(a => a.TextContent.Trim()).ShouldContain("Add Jordan Invented");
        var queued = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == "jordan.invented.556@example.org").ToListAsync());
        queued.ShouldHaveSingleItem().Purpose.ShouldBe(InviteStaffMemberHandler.Purpose);
    }

    [SkippableFact]
    public async Task Should_refuse_the_invitation_form_to_anyone_but_an_administrator_and_open_the_password_page_to_anyone()
    {
        var teamLeader = await Factory.SignedInAsync(TeamLeader);
        await teamLeader.ShouldBeRefusedAsync(await teamLeader.GetAsync("/staff/directory/invite"), "a team leader may not invite staff");

        var anonymous = Factory.NewClient();
        var welcome = await anonymous.GetDocumentAsync("/staff/account/welcome/not-a-token-anyone-was-sent");
        welcome.Title!.ShouldStartWith("Set your password");
        var response = await anonymous.SubmitAsync(welcome, "form[action^='/staff/account/welcome/']", new Dictionary<string, string>
        {
            ["Password"] = "Invented-orchard-bicycle-2026",
            ["ConfirmPassword"] = "Invented-orchard-bicycle-2026",
        });
        var shown = await response.ShouldComeBackSafelyAsync("a password sent with a link nobody was sent");
        shown.QuerySelector("h1")!.TextContent.Trim().ShouldBe("This link no longer works");
        shown.Title!.ShouldStartWith("Error: This link no longer works");
    }

    public void Dispose() => _factory?.Dispose();
}
