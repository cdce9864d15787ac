using Hub.Domain.Spells;

namespace Hub.UnitTests.Domain;

public sealed class ReferralSpellTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = Guid.NewGuid();

    [Fact]
    public void Should_accept_a_referral_while_the_spell_is_open()
    {
        var spell = new ReferralSpell(Person, Start);

        spell.Accepts(Start.AddDays(200)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Should_accept_a_referral_up_to_five_days_after_the_spell_ended(int daysAfterEnd, bool accepted)
    {
        var spell = new ReferralSpell(Person, Start);
        spell.End(Start.AddDays(10));

        spell.Accepts(Start.AddDays(10 + daysAfterEnd)).ShouldBe(accepted);
    }

    [Fact]
    public void Should_reopen_when_a_referral_joins_after_it_ended_and_keep_its_start()
    {
        var spell = new ReferralSpell(Person, Start);
        spell.End(Start.AddDays(10));

        spell.Join(Start.AddDays(12));

        spell.IsOpen.ShouldBeTrue();
        spell.StartedAt.ShouldBe(Start);
    }

    [Fact]
    public void Should_refuse_to_join_a_referral_more_than_five_days_after_the_end()
    {
        var spell = new ReferralSpell(Person, Start);
        spell.End(Start.AddDays(1));

        Should.Throw<Hub.Domain.Common.DomainRuleException>(() => spell.Join(Start.AddDays(7)));
    }

    [Fact]
    public void Should_pick_the_most_recent_spell_that_accepts_the_referral_or_none()
    {
        var old = new ReferralSpell(Person, Start);
        old.End(Start.AddDays(20));
        var recent = new ReferralSpell(Person, Start.AddDays(60));
        recent.End(Start.AddDays(80));

        ReferralSpell.FindSpellToJoin([old, recent], Start.AddDays(83)).ShouldBe(recent);
        ReferralSpell.FindSpellToJoin([old, recent], Start.AddDays(90)).ShouldBeNull();
    }

    [Fact]
    public void Should_keep_the_first_end_when_ended_twice()
    {
        var spell = new ReferralSpell(Person, Start);
        spell.End(Start.AddDays(3));
        spell.End(Start.AddDays(9));

        spell.EndedAt.ShouldBe(Start.AddDays(3));
    }
}
