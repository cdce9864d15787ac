using Hub.Domain.Common;

namespace Hub.UnitTests.Domain;

/// <summary>One definition of a day: the UK calendar date in London, whatever the hour and across the clock changes.</summary>
public sealed class UkCalendarTests
{
    [Fact]
    public void Should_put_an_instant_late_on_a_summer_evening_in_utc_on_the_next_uk_day()
    {
        UkCalendar.DayOf(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 7, 1));
        UkCalendar.DayOf(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 12, 31));
    }

    [Theory]
    [InlineData(2026, 3, 29, 0)]   // the clocks go forward at 01:00 this day: it starts in GMT
    [InlineData(2026, 3, 30, -1)]  // the first whole BST day starts at 23:00 UTC the evening before
    [InlineData(2026, 10, 25, -1)] // the clocks go back at 02:00 this day: it starts in BST
    [InlineData(2026, 10, 26, 0)]
    public void Should_start_each_uk_day_at_london_midnight(int year, int month, int day, int utcHourOffsetFromMidnight)
    {
        var start = UkCalendar.StartOfDay(new DateOnly(year, month, day));

        start.ShouldBe(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).AddHours(utcHourOffsetFromMidnight));
        UkCalendar.DayOf(start).ShouldBe(new DateOnly(year, month, day));
        UkCalendar.DayOf(start.AddTicks(-1)).ShouldBe(new DateOnly(year, month, day).AddDays(-1));
    }

    [Fact]
    public void Should_count_one_day_from_a_minute_before_midnight_to_a_minute_after_and_none_within_a_day()
    {
        var lateEvening = UkCalendar.StartOfDay(new DateOnly(2026, 7, 10)).AddMinutes(-1);

        UkCalendar.DaysBetween(lateEvening, lateEvening.AddMinutes(2)).ShouldBe(1);
        UkCalendar.DaysBetween(lateEvening.AddMinutes(2), lateEvening.AddHours(23)).ShouldBe(0);
    }

    [Fact]
    public void Should_agree_with_the_day_boundaries_for_every_hour_of_two_years()
    {
        for (var at = new DateTimeOffset(2025, 1, 1, 0, 30, 0, TimeSpan.Zero); at.Year < 2027; at = at.AddHours(1))
        {
            var day = UkCalendar.DayOf(at);
            at.ShouldBeGreaterThanOrEqualTo(UkCalendar.StartOfDay(day));
            at.ShouldBeLessThan(UkCalendar.StartOfDay(day.AddDays(1)));
        }
    }
}
