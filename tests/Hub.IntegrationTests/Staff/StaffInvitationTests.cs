using System.Text.RegularExpressions;
using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Directory.InviteStaffMember;
using Hub.Domain.Audit;
using Hub.Domain.Directory;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Identity;
using Hub.IntegrationTests.Messaging;
using Hub.IntegrationTests.Reliability;
using Hub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.IntegrationTests.Staff;

/// <summary>
/// An administrator invites a member of staff (docs/decisions/055): the account is made with one role
/// and no password, the email carries a link minted as it goes, the link sets the password once, an
/// invitation again ends the earlier link, and an email already in use is never taken over.
/// </summary>
public sealed partial class StaffInvitationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Guid AdminId = Guid.Parse("5a1f0c00-0000-4000-8000-00000000a055");
    private const string Password = "Invented-harbour-lantern-2026";

    [SkippableFact]
    public async Task Should_make_the_account_with_its_role_and_set_the_password_once_through_the_link_minted_as_the_email_goes()
    {
        var (host, mail, organisation) = await HostAsync();
        await using var _h = host;

        (await InviteAsync(host, "ren.invented.551@example.org", Roles.Practitioner, organisation)).ShouldBe(InvitedAccount.Made);

        var queued = await host.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Purpose == InviteStaffMemberHandler.Purpose));
        queued.Body.ShouldContain(Hub.Application.Common.Messaging.PlanLinks.Placeholder, customMessage: "no link waits in the table");
        var account = await AccountAsync(host, "ren.invented.551@example.org");
        (account.DisplayName, account.OrganisationId, account.EmailConfirmed).ShouldBe(("Ren Invented", (Guid?)organisation, true));
        (await RolesOfAsync(host, account.Id)).ShouldBe([Roles.Practitioner]);
        (await PasswordWorksAsync(host, account.Id, Password)).ShouldBeFalse("no password until they set one");
        var audit = await host.WithDb(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.RecordId == account.Id));
        (audit.Action, audit.ActorUserId, audit.PersonId).ShouldBe((AuditAction.Create, (Guid?)AdminId, (Guid?)null));

        var token = await SentTokenAsync(host, mail);
        (await host.WithDb(db => db.StaffInvitations.AsNoTracking().SingleAsync())).TokenHash.ShouldBe(Hub.Domain.Common.OneTimeToken.Hash(token), "the table keeps only the hash of the link that went");
        var refused = await Should.ThrowAsync<ValidationException>(() => host.SendAsPublic(new AcceptStaffInvitation(token, "short", "short")));
        refused.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Password");
        (await host.SendAsPublic(new AcceptStaffInvitation(token, Password, Password))).ShouldBeTrue("the link still works after a refused password");
        (await PasswordWorksAsync(host, account.Id, Password)).ShouldBeTrue();
        (await host.SendAsPublic(new AcceptStaffInvitation(token, "Invented-another-password-2026", "Invented-another-password-2026"))).ShouldBeFalse("once");
        (await PasswordWorksAsync(host, account.Id, Password)).ShouldBeTrue("the first password stands");

        var again = await Should.ThrowAsync<ValidationException>(() => InviteAsync(host, "Ren.Invented.551@example.org", Roles.Admin, null));
        again.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("This email address already belongs to an account in use. They can sign in with it");
        (await RolesOfAsync(host, account.Id)).ShouldBe([Roles.Practitioner], "an account in use is never changed by an invitation");
    }

    [SkippableFact]
    public async Task Should_end_the_earlier_link_and_take_the_new_role_when_an_unused_account_is_invited_again()
    {
        var (host, mail, organisation) = await HostAsync();
        await using var _h = host;
        await InviteAsync(host, "kit.invented.552@example.org", Roles.Practitioner, organisation);
        var first = await SentTokenAsync(host, mail);

        (await InviteAsync(host, "kit.invented.552@example.org", Roles.TeamLeader, organisation)).ShouldBe(InvitedAccount.InvitedAgain);
        var second = await SentTokenAsync(host, mail);

        var account = await AccountAsync(host, "kit.invented.552@example.org");
        (await RolesOfAsync(host, account.Id)).ShouldBe([Roles.TeamLeader]);
        (await host.SendAsPublic(new AcceptStaffInvitation(first, Password, Password))).ShouldBeFalse("the earlier link was withdrawn");
        (await host.SendAsPublic(new AcceptStaffInvitation(second, Password, Password))).ShouldBeTrue();
        (await host.WithDb(db => db.Users.CountAsync(u => u.Email == "kit.invented.552@example.org"))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_never_take_over_a_volunteers_account_and_say_what_is_missing()
    {
        var (host, _, organisation) = await HostAsync();
        await using var _h = host;
        var volunteer = await LinksMintedAtSendTests.VettedVolunteerAsync(host, "vol.invented.553@example.org");
        await host.WithService<Hub.Application.Volunteering.Coordination.IVolunteerAccounts, Guid?>(a =>
            a.EnsureAccountAsync(volunteer.Email, "Invented Volunteer", CancellationToken.None));

        var taken = await Should.ThrowAsync<ValidationException>(() => InviteAsync(host, "vol.invented.553@example.org", Roles.Admin, null));
        taken.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(InviteStaffMember.Email));

        var missing = await Should.ThrowAsync<ValidationException>(() => host.Send(new InviteStaffMember(" ", null, "Superuser", null), AdminId, Roles.Admin));
        missing.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ShouldBe(
        [
            (nameof(InviteStaffMember.Email), "Enter their work email address"),
            (nameof(InviteStaffMember.DisplayName), "Enter their name"),
            (nameof(InviteStaffMember.Role), "Choose what they will do in the hub"),
            (nameof(InviteStaffMember.OrganisationId), "Choose the organisation they work for"),
        ], ignoreOrder: true);
        (await host.WithDb(db => db.StaffInvitations.CountAsync())).ShouldBe(0);
        (await InviteAsync(host, "first.admin.554@example.org", Roles.Admin, null)).ShouldBe(InvitedAccount.Made, "an administrator may work across the partnership");
    }

    /// <summary>
    /// The account signs in through the organisation's own provider before the link is used: the link then
    /// ends unused, so whoever else reads the email cannot set a password on an account in use.
    /// </summary>
    [SkippableFact]
    public async Task Should_end_the_link_unused_when_the_account_is_signed_in_to_another_way_first()
    {
        var (host, mail, organisation) = await HostAsync();
        await using var _h = host;
        await InviteAsync(host, "sso.invented.557@example.org", Roles.Practitioner, organisation);
        var token = await SentTokenAsync(host, mail);
        var account = await AccountAsync(host, "sso.invented.557@example.org");
        await host.WithService<UserManager<StaffUser>, bool>(async users =>
            (await users.AddLoginAsync((await users.FindByIdAsync(account.Id.ToString()))!, new UserLoginInfo("oidc", "subject-557", "Invented provider"))).Succeeded);

        (await host.SendAsPublic(new AcceptStaffInvitation(token, Password, Password))).ShouldBeFalse();

        (await PasswordWorksAsync(host, account.Id, Password)).ShouldBeFalse("no password is set on an account in use");
        (await host.WithDb(db => db.StaffInvitations.AsNoTracking().SingleAsync())).TokenHash.ShouldBeNull("the link has ended");
    }

    [SkippableFact]
    public async Task Should_invite_an_address_with_an_apostrophe()
    {
        var (host, mail, organisation) = await HostAsync();
        await using var _h = host;

        (await InviteAsync(host, "sean.o'brien.558@example.org", Roles.Practitioner, organisation)).ShouldBe(InvitedAccount.Made);

        await SentTokenAsync(host, mail);
        mail.Sent.Single(m => m.Purpose == InviteStaffMemberHandler.Purpose).To.ShouldBe("sean.o'brien.558@example.org");
    }

    /// <summary>
    /// An unused account invited again by two administrators at once: the second is stored just before the
    /// first changes the account; the first is refused with a message and rolled back whole, the second stands.
    /// </summary>
    [SkippableFact]
    public async Task Should_refuse_the_second_of_two_invitations_again_at_once_and_keep_the_first_whole()
    {
        var interceptor = new FailOnCommand();
        var (host, mail, organisation) = await HostAsync(interceptor);
        await using var _h = host;
        await InviteAsync(host, "both.invented.559@example.org", Roles.Practitioner, organisation);
        var account = await AccountAsync(host, "both.invented.559@example.org");
        interceptor.FailWhen(c => c.CommandText.Contains("UPDATE \"AspNetUsers\"", StringComparison.Ordinal), _ =>
        {
            Task.Run(() => InviteAsync(host, "both.invented.559@example.org", Roles.Commissioner, organisation)).GetAwaiter().GetResult();
            return null;
        });

        var refused = await Should.ThrowAsync<ValidationException>(() => InviteAsync(host, "both.invented.559@example.org", Roles.TeamLeader, organisation));

        refused.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("This email address was invited at the same moment by someone else. Check the team directory");
        (await RolesOfAsync(host, account.Id)).ShouldBe([Roles.Commissioner], "the invitation that was stored stands");
        (await host.WithDb(db => db.StaffInvitations.CountAsync(i => i.TokenHash != null))).ShouldBe(1, "one link works: the stored invitation's");
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.RecordId == account.Id))).ShouldBe(2, "the first invitation and the one stored again; nothing of the refused one");
        (await host.WithDb(db => db.OutboxMessages.CountAsync(m => m.Purpose == InviteStaffMemberHandler.Purpose))).ShouldBe(2);
    }

    /// <summary>Two presses of one link at once, the second started while the first sets its password: one password is set.</summary>
    [SkippableFact]
    public async Task Should_set_exactly_one_password_when_the_link_is_pressed_twice_at_once()
    {
        var interceptor = new FailOnCommand();
        var (host, mail, organisation) = await HostAsync(interceptor);
        await using var _h = host;
        await InviteAsync(host, "twice.invented.555@example.org", Roles.Practitioner, organisation);
        var token = await SentTokenAsync(host, mail);
        Task<bool>? second = null;
        interceptor.FailWhen(c => c.CommandText.Contains("UPDATE \"AspNetUsers\"", StringComparison.Ordinal), _ =>
        {
            second = Task.Run(() => host.SendAsPublic(new AcceptStaffInvitation(token, "Invented-second-tab-2026", "Invented-second-tab-2026")));
            Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(1))).GetAwaiter().GetResult();
            return null;
        });

        (await host.SendAsPublic(new AcceptStaffInvitation(token, Password, Password))).ShouldBeTrue();

        (await second.ShouldNotBeNull()).ShouldBeFalse("the second press finds the link spent");
        var account = await AccountAsync(host, "twice.invented.555@example.org");
        (await PasswordWorksAsync(host, account.Id, Password)).ShouldBeTrue();
        (await PasswordWorksAsync(host, account.Id, "Invented-second-tab-2026")).ShouldBeFalse();
    }

    private async Task<(ApplicationHost Host, CapturingSmtpSender Mail, Guid Organisation)> HostAsync(FailOnCommand? interceptor = null)
    {
        await database.ResetAsync();
        var mail = new CapturingSmtpSender();
        var host = new ApplicationHost(database.ConnectionString, interceptors: interceptor is null ? null : [interceptor],
            settings: [new("Hub:PublicBaseUrl", "https://hub.example.org")],
            configure: s => s.Replace(ServiceDescriptor.Singleton<ISmtpSender>(mail)));
        await host.WithService<RoleManager<IdentityRole<Guid>>, bool>(async roles =>
        {
            foreach (var role in Roles.All.Append(Roles.VolunteerCoordinator).Append(Roles.Volunteer))
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    (await roles.CreateAsync(new IdentityRole<Guid>(role))).Succeeded.ShouldBeTrue();
                }
            }
            return true;
        });
        var organisation = await host.WithDb(async db =>
        {
            var o = db.Organisations.Add(new Organisation("Invented practice", Sector.Primary)).Entity;
            await db.SaveChangesAsync();
            return o.Id;
        });
        return (host, mail, organisation);
    }

    private static Task<InvitedAccount> InviteAsync(ApplicationHost host, string email, string role, Guid? organisation) =>
        host.Send(new InviteStaffMember(email, email.StartsWith("ren.", StringComparison.Ordinal) ? "Ren Invented" : "Invented Member", role, organisation), AdminId, Roles.Admin);

    /// <summary>Sends what waits in the outbox and returns the token of the newest invitation email.</summary>
    private static async Task<string> SentTokenAsync(ApplicationHost host, CapturingSmtpSender mail)
    {
        await host.WithService<OutboxDispatcher, int>(d => d.DispatchAsync("test-instance", 10, CancellationToken.None));
        var sent = mail.Sent.Last(m => m.Purpose == InviteStaffMemberHandler.Purpose);
        return WelcomeLink().Match(sent.Body) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no invitation link in the email");
    }

    private static Task<StaffUser> AccountAsync(ApplicationHost host, string email) =>
        host.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private static Task<List<string>> RolesOfAsync(ApplicationHost host, Guid userId) =>
        host.WithService<UserManager<StaffUser>, List<string>>(async users => [.. await users.GetRolesAsync((await users.FindByIdAsync(userId.ToString()))!)]);

    private static Task<bool> PasswordWorksAsync(ApplicationHost host, Guid userId, string password) =>
        host.WithService<UserManager<StaffUser>, bool>(async users => await users.CheckPasswordAsync((await users.FindByIdAsync(userId.ToString()))!, password));

    [GeneratedRegex(@"/staff/account/welcome/([A-Za-z0-9_-]+)")]
    private static partial Regex WelcomeLink();
}
