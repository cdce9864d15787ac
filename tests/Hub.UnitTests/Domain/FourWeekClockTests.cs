using Hub.Domain.Spells;

namespace Hub.UnitTests.Domain;

public sealed class FourWeekClockTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    [Fact]
    public void Should_keep_running_until_the_last_of_the_three_conditions_and_stop_on_that_day()
    {
        var running = FourWeekClock.For(Start, Start.AddDays(5), Start.AddDays(5), null, null, Start.AddDays(19));
        running.State.ShouldBe(ClockState.Running);
        running.DaysWaited.ShouldBe(19);
        running.Missing.ShouldBe(["agreed plan"]);

        var stopped = FourWeekClock.For(Start, Start.AddDays(5), Start.AddDays(9), Start.AddDays(12), null, Start.AddDays(40));
        stopped.State.ShouldBe(ClockState.Stopped);
        stopped.DaysWaited.ShouldBe(12, "the wait ends on the day the last condition is met, whatever today is");
        stopped.Breached.ShouldBeFalse();
    }

    [Theory]
    [InlineData(20, false, false)]
    [InlineData(21, true, false)]
    [InlineData(28, true, false)]
    [InlineData(29, false, true)]
    public void Should_flag_day_21_to_28_as_at_risk_and_after_28_as_breached(int days, bool atRisk, bool breached)
    {
        var clock = FourWeekClock.For(Start, null, null, null, null, Start.AddDays(days));

        clock.AtRisk.ShouldBe(atRisk);
        clock.Breached.ShouldBe(breached);
        clock.Missing.Count.ShouldBe(3);
    }

    [Fact]
    public void Should_count_a_stop_after_28_days_as_a_breach()
    {
        var late = FourWeekClock.For(Start, Start.AddDays(30), Start.AddDays(30), Start.AddDays(31), null, Start.AddDays(60));

        late.State.ShouldBe(ClockState.Stopped);
        late.Breached.ShouldBeTrue();
    }

    [Fact]
    public void Should_end_without_stopping_when_the_spell_closes_before_all_three_exist()
    {
        var closed = FourWeekClock.For(Start, Start.AddDays(3), null, null, Start.AddDays(10), Start.AddDays(50));

        closed.State.ShouldBe(ClockState.EndedBeforeStopping);
        closed.DaysWaited.ShouldBe(10);
        closed.AtRisk.ShouldBeFalse();
    }

    [Fact]
    public void Should_count_from_the_first_referral_of_a_joined_spell()
    {
        // A second referral joined the spell on day 10; the clock still runs from the spell's start.
        var spell = new ReferralSpell(Guid.NewGuid(), new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        spell.Join(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));

        FourWeekClock.For(DateOnly.FromDateTime(spell.StartedAt.UtcDateTime), null, null, null, null, Start.AddDays(22)).DaysWaited.ShouldBe(22);
    }
}
