using FluentValidation;
using Hub.Application.CareTeams.GetHandoffs;
using Hub.Application.CareTeams.OfferHandoff;
using Hub.Application.CareTeams.ReallocateCaseload;
using Hub.Application.Common;
using Hub.Application.Spells.CloseSpell;
using Hub.Application.Spells.GetSpellForClosing;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>A team leader moves a member's whole caseload in one go when they are away or leave.</summary>
public sealed class ReallocateCaseloadTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static async Task SelfJoin(ApplicationHost host, Staff member, Referral referral, CareTeamRole role) =>
        (await host.SendAsPractitioner(new OfferHandoff(referral.Id, member.Id, role, "Taking this on myself."), member.Id)).ShouldBe(OfferHandoffResult.JoinedCareTeam);

    private static Task<List<CareTeamMember>> PlacesOf(ApplicationHost host, Guid memberId) =>
        host.WithDb(db => db.CareTeamMembers.AsNoTracking().Where(m => m.MemberId == memberId).ToListAsync());

    [SkippableFact]
    public async Task Should_move_every_current_place_on_open_spells_in_the_same_role_withdraw_waiting_offers_and_mark_the_member_away()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, b, e, f) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member E"), await Member(host, team, "Member F"));
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        var (led, shared, involved, closed, offered) =
            (await TriagedReferral(host), await TriagedReferral(host), await TriagedReferral(host), await TriagedReferral(host), await TriagedReferral(host));
        await SelfJoin(host, b, led, CareTeamRole.Lead);
        await SelfJoin(host, f, shared, CareTeamRole.Lead);
        await Join(host, f, shared.Id, b, CareTeamRole.Involved); // the lead invites them: a stranger could not open the record
        await SelfJoin(host, b, involved, CareTeamRole.Involved);
        await SelfJoin(host, b, closed, CareTeamRole.Lead);
        var version = (await host.SendAsPractitioner(new GetSpellForClosing(closed.Id), b.Id)).Version;
        (await host.SendAsPractitioner(new CloseSpell(closed.Id, SpellClosureReason.GoalsMet, null, version), b.Id)).Outcome.ShouldBe(CloseSpellOutcome.Closed);
        var waiting = await Offer(host, a, offered.Id, b, CareTeamRole.Lead);
        var closedPlace = (await PlacesOf(host, b.Id)).Single(p => p.SpellId == closed.SpellId);
        // Past the five days in which a return would reopen it: that spell's team is history (a
        // spell closed more recently moves too: CareTeamRulesTests).
        host.Clock.Advance(TimeSpan.FromDays(6));

        var result = await host.Send(new ReallocateCaseload(b.Id, e.Id, MemberDeparture.Away), leader.Id, Roles.TeamLeader);

        result.ShouldBe(new ReallocationResult(MovedPlaces: 3, WithdrawnOffers: 1));
        var now = host.Clock.GetUtcNow();
        (await PlacesOf(host, e.Id)).Select(p => (p.SpellId, p.Role, p.JoinedAt, p.LeftAt)).ShouldBe(
        [
            (led.SpellId, CareTeamRole.Lead, now, (DateTimeOffset?)null),
            (shared.SpellId, CareTeamRole.Involved, now, null),
            (involved.SpellId, CareTeamRole.Involved, now, null),
        ], ignoreOrder: true);
        var bPlaces = await PlacesOf(host, b.Id);
        bPlaces.Where(p => p.SpellId != closed.SpellId).ShouldAllBe(p => p.LeftAt == now);
        bPlaces.Count(p => p.LeftAt == null).ShouldBe(1, "only the place on the closed spell, which is history");
        var keptPlace = bPlaces.Single(p => p.SpellId == closed.SpellId);
        (keptPlace.Id, keptPlace.Role, keptPlace.LeftAt).ShouldBe((closedPlace.Id, CareTeamRole.Lead, null));
        (await CurrentTeam(host, shared.SpellId)).ShouldBe([(f.Id, CareTeamRole.Lead), (e.Id, CareTeamRole.Involved)], ignoreOrder: true);

        var withdrawn = await host.WithDb(db => db.Handoffs.AsNoTracking().SingleAsync(h => h.Id == waiting.Id));
        (withdrawn.Status, withdrawn.DecidedByUserId, withdrawn.ResolvedAt).ShouldBe((HandoffStatus.Withdrawn, (Guid?)leader.Id, (DateTimeOffset?)now));
        var queue = await host.Send(new GetAllocationQueue(), leader.Id, Roles.TeamLeader);
        queue.Unallocated.Rows.Select(r => r.ReferralId).ShouldContain(offered.Id);
        queue.Unallocated.Rows.Select(r => r.ReferralId).ShouldNotContain(led.Id);
        queue.AwaitingAnswer.ShouldNotContain(w => w.ReferralId == offered.Id);

        (await host.WithDb(db => db.TeamMembers.AsNoTracking().SingleAsync(m => m.Id == b.Id))).Away.ShouldBeTrue();
        var email = (await Outbox(host, e.Email, "caseload-reallocated")).ShouldHaveSingleItem();
        email.Body.ShouldContain("3 people's care");
        email.Body.ShouldContain($"{BaseUrl}/staff/handoffs");
        foreach (var other in new[] { a, b, f, leader })
        {
            (await Outbox(host, other.Email, "caseload-reallocated")).ShouldBeEmpty();
        }
        var audit = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(x => x.ActorUserId == leader.Id).ToListAsync());
        audit.Count(x => x.Screen == "Team leader: reallocate caseload" && x.Action == AuditAction.Update).ShouldBe(3);
        audit.Count(x => x.Screen == "Team leader: withdraw offer on reallocation" && x.RecordId == waiting.Id).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_refuse_to_reallocate_to_a_member_who_is_away_and_change_nothing()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, b) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"));
        var away = await Member(host, team, "Member W", away: true);
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        var (led, offered) = (await TriagedReferral(host), await TriagedReferral(host));
        await SelfJoin(host, b, led, CareTeamRole.Lead);
        var waiting = await Offer(host, a, offered.Id, b, CareTeamRole.Involved);
        var before = await PlacesOf(host, b.Id);

        var ex = await Should.ThrowAsync<ValidationException>(() =>
            host.Send(new ReallocateCaseload(b.Id, away.Id, MemberDeparture.Left), leader.Id, Roles.TeamLeader));

        ex.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Member W is away or has left. Choose someone else");
        (await PlacesOf(host, b.Id)).Select(p => (p.Id, p.Role, p.LeftAt)).ShouldBe(before.Select(p => (p.Id, p.Role, p.LeftAt)));
        (await PlacesOf(host, away.Id)).ShouldBeEmpty();
        (await host.WithDb(db => db.Handoffs.AsNoTracking().SingleAsync(h => h.Id == waiting.Id))).Status.ShouldBe(HandoffStatus.Pending);
        var member = await host.WithDb(db => db.TeamMembers.AsNoTracking().SingleAsync(m => m.Id == b.Id));
        (member.Away, member.LeftAt).ShouldBe((false, null));
        (await Outbox(host, away.Email, "caseload-reallocated")).ShouldBeEmpty();
    }

    /// <summary>
    /// The receiver is already involved with one of the people, and joined before the departing
    /// lead did: their place becomes the lead in the same save that ends the departing lead's place.
    /// </summary>
    [SkippableFact]
    public async Task Should_make_the_receiver_lead_where_they_were_already_involved_with_the_person()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, b, e) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member E"));
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        var referral = await TriagedReferral(host);
        await SelfJoin(host, e, referral, CareTeamRole.Involved);
        await Join(host, a, referral.Id, b, CareTeamRole.Lead);

        var result = await host.Send(new ReallocateCaseload(b.Id, e.Id, MemberDeparture.StaysActive), leader.Id, Roles.TeamLeader);

        result.MovedPlaces.ShouldBe(1);
        (await CurrentTeam(host, referral.SpellId)).ShouldBe([(e.Id, CareTeamRole.Lead)]);
    }
}
