namespace Hub.Domain.Common;

/// <summary>
/// The one definition of a day in the hub: a UK calendar day in Europe/London, whatever the hour
/// and across the clock changes. Every wait, the four-week clock, spell joining, the waiting list,
/// the dashboard and the reports count days through this class, so they cannot disagree.
/// </summary>
public static class UkCalendar
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The UK wall-clock time of an instant.</summary>
    public static DateTime LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>The UK calendar date an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(LocalTime(at));

    /// <summary>
    /// Whole UK calendar days from one instant to another: 23:59 and 00:01 the next morning are one
    /// day apart; two instants on the same UK date are none. Negative when <paramref name="to"/> is earlier.
    /// </summary>
    public static int DaysBetween(DateTimeOffset from, DateTimeOffset to) => DayOf(to).DayNumber - DayOf(from).DayNumber;

    /// <summary>The instant (UTC) a UK calendar day begins: midnight in London, 23:00 UTC the evening before in summer.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// The instant of a UK wall-clock time. Midnight always exists once in London (the clocks change
    /// at 01:00 and 02:00), so <see cref="StartOfDay"/> is exact.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
