namespace Hub.Domain.Common;

/// <summary>
/// Working days in the UK: Monday to Friday except bank holidays. The hub promises to make first
/// contact within two working days of a referral; this class says when that falls due, counting
/// days as <see cref="UkCalendar"/> does (a UK calendar day in Europe/London).
/// </summary>
public sealed class UkWorkingDays
{
    /// <summary>The working days within which the hub promises first contact.</summary>
    public const int FirstContactPromise = 2;

    private readonly HashSet<DateOnly> _holidays;

    /// <param name="holidays">Every bank holiday to leave out; see <see cref="UkBankHolidays"/>.</param>
    public UkWorkingDays(IEnumerable<DateOnly> holidays) => _holidays = [.. holidays];

    /// <summary>England and Wales bank holidays by the statutory rules, with the known moved and extra days.</summary>
    public static UkWorkingDays EnglandAndWales { get; } = new(UkBankHolidays.EnglandAndWales(1990, 2100));

    public bool IsBankHoliday(DateOnly day) => _holidays.Contains(day);

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The <paramref name="count"/>th working day after <paramref name="day"/> (the day itself never counts).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = day;
        for (var added = 0; added < count;)
        {
            result = result.AddDays(1);
            if (IsWorkingDay(result))
            {
                added++;
            }
        }
        return result;
    }

    /// <summary>
    /// The last UK day on which first contact keeps the promise: the second working day after the
    /// day the referral arrived, whatever the hour (one sent on Friday evening is due by Tuesday).
    /// </summary>
    public DateOnly FirstContactDueBy(DateTimeOffset receivedAt) => AddWorkingDays(UkCalendar.DayOf(receivedAt), FirstContactPromise);

    /// <summary>Whether, at <paramref name="now"/>, the day first contact was due by has passed.</summary>
    public bool IsFirstContactOverdue(DateTimeOffset receivedAt, DateTimeOffset now) => UkCalendar.DayOf(now) > FirstContactDueBy(receivedAt);

    /// <summary>
    /// The instant before which every referral is past the promise at <paramref name="now"/>: a
    /// referral received earlier is overdue, one received at or after it is not. Lets a database
    /// filter by one comparison on the time received (due dates only ever move forward with it).
    /// </summary>
    public DateTimeOffset FirstContactOverdueBefore(DateTimeOffset now)
    {
        var today = UkCalendar.DayOf(now);
        // Walk back to the latest arrival day whose due day is already behind us; a run of bank
        // holidays and weekends is at most a couple of weeks, so this is a handful of steps.
        var day = today;
        while (AddWorkingDays(day, FirstContactPromise) >= today)
        {
            day = day.AddDays(-1);
        }
        return UkCalendar.StartOfDay(day.AddDays(1));
    }
}

/// <summary>
/// Bank holidays in England and Wales: the statutory and customary days with their substitute
/// Mondays (Banking and Financial Dealings Act 1971 and royal proclamation), and the days moved or
/// added by proclamation since 1990. Scotland and Northern Ireland differ; a hub there replaces the
/// list in configuration (<c>Hub:BankHolidays</c>).
/// </summary>
public static class UkBankHolidays
{
    /// <summary>Days moved away by proclamation: the usual day was a working day that year.</summary>
    private static readonly DateOnly[] Moved =
    [
        new(1995, 5, 1),  // early May moved to VE Day (8 May)
        new(2002, 5, 27), // spring moved to 4 June, Golden Jubilee
        new(2012, 5, 28), // spring moved to 4 June, Diamond Jubilee
        new(2020, 5, 4),  // early May moved to VE Day (8 May)
        new(2022, 5, 30), // spring moved to 2 June, Platinum Jubilee
    ];

    /// <summary>Days added or moved to by proclamation.</summary>
    private static readonly DateOnly[] Added =
    [
        new(1995, 5, 8), new(1999, 12, 31), new(2002, 6, 3), new(2002, 6, 4), new(2011, 4, 29),
        new(2012, 6, 4), new(2012, 6, 5), new(2020, 5, 8), new(2022, 6, 2), new(2022, 6, 3),
        new(2022, 9, 19), new(2023, 5, 8),
    ];

    public static IEnumerable<DateOnly> EnglandAndWales(int fromYear, int toYear)
    {
        var moved = Moved.ToHashSet();
        for (var year = fromYear; year <= toYear; year++)
        {
            var easter = EasterSunday(year);
            var christmas = new DateOnly(year, 12, 25);
            DateOnly[] days =
            [
                NextWeekday(new DateOnly(year, 1, 1)),
                easter.AddDays(-2),
                easter.AddDays(1),
                FirstMonday(year, 5),
                LastMonday(year, 5),
                LastMonday(year, 8),
                NextWeekday(christmas),
                // Boxing Day: the 26th, or the first weekday after Christmas's own substitute.
                NextWeekday(NextWeekday(christmas).AddDays(1)),
            ];
            foreach (var day in days.Where(d => !moved.Contains(d)))
            {
                yield return day;
            }
        }
        foreach (var day in Added.Where(d => d.Year >= fromYear && d.Year <= toYear))
        {
            yield return day;
        }
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NextWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
