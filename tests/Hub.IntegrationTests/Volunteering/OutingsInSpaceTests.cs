using System.Text.RegularExpressions;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Space.MySpace.GetMySpace;
using Hub.Application.Space.Outings;
using Hub.Application.Space.Outings.GetMyOuting;
using Hub.Application.Space.Outings.SayHowMyOutingWent;
using Hub.Application.Space.SignIn.AskForSpaceLink;
using Hub.Application.Space.SignIn.ExchangeSpaceLink;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Application.Volunteering.Supporting;
using Hub.Application.Volunteering.TellHowItWent;
using Hub.Domain.Common;
using Hub.Domain.Space;
using Hub.Domain.Volunteering;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.Messaging.MessagingWorld;
using static Hub.IntegrationTests.Volunteering.VolunteeringRulesTests;

namespace Hub.IntegrationTests.Volunteering;

/// <summary>
/// The person says how an outing went through their own space (docs/decisions/041, hazard H45): the
/// message after an outing carries a space sign-in link minted when it is sent and landing on the
/// outing; the space shows only outings asked for with its own address, never another's; one say per
/// outing, whichever way it comes; and nothing at all when the person said messages are not safe.
/// </summary>
public sealed partial class OutingsInSpaceTests(DatabaseFixture database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly NotifyStandIn _notify = new();

    [SkippableFact]
    public async Task Should_invite_the_person_into_their_space_with_a_link_minted_when_sent_that_lands_on_the_outing_once()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var (offer, outingId, volunteer) = await OutingAsync(host, "Robin.Invented@Example.org");

        var queued = (await Messages(host)).Single(m => m.Purpose == ComeAlongMessages.HowItWentPurpose);
        queued.To.ShouldBe("Robin.Invented@Example.org", "by the way they chose, to what they typed");
        queued.PlanLinkId.ShouldNotBeNull("a pending space link, minted by the sender");
        queued.Body.ShouldNotContain("/space/link/", customMessage: "no usable link waits in the outbox");
        queued.Body.ShouldNotContain(offer.Name, customMessage: "the message names no group");
        (await host.WithDb(db => db.OutingFeedbackLinks.CountAsync())).ShouldBe(0, "the old emailed link is no longer issued");
        var pending = await host.WithDb(db => db.SpaceSignInLinks.AsNoTracking().SingleAsync(l => l.Id == queued.PlanLinkId));
        pending.LandOnOutingId.ShouldBe(outingId);

        (await Dispatch(host)).ShouldBeGreaterThanOrEqualTo(1);
        var token = SpaceToken(mail.Sent.Single(s => s.Purpose == ComeAlongMessages.HowItWentPurpose).Body);
        (await EveryRow(host)).ShouldNotContain(r => r.Contains(token), "only the token's hash is kept");

        // Three days to use it, once.
        host.Clock.Advance(SpaceSignInLink.OutingInvitationLifetime - TimeSpan.FromMinutes(1));
        var signedIn = await host.SendAsPublic(new ExchangeSpaceLink(token));
        signedIn.Problem.ShouldBeNull();
        signedIn.LandOnOutingId.ShouldBe(outingId, "it lands on the outing");
        (await host.SendAsPublic(new ExchangeSpaceLink(token))).Problem.ShouldBe(SpaceLinkProblem.AlreadyUsed);
        var member = signedIn.MemberId!.Value;

        var shown = await host.SendAsSpaceMember(new GetMyOuting(outingId), member);
        (shown.GroupName, shown.VolunteerFirstName, shown.Said, shown.RateAddress).ShouldBe((offer.Name, volunteer.FirstName, (OutingSay?)null, $"/space/outings/{outingId}"));
        (await host.SendAsSpaceMember(new GetMySpace(), member)).Outings.Select(o => o.OutingId).ShouldBe([outingId]);

        (await host.SendAsSpaceMember(new SayHowMyOutingWent(outingId, "okay", "Invented: loud, but Vol stayed with me."), member)).ShouldBe(SayOutcome.Kept);
        (await host.SendAsSpaceMember(new SayHowMyOutingWent(outingId, "good", "Invented: a second go."), member)).ShouldBe(SayOutcome.AlreadySaid, "one say per outing");
        var outing = await host.WithDb(db => db.Outings.AsNoTracking().SingleAsync(o => o.Id == outingId));
        (outing.PersonSaid, outing.PersonWords, outing.PersonSaidAt).ShouldBe((HowItWent.Okay, "Invented: loud, but Vol stayed with me.", host.Clock.GetUtcNow()));
        var after = await host.SendAsSpaceMember(new GetMyOuting(outingId), member);
        (after.HowItWent, after.Words, after.RateAddress).ShouldBe(("It was OK", "Invented: loud, but Vol stayed with me.", (string?)null));
    }

    [SkippableFact]
    public async Task Should_let_an_invitation_run_out_after_three_days_and_a_newer_sign_in_link_replace_it()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        await OutingAsync(host, "late.reader@example.org");
        await Dispatch(host);
        var token = SpaceToken(mail.Sent.Single(s => s.Purpose == ComeAlongMessages.HowItWentPurpose).Body);

        host.Clock.Advance(SpaceSignInLink.OutingInvitationLifetime);
        (await host.SendAsPublic(new ExchangeSpaceLink(token))).Problem.ShouldBe(SpaceLinkProblem.Expired);

        var (_, outingId, _) = await OutingAsync(host, "replaced@example.org");
        await Dispatch(host);
        var invitation = SpaceToken(mail.Sent.Last(s => s.Purpose == ComeAlongMessages.HowItWentPurpose).Body);
        await host.SendAsPublic(new AskForSpaceLink("replaced@example.org", true, Guid.NewGuid(), null, "192.0.2.9"));
        (await host.SendAsPublic(new ExchangeSpaceLink(invitation))).Problem.ShouldBe(SpaceLinkProblem.Replaced, "only the newest link into a space works");

        // Signed in with the link they asked for, the outing is still in their space.
        await Dispatch(host);
        var asked = await host.SendAsPublic(new ExchangeSpaceLink(SpaceToken(mail.Sent.Last(s => s.Purpose == "space-link").Body)));
        (await host.SendAsSpaceMember(new GetMySpace(), asked.MemberId!.Value)).Outings.Select(o => o.OutingId).ShouldBe([outingId]);
    }

    [SkippableFact]
    public async Task Should_show_a_space_only_outings_asked_for_with_its_address_and_refuse_another_members_outing()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var (_, mine, _) = await OutingAsync(host, "mine@example.org");
        var (_, theirs, _) = await OutingAsync(host, "theirs@example.org");
        var (_, byText, _) = await OutingAsync(host, null, mobile: "+44 7700 900 461");
        var me = await SignedInAsync(host, mail, " MINE@example.org ");
        _notify.Texts.Where(t => t.TemplateId == "88888888-8888-4888-8888-888888888888").Select(t => SpaceLink().IsMatch(t.Personalisation["link"])).ShouldBe([true],
            "by text, the same space link, minted into the Notify template's link");
        var texter = await SignedInAsync(host, mail, "07700900461");

        (await host.SendAsSpaceMember(new GetMySpace(), me)).Outings.Select(o => o.OutingId).ShouldBe([mine], "the same address however it is typed, and only it");
        (await host.SendAsSpaceMember(new GetMySpace(), texter)).Outings.Select(o => o.OutingId).ShouldBe([byText], "a mobile keyed alike by both sides");

        await Should.ThrowAsync<NotFoundException>(() => host.SendAsSpaceMember(new GetMyOuting(theirs), me));
        await Should.ThrowAsync<NotFoundException>(() => host.SendAsSpaceMember(new SayHowMyOutingWent(theirs, "not-good", "Invented: not mine to say."), me));
        await Should.ThrowAsync<ForbiddenAccessException>(() => host.SendAsPublic(new GetMyOuting(mine)), "nobody signed in to a space");
        (await host.WithDb(db => db.Outings.AsNoTracking().SingleAsync(o => o.Id == theirs))).PersonSaidAt.ShouldBeNull("another member's outing is untouched");

        // An outing that did not happen is nothing to say about, and not listed.
        var (_, missed, _) = await OutingAsync(host, "mine@example.org", happened: false);
        (await host.SendAsSpaceMember(new GetMySpace(), me)).Outings.Select(o => o.OutingId).ShouldBe([mine]);
        await Should.ThrowAsync<NotFoundException>(() => host.SendAsSpaceMember(new SayHowMyOutingWent(missed, "good", null), me));
    }

    [SkippableFact]
    public async Task Should_send_nothing_when_messages_are_not_safe_yet_show_the_outing_when_the_person_signs_in_themselves()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var (_, outingId, _) = await OutingAsync(host, "not.safe@example.org", messagesSafe: false);

        (await Messages(host)).ShouldNotContain(m => m.To == "not.safe@example.org");
        (await host.WithDb(db => db.SpaceSignInLinks.CountAsync())).ShouldBe(0);
        var me = await SignedInAsync(host, mail, "not.safe@example.org");
        (await host.SendAsSpaceMember(new GetMySpace(), me)).Outings.Select(o => o.OutingId).ShouldBe([outingId]);
    }

    [SkippableFact]
    public async Task Should_keep_one_say_whichever_of_the_old_emailed_link_and_the_space_comes_first()
    {
        var (host, mail) = await HostAsync(database, _notify);
        await using var _h = host;
        var (_, outingId, _) = await OutingAsync(host, "both.ways@example.org");
        var (old, token) = OutingFeedbackLink.Issue(outingId, host.Clock.GetUtcNow());
        await host.WithDb(async db => { db.OutingFeedbackLinks.Add(old); return await db.SaveChangesAsync(); });
        var me = await SignedInAsync(host, mail, "both.ways@example.org");

        (await host.SendAsSpaceMember(new SayHowMyOutingWent(outingId, "good", "Invented: from my space."), me)).ShouldBe(SayOutcome.Kept);
        var link = (await host.SendAsPublic(new CheckHowItWentLink(token))).ShouldNotBeNull();
        (await host.SendAsPublic(new SayHowItWent(link, "not-good", "Invented: from the old link."))).ShouldBeFalse("the outing already has its say");
        (await host.WithDb(db => db.Outings.AsNoTracking().SingleAsync(o => o.Id == outingId))).PersonWords.ShouldBe("Invented: from my space.");
    }

    [SkippableFact]
    public async Task Should_read_a_spaces_outings_with_the_same_number_of_commands_for_one_outing_and_twenty()
    {
        await database.ResetAsync();
        var counter = new Hub.IntegrationTests.Persistence.CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [counter],
            settings: new Dictionary<string, string?> { ["Hub:PublicBaseUrl"] = Hub.IntegrationTests.CareTeams.CareTeamWorld.BaseUrl });

        async Task<(int Outings, int Commands)> Measure(string email, int outings)
        {
            var (_, _, volunteer) = await OutingAsync(host, email);
            var request = await host.WithDb(db => db.SupportRequests.Where(r => r.Contact.Email == email).Select(r => r.Id).SingleAsync());
            for (var i = 1; i < outings; i++)
            {
                await host.Send(new RecordOuting(request, UkCalendar.DayOf(host.Clock.GetUtcNow()).AddDays(-1 - i), "yes", null), volunteer.UserId, Roles.Volunteer);
            }
            var key = await host.WithService<Hub.Domain.Audit.AuditKey, Hub.Domain.Audit.AuditKey>(Task.FromResult);
            var member = await host.WithDb(async db =>
            {
                var space = new SpaceMember(Hub.Domain.People.ContactKey.Of(key, email), host.Clock.GetUtcNow());
                db.SpaceMembers.Add(space);
                await db.SaveChangesAsync();
                return space.Id;
            });
            counter.Reset();
            var shown = (await host.SendAsSpaceMember(new GetMySpace(), member)).Outings.Count;
            return (shown, counter.Count);
        }

        var one = await Measure("one.outing@example.org", 1);
        var twenty = await Measure("twenty.outings@example.org", 20);
        (one.Outings, twenty.Outings).ShouldBe((1, 20));
        output.WriteLine($"Your space: {one.Commands} SQL commands with 1 outing, {twenty.Commands} with 20");
        twenty.Commands.ShouldBe(one.Commands, "one query for every outing, not one per outing");
    }

    /// <summary>A request for <paramref name="email"/> (or a mobile), matched to a vetted volunteer, with an outing recorded yesterday.</summary>
    private static async Task<(Hub.Domain.CommunityOffers.CommunityOffer Offer, Guid OutingId, Volunteer Volunteer)> OutingAsync(ApplicationHost host, string? email,
        string? mobile = null, bool messagesSafe = true, bool happened = true)
    {
        var offerId = await NewOfferAsync(host);
        var formToken = Guid.NewGuid();
        await host.SendAsPublic(new AskForSupporter(offerId, new ComeAlongAnswers
        {
            FirstName = "Robin", WhatToTry = "Invented: going in", WhenSuits = "Evenings", ReachBy = email is null ? "text" : "email", Email = email, Mobile = mobile,
            MessagesSafe = messagesSafe ? "yes" : "no",
        }, formToken));
        var request = await host.WithDb(db => db.SupportRequests.Where(r => r.FormToken == formToken).Select(r => r.Id).SingleAsync());
        var volunteer = await NewVolunteerAsync(host, vetted: true, userId: Guid.NewGuid());
        await MatchAsync(host, request, volunteer.Id);
        await host.Send(new RecordOuting(request, UkCalendar.DayOf(host.Clock.GetUtcNow()).AddDays(-1), happened ? "yes" : "no", "Invented: the volunteer's own note."),
            volunteer.UserId, Roles.Volunteer);
        return await host.WithDb(async db => (await db.CommunityOffers.AsNoTracking().SingleAsync(o => o.Id == offerId),
            await db.Outings.Where(o => o.RequestId == request).Select(o => o.Id).SingleAsync(), volunteer));
    }

    private async Task<Guid> SignedInAsync(ApplicationHost host, CapturingSmtpSender mail, string address)
    {
        await host.SendAsPublic(new AskForSpaceLink(address, true, Guid.NewGuid(), null, $"192.0.2.{Random.Shared.Next(1, 250)}"));
        await Dispatch(host);
        var token = address.Contains('@')
            ? SpaceToken(mail.Sent.Last(s => s.Purpose == "space-link").Body)
            : SpaceToken(_notify.Texts.Last().Personalisation["link"]);
        return (await host.SendAsPublic(new ExchangeSpaceLink(token))).MemberId!.Value;
    }

    private static string SpaceToken(string text) => SpaceLink().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no space link in the message");

    [GeneratedRegex(@"/space/link/([A-Za-z0-9_-]+)")]
    private static partial Regex SpaceLink();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _notify.DisposeAsync();
}
