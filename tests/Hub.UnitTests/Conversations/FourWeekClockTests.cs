using Hub.Domain.Spells;

namespace Hub.UnitTests.Conversations;

/// <summary>
/// The four-week clock stops when the spell has a meaningful assessment, a baseline outcome
/// measure and an agreed care plan or intervention: at the latest of the three.
/// </summary>
public sealed class FourWeekClockTests
{
    private static readonly DateTimeOffset Referred = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_keep_the_clock_running_until_all_three_are_recorded()
    {
        var spell = new ReferralSpell(Guid.NewGuid(), Referred);
        spell.ClockStoppedAt.ShouldBeNull();

        spell.RecordAssessment(Referred.AddDays(3));
        spell.ClockStoppedAt.ShouldBeNull();

        spell.RecordBaselineMeasure(Referred.AddDays(3));
        spell.ClockStoppedAt.ShouldBeNull();

        spell.RecordCarePlanAgreed(Referred.AddDays(10));
        spell.ClockStoppedAt.ShouldBe(Referred.AddDays(10));
    }

    [Theory]
    [InlineData(20, 5, 9, 20)]
    [InlineData(5, 20, 9, 20)]
    [InlineData(5, 9, 20, 20)]
    [InlineData(7, 7, 7, 7)]
    public void Should_stop_the_clock_at_the_latest_of_the_three_in_whatever_order_they_come(int assessed, int baseline, int carePlan, int stopped)
    {
        var spell = new ReferralSpell(Guid.NewGuid(), Referred);

        spell.RecordCarePlanAgreed(Referred.AddDays(carePlan));
        spell.RecordBaselineMeasure(Referred.AddDays(baseline));
        spell.ClockStoppedAt.ShouldBeNull();
        spell.RecordAssessment(Referred.AddDays(assessed));

        spell.ClockStoppedAt.ShouldBe(Referred.AddDays(stopped));
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void Should_keep_the_clock_running_while_any_one_is_missing(bool assessed, bool baseline, bool carePlan)
    {
        var spell = new ReferralSpell(Guid.NewGuid(), Referred);

        if (assessed) spell.RecordAssessment(Referred.AddDays(1));
        if (baseline) spell.RecordBaselineMeasure(Referred.AddDays(1));
        if (carePlan) spell.RecordCarePlanAgreed(Referred.AddDays(1));

        spell.ClockStoppedAt.ShouldBeNull();
    }

    [Fact]
    public void Should_keep_the_earliest_date_of_each_when_it_is_recorded_again()
    {
        var spell = new ReferralSpell(Guid.NewGuid(), Referred);

        spell.RecordAssessment(Referred.AddDays(2));
        spell.RecordAssessment(Referred.AddDays(40));
        spell.RecordBaselineMeasure(Referred.AddDays(3));
        spell.RecordBaselineMeasure(Referred.AddDays(41));
        spell.RecordCarePlanAgreed(Referred.AddDays(4));
        spell.RecordCarePlanAgreed(Referred.AddDays(42));

        spell.AssessedAt.ShouldBe(Referred.AddDays(2));
        spell.BaselineMeasuredAt.ShouldBe(Referred.AddDays(3));
        spell.CarePlanAgreedAt.ShouldBe(Referred.AddDays(4));
        spell.ClockStoppedAt.ShouldBe(Referred.AddDays(4));
    }
}
