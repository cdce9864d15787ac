using FluentValidation;
using Hub.Application.CareTeams.AnswerHandoff;
using Hub.Application.CareTeams.GetHandoffs;
using Hub.Application.CareTeams.OfferHandoff;
using Hub.Application.CareTeams.ReallocateCaseload;
using Hub.Application.CareTeams.StepOff;
using Hub.Application.Common;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Spells.CloseSpell;
using Hub.Application.Spells.GetSpellForClosing;
using Hub.Application.Triage.RecordContact;
using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.Domain.Spells;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>
/// Who may change a care team, and what happens to a person whose worker leaves around the time
/// their spell closes: nobody is left waiting unseen.
/// </summary>
public sealed class CareTeamRulesTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_let_only_the_care_team_or_a_team_leader_close_a_spell_and_never_take_the_lead_by_offering_it_to_yourself()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, lead, involved) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member C"));
        var referral = await TriagedReferral(host);
        // A met the person at the front door, so keeps a part in their care after handing the work on.
        await host.SendAsPractitioner(new RecordContact(referral.Id, host.Clock.GetUtcNow(), ContactMedium.Phone, ContactPlace.Remote, true, 25, null), a.Id);
        await Join(host, a, referral.Id, lead, CareTeamRole.Lead);
        await Join(host, lead, referral.Id, involved, CareTeamRole.Involved);

        var taken = await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(new OfferHandoff(referral.Id, involved.Id, CareTeamRole.Lead, "Taking over."), involved.Id));
        taken.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldStartWith("This person already has a lead worker");
        (await CurrentTeam(host, referral.SpellId)).ShouldBe([(lead.Id, CareTeamRole.Lead), (involved.Id, CareTeamRole.Involved)], ignoreOrder: true);

        // A may read the record but is not on the team.
        var version = (await host.SendAsPractitioner(new GetSpellForClosing(referral.Id), a.Id)).Version;
        var refused = await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(new CloseSpell(referral.Id, SpellClosureReason.GoalsMet, null, version), a.Id));
        refused.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Only the person's care team or a team leader can close their spell");
        var removed = await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(new StepOffCareTeam(referral.Id, involved.Id), a.Id));
        removed.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Only they, the lead worker or a team leader can take someone off the care team");
        (await CurrentTeam(host, referral.SpellId)).Count.ShouldBe(2);

        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        (await host.Send(new CloseSpell(referral.Id, SpellClosureReason.PersonsChoice, null, version), leader.Id, Roles.TeamLeader)).Outcome.ShouldBe(CloseSpellOutcome.Closed);
    }

    [SkippableFact]
    public async Task Should_keep_a_declined_offer_to_join_an_existing_team_in_the_allocation_queue()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, lead, c) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member C"));
        var referral = await TriagedReferral(host);
        await Join(host, a, referral.Id, lead, CareTeamRole.Lead);
        var offer = await Offer(host, lead, referral.Id, c, CareTeamRole.Involved);

        (await host.SendAsPractitioner(new AnswerHandoff(offer.Id, false, "Invented reason: on leave for two weeks."), c.Id)).ShouldBe(AnswerHandoffResult.Declined);

        var row = (await host.Send(new GetAllocationQueue(), lead.Id, Roles.TeamLeader)).Unallocated.Rows.Single(r => r.ReferralId == referral.Id);
        row.Declines.ShouldHaveSingleItem().Reason.ShouldBe("Invented reason: on leave for two weeks.");
    }

    [SkippableFact]
    public async Task Should_move_a_leavers_place_on_a_just_closed_spell_and_take_an_away_lead_off_a_team_the_person_returns_to()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, leaving, receiving, away) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member C"), await Member(host, team, "Member D"));
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);

        // B led a spell closed yesterday: reallocation moves it, so a return finds C, not someone who has gone.
        var closedYesterday = await TriagedReferral(host, Answers(phone: "07700 900 471"));
        await Join(host, a, closedYesterday.Id, leaving, CareTeamRole.Lead);
        var version = (await host.SendAsPractitioner(new GetSpellForClosing(closedYesterday.Id), leaving.Id)).Version;
        (await host.SendAsPractitioner(new CloseSpell(closedYesterday.Id, SpellClosureReason.GoalsMet, null, version), leaving.Id)).Outcome.ShouldBe(CloseSpellOutcome.Closed);
        host.Clock.Advance(TimeSpan.FromDays(1));
        (await host.Send(new ReallocateCaseload(leaving.Id, receiving.Id, MemberDeparture.Left), leader.Id, Roles.TeamLeader)).MovedPlaces.ShouldBe(1);
        (await CurrentTeam(host, closedYesterday.SpellId)).ShouldBe([(receiving.Id, CareTeamRole.Lead)]);

        // D led another; D is away when that person comes back within five days: they go to the allocation queue.
        var other = await TriagedReferral(host, Answers(phone: "07700 900 472"));
        await Join(host, a, other.Id, away, CareTeamRole.Lead);
        version = (await host.SendAsPractitioner(new GetSpellForClosing(other.Id), away.Id)).Version;
        (await host.SendAsPractitioner(new CloseSpell(other.Id, SpellClosureReason.GoalsMet, null, version), away.Id)).Outcome.ShouldBe(CloseSpellOutcome.Closed);
        (await host.Send(new ReallocateCaseload(away.Id, receiving.Id, MemberDeparture.StaysActive), leader.Id, Roles.TeamLeader)).MovedPlaces.ShouldBe(1);
        await host.WithDb(async db =>
        {
            // Put D back as lead and away, as if they had gone on leave after the spell closed and the move.
            var place = await db.CareTeamMembers.SingleAsync(m => m.SpellId == other.SpellId && m.LeftAt == null);
            db.CareTeamMembers.Remove(place);
            db.CareTeamMembers.Add(new CareTeamMember(other.SpellId, other.PersonId, away.Id, CareTeamRole.Lead, host.Clock.GetUtcNow()));
            (await db.TeamMembers.SingleAsync(m => m.Id == away.Id)).SetAway(true);
            return await db.SaveChangesAsync();
        });
        var back = await host.SendAsPublic(new SubmitSelfReferral(Answers(phone: "07700 900 472"), Guid.NewGuid()));
        await ConfirmReturningPerson(host, back.Reference);

        (await Referral(host, back.Reference)).SpellId.ShouldBe(other.SpellId, "back within five days: the same spell");
        (await CurrentTeam(host, other.SpellId)).ShouldBeEmpty("an away lead is taken off, not left holding a person they cannot see");
    }
}
