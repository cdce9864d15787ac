using System.Text.RegularExpressions;
using Hub.Application.Space.MySpace.AddSpaceGoal;
using Hub.Application.Space.MySpace.CheckInSpaceMood;
using Hub.Application.Space.MySpace.GetMySpace;
using Hub.Application.Space.MySpace.RateSpaceGoal;
using Hub.Application.Space.Sharing;
using Hub.Application.Space.Sharing.ConnectSpace;
using Hub.Application.Space.Sharing.DisconnectSpace;
using Hub.Application.Space.Sharing.GetSharedSpace;
using Hub.Application.Space.Sharing.GetSpaceConnection;
using Hub.Application.Space.SignIn.AskForSpaceLink;
using Hub.Application.Space.SignIn.CheckSpaceSession;
using Hub.Application.Space.SignIn.ExchangeSpaceLink;
using Hub.Domain.Audit;
using Hub.Domain.Space;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.Messaging.MessagingWorld;

namespace Hub.IntegrationTests.Space;

/// <summary>
/// A person's community space (docs/decisions/040): a one-time link for any address, answered alike
/// whoever the address belongs to, single use, short-lived, limited; and nothing shared with the hub
/// until the person connects their space to their plan, everything shared after, nothing after they
/// disconnect, with every staff view audited.
/// </summary>
public sealed partial class CommunitySpaceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();

    [SkippableFact]
    public async Task Should_answer_and_queue_alike_for_an_address_the_hub_knows_and_one_it_does_not_and_let_each_link_sign_in_once()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        await WithPlan(host, CareTeams.CareTeamWorld.Answers(email: "known.601@example.org"));

        var known = await host.SendAsPublic(new AskForSpaceLink("Known.601@example.org", true, Guid.NewGuid(), null, "192.0.2.1"));
        var unknown = await host.SendAsPublic(new AskForSpaceLink("nobody.602@example.org", true, Guid.NewGuid(), null, "192.0.2.2"));

        (known, unknown).ShouldBe((SpaceLinkAnswer.OnItsWay, SpaceLinkAnswer.OnItsWay));
        var queued = (await Messages(host)).Where(m => m.Purpose == "space-link").ToList();
        queued.Count.ShouldBe(2, "every address gets a link: the space is not the hub's record");
        queued.ShouldAllBe(m => m.PersonId == null, "a space's message is never tied to someone the hub knows");
        queued.Select(m => (m.Subject, m.Body)).Distinct().Count().ShouldBe(1, "the two messages are the same, placeholder and all");

        (await Dispatch(host)).ShouldBe(2);
        var tokens = mail.Sent.Where(s => s.Purpose == "space-link").Select(s => SpaceToken(s.Body)).ToList();
        tokens.Count.ShouldBe(2);

        var first = await host.SendAsPublic(new ExchangeSpaceLink(tokens[0]));
        first.Problem.ShouldBeNull();
        (await host.SendAsPublic(new CheckSpaceSession(first.SessionId!.Value, first.MemberId!.Value))).ShouldBeTrue();
        (await host.SendAsPublic(new ExchangeSpaceLink(tokens[0]))).Problem.ShouldBe(SpaceLinkProblem.AlreadyUsed, "a link works once");
        (await host.SendAsPublic(new ExchangeSpaceLink("a-link-that-was-never-sent"))).Problem.ShouldBe(SpaceLinkProblem.Expired, "a forged link reads as expired");
        var second = await host.SendAsPublic(new ExchangeSpaceLink(tokens[1]));
        second.MemberId.ShouldNotBe(first.MemberId, "each address has its own space");

        var every = string.Join("\n", await EveryRow(host));
        tokens.ShouldAllBe(t => !every.Contains(t), "no token is stored, only its hash");
        var members = await host.WithDb(db => db.SpaceMembers.AsNoTracking().ToListAsync());
        members.Count.ShouldBe(2);
        members.ShouldAllBe(m => m.ConnectedPersonId == null, "signing in connects nothing, even for an address the hub knows");
        members.ShouldAllBe(m => m.AddressKey != Hub.Domain.SupportPlans.PlanLinkRequest.KeyOf("known.601@example.org")
            && m.AddressKey != Hub.Domain.SupportPlans.PlanLinkRequest.KeyOf("nobody.602@example.org"), "the address is keyed with the hub's secret, not a plain hash");
    }

    [SkippableFact]
    public async Task Should_refuse_a_link_that_has_run_out_or_that_a_newer_link_replaced()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;

        await host.SendAsPublic(new AskForSpaceLink("expiry.603@example.org", true, Guid.NewGuid()));
        await Dispatch(host);
        var old = SpaceToken(mail.Sent.Last().Body);
        host.Clock.Advance(SpaceSignInLink.Lifetime);
        (await host.SendAsPublic(new ExchangeSpaceLink(old))).Problem.ShouldBe(SpaceLinkProblem.Expired);

        await host.SendAsPublic(new AskForSpaceLink("expiry.603@example.org", true, Guid.NewGuid()));
        await Dispatch(host);
        var older = SpaceToken(mail.Sent.Last().Body);
        await host.SendAsPublic(new AskForSpaceLink("Expiry.603@example.org", true, Guid.NewGuid()));
        await Dispatch(host);
        var newer = SpaceToken(mail.Sent.Last().Body);

        (await host.SendAsPublic(new ExchangeSpaceLink(older))).Problem.ShouldBe(SpaceLinkProblem.Replaced, "a new link ends the older ones");
        (await host.SendAsPublic(new ExchangeSpaceLink(newer))).Problem.ShouldBeNull();
    }

    [SkippableFact]
    public async Task Should_hold_the_limits_per_address_and_per_client_send_one_link_per_form_and_nothing_when_messages_are_not_safe()
    {
        var (host, _) = await HostAsync(database, _notify);
        await using var _h = host;

        for (var i = 0; i < SpaceSignInLink.PerAddress + 2; i++)
        {
            (await host.SendAsPublic(new AskForSpaceLink("limit.604@example.org", true, Guid.NewGuid(), null, $"192.0.2.{10 + i}"))).ShouldBe(SpaceLinkAnswer.OnItsWay);
        }
        for (var i = 0; i < SpaceSignInLink.PerClient + 2; i++)
        {
            (await host.SendAsPublic(new AskForSpaceLink($"07700 900 {100 + i}", true, Guid.NewGuid(), null, "198.51.100.7"))).ShouldBe(SpaceLinkAnswer.OnItsWay);
        }
        var form = Guid.NewGuid();
        await host.SendAsPublic(new AskForSpaceLink("twice.605@example.org", true, form, null, "192.0.2.50"));
        await host.SendAsPublic(new AskForSpaceLink("twice.605@example.org", true, form, null, "192.0.2.50"));
        (await host.SendAsPublic(new AskForSpaceLink("unsafe.606@example.org", false, Guid.NewGuid()))).ShouldBe(SpaceLinkAnswer.NotSentNotSafe);

        var messages = (await Messages(host)).Where(m => m.Purpose == "space-link").ToList();
        messages.Count(m => m.To == "limit.604@example.org").ShouldBe(SpaceSignInLink.PerAddress, "at most three an hour for one address");
        messages.Count(m => m.Channel == Hub.Application.Common.Messaging.MessageChannel.Text).ShouldBe(SpaceSignInLink.PerClient, "at most ten an hour from one client");
        messages.Count(m => m.To == "twice.605@example.org").ShouldBe(1, "the same form sent twice asks once");
        messages.ShouldNotContain(m => m.To == "unsafe.606@example.org", "nothing goes where the person said it is not safe");
        (await host.WithDb(db => db.SpaceSignInLinks.CountAsync())).ShouldBe(SpaceSignInLink.PerAddress + SpaceSignInLink.PerClient + 1);

        host.Clock.Advance(SpaceSignInLink.Window);
        await host.SendAsPublic(new AskForSpaceLink("limit.604@example.org", true, Guid.NewGuid(), null, "192.0.2.99"));
        (await Messages(host)).Count(m => m.To == "limit.604@example.org").ShouldBe(SpaceSignInLink.PerAddress + 1, "the limit is per hour");
    }

    [SkippableFact]
    public async Task Should_share_nothing_before_the_person_connects_everything_after_and_nothing_once_they_disconnect()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var referral = await WithPlan(host, CareTeams.CareTeamWorld.Answers(email: "share.607@example.org"));
        var space = await SignedInSpace(host, mail, "share.607@example.org");
        var goal = await host.SendAsSpaceMember(new AddSpaceGoal("Invented: walk to the park on my own"), space.MemberId);
        await host.SendAsSpaceMember(new RateSpaceGoal(goal, 3), space.MemberId);
        await host.SendAsSpaceMember(new CheckInSpaceMood(4, "Invented: a good week."), space.MemberId);

        // Before any choice: staff see nothing, and nothing was read to show them.
        (await host.SendAsPractitioner(new GetSharedSpace(referral.Id))).ShouldBeNull();
        (await SpaceViews(host)).ShouldBe(0);
        (await host.SendAsPerson(new GetSpaceConnection(null), referral.PersonId)).ShouldBe(new SpaceConnectionView(false, false, false, null));

        // Connecting needs the space signed in too: the plan's sign-in alone connects nothing.
        (await host.SendAsPerson(new ConnectSpace(null), referral.PersonId)).ShouldBe(ConnectOutcome.SpaceNotSignedIn);
        (await host.SendAsPerson(new ConnectSpace(space with { SessionId = Guid.NewGuid() }), referral.PersonId)).ShouldBe(ConnectOutcome.SpaceNotSignedIn);
        (await host.SendAsPractitioner(new GetSharedSpace(referral.Id))).ShouldBeNull();

        (await host.SendAsPerson(new ConnectSpace(space), referral.PersonId)).ShouldBe(ConnectOutcome.Connected);
        var shared = (await host.SendAsPractitioner(new GetSharedSpace(referral.Id))).ShouldNotBeNull();
        var sharedGoal = shared.Goals.ShouldHaveSingleItem();
        sharedGoal.Words.ShouldBe("Invented: walk to the park on my own");
        sharedGoal.Ratings.ShouldHaveSingleItem().Rating.ShouldBe(3);
        shared.Moods.ShouldHaveSingleItem().ShouldBe(new SharedMood(4, "Invented: a good week.", host.Clock.GetUtcNow()));
        (await SpaceViews(host)).ShouldBe(1, "each staff view of shared space data is audited once");
        (await host.SendAsSpaceMember(new GetMySpace(), space.MemberId)).SharedWithPlan.ShouldBeTrue();

        // The person stops sharing from their space: staff see nothing again, and no view is recorded.
        await host.SendAsSpaceMember(new DisconnectSpace(), space.MemberId);
        (await host.SendAsPractitioner(new GetSharedSpace(referral.Id))).ShouldBeNull();
        (await SpaceViews(host)).ShouldBe(1);

        // And once more, stopping from the plan's side.
        await host.SendAsPerson(new ConnectSpace(space), referral.PersonId);
        await host.SendAsPerson(new DisconnectSpace(), referral.PersonId);
        (await host.SendAsPractitioner(new GetSharedSpace(referral.Id))).ShouldBeNull();
        var changes = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordType == nameof(SpaceMember) && a.Action != AuditAction.View)
            .Select(a => new { a.Action, a.PersonId }).ToListAsync());
        changes.Count(c => c.Action == AuditAction.Create).ShouldBe(2, "each connection is audited");
        changes.Count(c => c.Action == AuditAction.Update).ShouldBe(2, "each disconnection is audited");
        changes.ShouldAllBe(c => c.PersonId == referral.PersonId);
    }

    [SkippableFact]
    public async Task Should_keep_each_space_to_itself_and_refuse_anyone_who_may_not_open_the_record()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var referral = await WithPlan(host, CareTeams.CareTeamWorld.Answers(email: "own.608@example.org"));
        var mine = await SignedInSpace(host, mail, "own.608@example.org");
        var theirs = await SignedInSpace(host, mail, "07700 900 608");
        var goal = await host.SendAsSpaceMember(new AddSpaceGoal("Invented: a goal of mine"), mine.MemberId);

        await Should.ThrowAsync<Hub.Application.Common.Exceptions.NotFoundException>(() => host.SendAsSpaceMember(new RateSpaceGoal(goal, 9), theirs.MemberId));
        (await host.SendAsSpaceMember(new GetMySpace(), theirs.MemberId)).Goals.ShouldBeEmpty();

        await host.SendAsPerson(new ConnectSpace(mine), referral.PersonId);
        await Should.ThrowAsync<Hub.Application.Common.Exceptions.ForbiddenAccessException>(
            () => host.Send(new GetSharedSpace(referral.Id), Guid.NewGuid(), Hub.Application.Common.Roles.Commissioner));
        (await SpaceViews(host)).ShouldBe(0, "a refused view reads nothing");
    }

    private async Task<SpaceSignedIn> SignedInSpace(ApplicationHost host, CapturingSmtpSender mail, string address)
    {
        await host.SendAsPublic(new AskForSpaceLink(address, true, Guid.NewGuid()));
        await Dispatch(host);
        var body = address.Contains('@') ? mail.Sent.Last(s => s.To == address).Body : null;
        var token = body is not null ? SpaceToken(body) : SpaceToken(_notify.Texts.Last().Personalisation["link"]);
        var result = await host.SendAsPublic(new ExchangeSpaceLink(token));
        return new SpaceSignedIn(result.SessionId!.Value, result.MemberId!.Value);
    }

    private static Task<int> SpaceViews(ApplicationHost host) =>
        host.WithDb(db => db.AuditEvents.CountAsync(a => a.RecordType == nameof(SpaceMember) && a.Action == AuditAction.View));

    private static string SpaceToken(string text) => SpaceLink().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no space link in the message");

    [GeneratedRegex(@"/space/link/([A-Za-z0-9_-]+)")]
    private static partial Regex SpaceLink();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
