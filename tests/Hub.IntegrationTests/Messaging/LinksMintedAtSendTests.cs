using System.Text.RegularExpressions;
using Hub.Application.Common;
using Hub.Application.Common.Messaging;
using Hub.Application.Space.SignIn.AskForSpaceLink;
using Hub.Application.Space.SignIn.ExchangeSpaceLink;
using Hub.Application.Volunteering.Coordination;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using Hub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.Messaging.MessagingWorld;

namespace Hub.IntegrationTests.Messaging;

/// <summary>
/// Every one-time link that leaves the hub is minted as its message goes (docs/decisions/030, 042):
/// a volunteer's invitation to set their password and a community space's sign-in link, by email
/// through the SMTP relay or through Notify, and by text. Before sending, the outbox row holds only
/// the placeholder; after, no table (Hangfire's included) holds the token, and the token that went works.
/// </summary>
public sealed partial class LinksMintedAtSendTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly Guid CoordinatorId = Guid.Parse("5a1f0c00-0000-4000-8000-00000000c042");
    private const string Password = "Invented-violet-harbour-2026";
    private readonly NotifyStandIn _notify = new();

    [SkippableFact]
    public async Task Should_email_a_volunteers_invitation_by_smtp_minted_when_sent_so_no_usable_token_is_left_in_any_table()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var volunteer = await VettedVolunteerAsync(host, "ada.invented.901@example.org");

        await InviteAsync(host, volunteer);
        var queued = (await Messages(host)).Single(m => m.Purpose == InviteVolunteerHandler.Purpose);
        queued.Body.ShouldContain(PlanLinks.Placeholder, customMessage: "the message waits with the placeholder");
        queued.PlanLinkId.ShouldNotBeNull();
        (await EveryRow(host)).Where(r => r.Contains("/volunteer/welcome/", StringComparison.Ordinal)).ShouldBeEmpty("no link waits in any table before the email goes");

        (await Dispatch(host)).ShouldBe(1);

        var sent = mail.Sent.Single(m => m.Purpose == InviteVolunteerHandler.Purpose);
        sent.To.ShouldBe("ada.invented.901@example.org");
        sent.Body.ShouldNotContain(PlanLinks.Placeholder);
        var token = WelcomeToken(sent.Body);
        (await EveryRow(host)).Where(r => r.Contains(token, StringComparison.Ordinal)).ShouldBeEmpty("no table holds the token");
        (await Messages(host)).Single(m => m.Purpose == InviteVolunteerHandler.Purpose).Body.ShouldContain(PlanLinks.Placeholder, customMessage: "the row keeps the placeholder after sending");
        (await host.SendAsPublic(new AcceptInvitation(token, Password, Password))).ShouldBeTrue("the token that went works");
        (await host.SendAsPublic(new AcceptInvitation(token, Password, Password))).ShouldBeFalse("once");
    }

    [SkippableFact]
    public async Task Should_send_only_the_newest_invitation_when_the_coordinator_invites_again_before_the_first_has_gone()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var volunteer = await VettedVolunteerAsync(host, "bram.invented.902@example.org");

        await InviteAsync(host, volunteer);
        await InviteAsync(host, volunteer);
        (await Dispatch(host)).ShouldBe(1, "the earlier invitation's email is cancelled, not sent");

        var messages = (await Messages(host)).Where(m => m.Purpose == InviteVolunteerHandler.Purpose).ToList();
        messages.Count.ShouldBe(2);
        messages.Count(m => m.CancelledAt != null && m.SentAt == null).ShouldBe(1);
        var token = WelcomeToken(mail.Sent.Single(m => m.Purpose == InviteVolunteerHandler.Purpose).Body);
        (await host.SendAsPublic(new AcceptInvitation(token, Password, Password))).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Should_email_a_volunteers_invitation_through_notify_minted_when_sent_and_nothing_by_smtp()
    {
        var (host, mail) = await HostAsync(database, _notify, settings: [new("Hub:Notify:SendEmail", "true")]);
        await using var _h = host;
        var volunteer = await VettedVolunteerAsync(host, "cleo.invented.903@example.org");

        await InviteAsync(host, volunteer);
        await Dispatch(host);

        _notify.Refusals.ShouldBeEmpty();
        mail.Sent.ShouldBeEmpty("email goes through Notify instead of the relay");
        var sent = _notify.Emails.Single(e => e.To == "cleo.invented.903@example.org");
        sent.TemplateId.ShouldBe(NotifyStandIn.Templates["email"].Id);
        var token = WelcomeToken(sent.Personalisation["body"]);
        (await EveryRow(host)).Where(r => r.Contains(token, StringComparison.Ordinal)).ShouldBeEmpty("no table holds the token");
        (await host.SendAsPublic(new AcceptInvitation(token, Password, Password))).ShouldBeTrue("the link that went works");
    }

    [SkippableFact]
    public async Task Should_text_a_space_sign_in_link_minted_when_sent_so_no_usable_token_is_left_in_any_table()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;

        (await host.SendAsPublic(new AskForSpaceLink("07700 900 904", true, Guid.NewGuid(), null, "192.0.2.42"))).ShouldBe(SpaceLinkAnswer.OnItsWay);
        var queued = (await Messages(host)).Single(m => m.Purpose == "space-link");
        (queued.Channel, queued.Personalisation ?? string.Empty).ShouldBe((MessageChannel.Text, $"{{\"link\":\"{PlanLinks.Placeholder}\"}}"));

        await Dispatch(host);

        _notify.Refusals.ShouldBeEmpty();
        var text = _notify.Texts.Single(t => t.TemplateId == NotifyStandIn.Templates["space-link"].Id);
        text.Personalisation.Keys.ShouldBe(["link"]);
        var token = SpaceToken(text.Personalisation["link"]);
        (await EveryRow(host)).Where(r => r.Contains(token, StringComparison.Ordinal)).ShouldBeEmpty("no table holds the token");
        (await host.SendAsPublic(new ExchangeSpaceLink(token))).Problem.ShouldBeNull("the token that went works");
    }

    [SkippableFact]
    public async Task Should_email_a_space_sign_in_link_through_notify_minted_when_sent_so_no_usable_token_is_left_in_any_table()
    {
        var (host, mail) = await HostAsync(database, _notify, settings: [new("Hub:Notify:SendEmail", "true")]);
        await using var _h = host;

        await host.SendAsPublic(new AskForSpaceLink("dora.invented.905@example.org", true, Guid.NewGuid(), null, "192.0.2.43"));
        await Dispatch(host);

        mail.Sent.ShouldBeEmpty();
        var token = SpaceToken(_notify.Emails.Single(e => e.To == "dora.invented.905@example.org").Personalisation["body"]);
        (await EveryRow(host)).Where(r => r.Contains(token, StringComparison.Ordinal)).ShouldBeEmpty("no table holds the token");
        (await host.SendAsPublic(new ExchangeSpaceLink(token))).Problem.ShouldBeNull("the token that went works");
    }

    /// <summary>A volunteer registered, vetted and approved, with the Volunteer role ready for their account.</summary>
    public static async Task<Volunteer> VettedVolunteerAsync(ApplicationHost host, string email, DateTimeOffset? at = null)
    {
        await host.WithService<RoleManager<IdentityRole<Guid>>, bool>(async roles =>
            await roles.RoleExistsAsync(Roles.Volunteer) || (await roles.CreateAsync(new IdentityRole<Guid>(Roles.Volunteer))).Succeeded);
        return await host.WithDb(async db =>
        {
            var now = at ?? host.Clock.GetUtcNow();
            var today = UkCalendar.DayOf(now);
            var volunteer = Volunteer.Register("Invented", "Volunteer", email, null, "Evenings", null, null, Guid.NewGuid(), now);
            volunteer.RecordChecks(new VolunteerChecks(DbsCheckType.Enhanced, today.AddDays(-30), today.AddDays(-20), today.AddDays(-10), today.AddDays(300)), CoordinatorId, now);
            volunteer.Approve(today, now);
            db.Volunteers.Add(volunteer);
            await db.SaveChangesAsync();
            return volunteer;
        });
    }

    private static async Task InviteAsync(ApplicationHost host, Volunteer volunteer)
    {
        var version = await host.WithDb(db => db.Volunteers.Where(v => v.Id == volunteer.Id).Select(v => v.Version).SingleAsync());
        await host.Send(new InviteVolunteer(volunteer.Id, version), CoordinatorId, Roles.VolunteerCoordinator);
    }

    private static string WelcomeToken(string text) => WelcomeLink().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no invitation link in the message");

    private static string SpaceToken(string text) => SpaceLink().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no space link in the message");

    [GeneratedRegex(@"/volunteer/welcome/([A-Za-z0-9_-]+)")]
    private static partial Regex WelcomeLink();

    [GeneratedRegex(@"/space/link/([A-Za-z0-9_-]+)")]
    private static partial Regex SpaceLink();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
