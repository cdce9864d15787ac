using Hub.Application.Figures;
using Hub.Domain.Common;
using Hub.Domain.Spells;

namespace Hub.UnitTests.Figures;

/// <summary>
/// Generated clocks: starts and "now" spread over the clock changes (last Sundays of March and
/// October) and around midnight. For every case the waiting list's header (counted in the database
/// with UK-midnight cut-offs), its row and the dashboard's and report's key (FigureKeys) agree.
/// </summary>
public sealed class WaitingAgreementTests
{
    private static readonly DateOnly[] ClockChanges = [new(2026, 3, 29), new(2026, 10, 25), new(2027, 3, 28)];

    /// <summary>An instant near a UK midnight or a clock change, or anywhere in between.</summary>
    private static DateTimeOffset Near(Random random, DateOnly around)
    {
        var day = around.AddDays(random.Next(-40, 41));
        var minutes = random.Next(3) switch
        {
            0 => random.Next(-90, 90),            // either side of midnight
            1 => random.Next(0, 180),             // the hours the clocks change in
            _ => random.Next(0, 24 * 60),
        };
        return UkCalendar.StartOfDay(day).AddMinutes(minutes);
    }

    [Fact]
    public void Should_count_the_same_at_risk_and_breached_in_the_header_the_rows_and_the_figures_for_generated_clocks()
    {
        var random = new Random(14);
        for (var i = 0; i < 20000; i++)
        {
            var around = ClockChanges[random.Next(ClockChanges.Length)];
            var now = Near(random, around);
            var started = now.AddMinutes(-random.Next(0, 60 * 24 * 40));
            if (random.Next(4) == 0)
            {
                started = UkCalendar.StartOfDay(UkCalendar.DayOf(now).AddDays(-random.Next(19, 31))).AddMinutes(random.Next(-2, 3));
            }
            var today = UkCalendar.DayOf(now);

            var row = FourWeekClock.For(UkCalendar.DayOf(started), null, null, null, null, today);
            var headerAtRisk = started < FourWeekClock.AtRiskIfStartedBefore(today) && started >= FourWeekClock.BreachedIfStartedBefore(today);
            var headerBreached = started < FourWeekClock.BreachedIfStartedBefore(today);
            var keys = FigureKeys.RunningKeys(new RunningWaitFact(Guid.Empty, Guid.Empty, started, new PersonTraits(null, null, null, null)), now).ToList();
            var because = $"started {started:O}, now {now:O}";

            headerAtRisk.ShouldBe(row.AtRisk, because);
            headerBreached.ShouldBe(row.Breached, because);
            keys.Contains("waiting:at-risk").ShouldBe(row.AtRisk, because);
            keys.Contains("waiting:breached").ShouldBe(row.Breached, because);
            FigureKeys.DaysWaiting(new RunningWaitFact(Guid.Empty, Guid.Empty, started, new PersonTraits(null, null, null, null)), now).ShouldBe(row.DaysWaited, because);
        }
    }

    [Theory]
    [InlineData(20, false, false)]
    [InlineData(21, true, false)]
    [InlineData(28, true, false)]
    [InlineData(29, false, true)]
    public void Should_number_days_by_uk_date_day_28_within_day_21_at_risk_day_29_breached(int daysAgo, bool atRisk, bool breached)
    {
        // Started a minute before midnight; now is a minute after midnight, after the clocks went back.
        var now = UkCalendar.StartOfDay(new DateOnly(2026, 11, 1)).AddMinutes(1);
        var started = UkCalendar.StartOfDay(UkCalendar.DayOf(now).AddDays(-daysAgo + 1)).AddMinutes(-1);

        var clock = FourWeekClock.For(UkCalendar.DayOf(started), null, null, null, null, UkCalendar.DayOf(now));

        clock.DaysWaited.ShouldBe(daysAgo);
        (clock.AtRisk, clock.Breached).ShouldBe((atRisk, breached));
    }
}
