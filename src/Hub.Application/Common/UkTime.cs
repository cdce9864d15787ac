using System.Globalization;
using Hub.Domain.Common;

namespace Hub.Application.Common;

/// <summary>
/// The hub works in UK local time; it stores UTC and shows and reads London time. Days are counted
/// by <see cref="UkCalendar"/> in the domain, the one definition: these delegate to it.
/// </summary>
public static class UkTime
{
    public static TimeZoneInfo Zone => UkCalendar.Zone;

    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToLocal(DateTimeOffset utc) => UkCalendar.LocalTime(utc);

    public static DateTimeOffset FromLocal(DateTime local) => UkCalendar.FromLocal(local);

    public static string Format(DateTimeOffset utc) => ToLocal(utc).ToString("d MMM yyyy, HH:mm", Culture);

    /// <summary>The UK calendar date an instant falls on.</summary>
    public static DateOnly Today(DateTimeOffset utc) => UkCalendar.DayOf(utc);

    /// <summary>Whole days between two instants in UK dates: a referral received yesterday evening has waited 1 day.</summary>
    public static int DaysBetween(DateTimeOffset from, DateTimeOffset to) => UkCalendar.DaysBetween(from, to);
}
