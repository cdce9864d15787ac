namespace Hub.Application.CommunityOffers.OpenReferral;

/// <summary>
/// Puts an HSDS schedule that a weekly session cannot hold ("first Saturday of each month",
/// "every 2 weeks on Tuesday") into words for the offer's schedule note.
/// </summary>
internal static class ScheduleWords
{
    public static string? Describe(IReadOnlyList<(int? Ordinal, DayOfWeek Day)> days, string? freq, int interval, string? monthDays, TimeOnly? opens, TimeOnly? closes)
    {
        var dayWords = days.Count == 0 ? null : List(days.Select(d => d.Ordinal is { } n ? $"{Ordinal(n)} {d.Day}" : d.Day.ToString()));

        string? when;
        if (freq == "MONTHLY")
        {
            var which = dayWords is not null ? $"the {dayWords}" : monthDays is not null ? $"day {monthDays}" : null;
            when = (which, interval) switch
            {
                (null, 1) => "monthly",
                (null, _) => $"every {interval} months",
                (_, 1) => $"{which} of each month",
                _ => $"every {interval} months, on {which}",
            };
        }
        else
        {
            when = (dayWords, interval) switch
            {
                (null, 1) => null,
                (null, _) => $"every {interval} weeks",
                (_, 1) => dayWords,
                _ => $"every {interval} weeks on {dayWords}",
            };
        }

        var hours = (opens, closes) switch
        {
            ({ } o, { } c) => $"{OpenReferralFormat.FormatTime(o)} to {OpenReferralFormat.FormatTime(c)}",
            ({ } o, null) => $"from {OpenReferralFormat.FormatTime(o)}",
            (null, { } c) => $"until {OpenReferralFormat.FormatTime(c)}",
            _ => null,
        };

        var words = string.Join(", ", new[] { when, hours }.OfType<string>());
        return words.Length == 0 ? null : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        -1 => "last",
        < -1 => $"{Ordinal(-n)} to last",
        _ => $"number {n}",
    };

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count == 1 ? all[0] : $"{string.Join(", ", all[..^1])} and {all[^1]}";
    }
}
