using Hub.Domain.Common;
using Hub.Domain.Spells;

namespace Hub.UnitTests.Domain;

public sealed class ReferralSpellClosingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Practitioner = Guid.NewGuid();

    private static ReferralSpell Ended(DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        var spell = new ReferralSpell(Person, startedAt);
        spell.End(endedAt);
        return spell;
    }

    [Fact]
    public void Should_end_the_spell_with_the_reason_a_tidied_note_and_who_closed_it()
    {
        var spell = new ReferralSpell(Person, Start);
        var before = spell.Version;

        spell.Close(SpellClosureReason.GoalsMet, "  Back at work;\r\nwill call if needed  ", Practitioner, Start.AddDays(40));

        spell.IsOpen.ShouldBeFalse();
        spell.EndedAt.ShouldBe(Start.AddDays(40));
        spell.ClosureReason.ShouldBe(SpellClosureReason.GoalsMet);
        spell.ClosureNote.ShouldBe("Back at work;\nwill call if needed");
        spell.ClosedByUserId.ShouldBe(Practitioner);
        spell.Version.ShouldNotBe(before);
    }

    [Fact]
    public void Should_never_close_before_the_spell_started()
    {
        var spell = new ReferralSpell(Person, Start);

        spell.Close(SpellClosureReason.MovedAway, null, Practitioner, Start.AddDays(-1));

        spell.EndedAt.ShouldBe(Start);
    }

    [Fact]
    public void Should_refuse_to_close_a_spell_that_has_already_ended()
    {
        var closed = new ReferralSpell(Person, Start);
        closed.Close(SpellClosureReason.GoalsMet, "First", Practitioner, Start.AddDays(10));
        var endedAtTriage = Ended(Start, Start.AddDays(1));
        var version = closed.Version;

        Should.Throw<DomainRuleException>(() => closed.Close(SpellClosureReason.MovedAway, "Second", Guid.NewGuid(), Start.AddDays(11)));
        Should.Throw<DomainRuleException>(() => endedAtTriage.Close(SpellClosureReason.GoalsMet, null, Practitioner, Start.AddDays(2)));

        closed.ClosureReason.ShouldBe(SpellClosureReason.GoalsMet);
        closed.ClosureNote.ShouldBe("First");
        closed.ClosedByUserId.ShouldBe(Practitioner);
        closed.EndedAt.ShouldBe(Start.AddDays(10));
        closed.Version.ShouldBe(version);
        endedAtTriage.ClosureReason.ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public void Should_refuse_a_reason_that_is_not_one_of_the_choices_and_stay_open(int reason)
    {
        var spell = new ReferralSpell(Person, Start);

        Should.Throw<DomainRuleException>(() => spell.Close((SpellClosureReason)reason, null, Practitioner, Start.AddDays(3)));

        spell.IsOpen.ShouldBeTrue();
        spell.ClosureReason.ShouldBeNull();
        spell.ClosedByUserId.ShouldBeNull();
    }

    [Fact]
    public void Should_reopen_and_forget_the_closure_when_a_referral_comes_within_five_days()
    {
        var spell = new ReferralSpell(Person, Start);
        spell.Close(SpellClosureReason.GoalsMet, "Doing well", Practitioner, Start.AddDays(30));
        var closed = spell.Version;

        spell.Join(Start.AddDays(35));

        spell.IsOpen.ShouldBeTrue();
        spell.ClosureReason.ShouldBeNull();
        spell.ClosureNote.ShouldBeNull();
        spell.ClosedByUserId.ShouldBeNull();
        spell.StartedAt.ShouldBe(Start);
        spell.Version.ShouldNotBe(closed);
    }

    [Fact]
    public void Should_keep_the_closure_when_a_referral_comes_too_late_to_join()
    {
        var spell = new ReferralSpell(Person, Start);
        spell.Close(SpellClosureReason.NotReachedAfterSeveralTries, "Three calls, two letters", Practitioner, Start.AddDays(30));

        // The sixth UK day after the close (day five, at any hour, would still join).
        Should.Throw<DomainRuleException>(() => spell.Join(Start.AddDays(36)));

        spell.IsOpen.ShouldBeFalse();
        spell.ClosureReason.ShouldBe(SpellClosureReason.NotReachedAfterSeveralTries);
        spell.ClosureNote.ShouldBe("Three calls, two letters");
    }

    [Fact]
    public void Should_follow_on_from_an_ended_earlier_spell_of_the_same_person()
    {
        var earlier = Ended(Start, Start.AddDays(30));
        var spell = new ReferralSpell(Person, Start.AddDays(60));

        spell.FollowOn(earlier);

        spell.PreviousSpellId.ShouldBe(earlier.Id);
    }

    [Fact]
    public void Should_refuse_to_follow_on_from_another_persons_spell_or_itself()
    {
        var someoneElses = new ReferralSpell(Guid.NewGuid(), Start);
        someoneElses.End(Start.AddDays(30));
        var spell = new ReferralSpell(Person, Start.AddDays(60));

        Should.Throw<DomainRuleException>(() => spell.FollowOn(someoneElses));
        Should.Throw<DomainRuleException>(() => spell.FollowOn(spell));
        spell.PreviousSpellId.ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_to_follow_on_from_a_spell_still_open_or_started_later()
    {
        var stillOpen = new ReferralSpell(Person, Start);
        var later = Ended(Start.AddDays(70), Start.AddDays(80));
        var spell = new ReferralSpell(Person, Start.AddDays(60));

        Should.Throw<DomainRuleException>(() => spell.FollowOn(stillOpen));
        Should.Throw<DomainRuleException>(() => spell.FollowOn(later));
        spell.PreviousSpellId.ShouldBeNull();
    }

    [Fact]
    public void Should_find_the_most_recently_ended_spell_as_the_previous_one()
    {
        var first = Ended(Start, Start.AddDays(20));
        var second = Ended(Start.AddDays(40), Start.AddDays(70));
        var open = new ReferralSpell(Person, Start.AddDays(100));

        ReferralSpell.FindPrevious([second, open, first], Start.AddDays(120)).ShouldBe(second);
    }

    [Fact]
    public void Should_find_no_previous_spell_among_open_spells_or_spells_that_started_later()
    {
        var open = new ReferralSpell(Person, Start);
        var later = Ended(Start.AddDays(40), Start.AddDays(50));

        ReferralSpell.FindPrevious([open, later], Start.AddDays(30)).ShouldBeNull();
        ReferralSpell.FindPrevious([], Start).ShouldBeNull();
    }

    [Fact]
    public void Should_join_the_open_spell_rather_than_an_older_one_still_inside_its_window()
    {
        var older = Ended(Start, Start.AddDays(10));
        var open = new ReferralSpell(Person, Start.AddDays(12));

        ReferralSpell.FindSpellToJoin([open, older], Start.AddDays(13)).ShouldBe(open);
        ReferralSpell.FindSpellToJoin([older, open], Start.AddDays(13)).ShouldBe(open);
    }
}
