using System.Globalization;

namespace Hub.Application.Common;

/// <summary>The hub works in UK local time; it stores UTC and shows and reads London time.</summary>
public static class UkTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static string Format(DateTimeOffset utc) => ToLocal(utc).ToString("d MMM yyyy, HH:mm", Culture);

    /// <summary>Whole days between two instants in UK dates: a referral received yesterday evening has waited 1 day.</summary>
    public static int DaysBetween(DateTimeOffset from, DateTimeOffset to) =>
        DateOnly.FromDateTime(ToLocal(to)).DayNumber - DateOnly.FromDateTime(ToLocal(from)).DayNumber;
}
