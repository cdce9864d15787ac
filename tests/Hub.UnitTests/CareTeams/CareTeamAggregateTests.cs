using Hub.Domain.CareTeams;
using Hub.Domain.Spells;

namespace Hub.UnitTests.CareTeams;

public sealed class CareTeamAggregateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Colleague Alex = new(Guid.NewGuid(), "Member A", true);
    private static readonly Colleague Bea = new(Guid.NewGuid(), "Member B", true);
    private static readonly Colleague Cal = new(Guid.NewGuid(), "Member C", true);

    private static CareTeam NewTeam(out ReferralSpell spell)
    {
        spell = new ReferralSpell(Guid.NewGuid(), Now.AddDays(-3));
        return new CareTeam(spell, [], []);
    }

    [Fact]
    public void Should_refuse_taking_the_lead_yourself_while_your_offer_of_the_lead_waits_and_say_why()
    {
        var team = NewTeam(out _);
        team.Offer(Alex.Id, Bea, CareTeamRole.Lead, "Invented note.", byTeamLeader: false, Now).IsRefused.ShouldBeFalse();

        var taken = team.Offer(Alex.Id, Alex, CareTeamRole.Lead, "Taking it myself.", byTeamLeader: false, Now);

        taken.Refusal.ShouldBe("You have offered the lead to someone else and they have not answered yet. Wait for their answer before taking the lead yourself");
        team.Lead.ShouldBeNull();
        team.OpenOffers.ShouldHaveSingleItem().ToMemberId.ShouldBe(Bea.Id);
    }

    [Fact]
    public void Should_refuse_a_second_offer_of_the_lead_even_from_a_team_leader_while_one_waits()
    {
        var team = NewTeam(out _);
        team.Offer(Alex.Id, Bea, CareTeamRole.Lead, "Invented note.", byTeamLeader: false, Now);

        team.Offer(Cal.Id, Cal, CareTeamRole.Lead, "Invented note.", byTeamLeader: true, Now).Refusal
            .ShouldBe("The lead has been offered to someone else and they have not answered yet. Wait for their answer before taking the lead yourself");
        team.Offer(Alex.Id, Cal, CareTeamRole.Lead, "Invented note.", byTeamLeader: true, Now).Refusal
            .ShouldStartWith("The lead has already been offered to someone");
        team.Offer(Alex.Id, Cal, CareTeamRole.Involved, "Invented note.", byTeamLeader: false, Now).IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void Should_hand_over_the_lead_when_the_offer_is_accepted_and_keep_the_old_lead_involved()
    {
        var team = NewTeam(out _);
        team.Offer(Alex.Id, Alex, CareTeamRole.Lead, "Taking it.", byTeamLeader: false, Now);
        var offer = team.Offer(Alex.Id, Bea, CareTeamRole.Lead, "Over to you.", byTeamLeader: false, Now).Offer!;

        team.Accept(offer.Id, Bea, Now).IsRefused.ShouldBeFalse();

        team.Lead!.MemberId.ShouldBe(Bea.Id);
        team.PlaceOf(Alex.Id)!.Role.ShouldBe(CareTeamRole.Involved);
        team.OpenOffers.ShouldBeEmpty();
        team.NewMembers.Select(m => m.MemberId).ShouldBe([Alex.Id, Bea.Id]);
    }

    [Fact]
    public void Should_give_nothing_to_a_member_who_is_away_and_refuse_their_accepting_work()
    {
        var team = NewTeam(out _);
        var offer = team.Offer(Alex.Id, Bea, CareTeamRole.Involved, "Invented note.", byTeamLeader: false, Now).Offer!;

        team.Offer(Alex.Id, Cal with { IsAvailable = false }, CareTeamRole.Involved, "Invented note.", false, Now).Refusal.ShouldBe("Member C is away or has left. Choose someone else");
        team.Accept(offer.Id, Bea with { IsAvailable = false }, Now).IsRefused.ShouldBeTrue();
        team.Members.ShouldBeEmpty();
    }

    [Fact]
    public void Should_withdraw_waiting_offers_and_change_nothing_more_once_the_spell_closes()
    {
        var team = NewTeam(out var spell);
        team.Offer(Alex.Id, Alex, CareTeamRole.Lead, "Taking it.", byTeamLeader: false, Now);
        var offer = team.Offer(Alex.Id, Bea, CareTeamRole.Involved, "Invented note.", byTeamLeader: false, Now).Offer!;

        team.Close(SpellClosureReason.GoalsMet, null, Cal.Id, byTeamLeader: false, Now).Refusal.ShouldBe("Only the person's care team or a team leader can close their spell");
        team.Close(SpellClosureReason.GoalsMet, null, Alex.Id, byTeamLeader: false, Now).OffersWithdrawn.ShouldBe(1);

        spell.IsOpen.ShouldBeFalse();
        offer.Status.ShouldBe(HandoffStatus.Withdrawn);
        team.Accept(offer.Id, Bea, Now).WasAlreadyAnswered.ShouldBeTrue();
        team.Offer(Alex.Id, Cal, CareTeamRole.Involved, "Invented note.", false, Now).IsRefused.ShouldBeTrue();
        team.StepOff(Alex.Id, Alex.Id, byTeamLeader: true, Now).IsRefused.ShouldBeTrue();
        team.Lead!.MemberId.ShouldBe(Alex.Id);
    }

    [Fact]
    public void Should_move_a_leavers_lead_to_an_involved_receiver_and_withdraw_offers_waiting_for_the_leaver()
    {
        var team = NewTeam(out _);
        team.Offer(Alex.Id, Alex, CareTeamRole.Lead, "Taking it.", byTeamLeader: false, Now);
        team.Offer(Bea.Id, Bea, CareTeamRole.Involved, "Joining.", byTeamLeader: false, Now);
        team.Offer(Bea.Id, Cal, CareTeamRole.Involved, "Invented note.", byTeamLeader: false, Now);
        var leaver = team.PlaceOf(Alex.Id)!;

        var moved = team.Reallocate(Alex.Id, Bea, Guid.NewGuid(), Now);

        (moved.PlaceMoved, moved.OffersWithdrawn).ShouldBe((true, 0));
        leaver.IsCurrent.ShouldBeFalse();
        team.Lead!.MemberId.ShouldBe(Bea.Id);
        team.Reallocate(Cal.Id, Alex, Guid.NewGuid(), Now).OffersWithdrawn.ShouldBe(1);
    }
}
