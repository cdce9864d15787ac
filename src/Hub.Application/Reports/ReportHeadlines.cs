using Hub.Application.Common;
using Hub.Application.Reports.Suppression;
using Hub.Domain.Outcomes;

namespace Hub.Application.Reports;

/// <summary>One headline figure of a report beside the same figure for the previous period, both as published.</summary>
public sealed record ReportHeadline(string Id, string Measure, SuppressedValue ThisPeriod, SuppressedValue PreviousPeriod);

/// <summary>The report's first page: its headline figures beside those of the period of the same length just before it.</summary>
public sealed record ReportSummary(DateOnly PreviousFrom, DateOnly PreviousTo, IReadOnlyList<ReportHeadline> Headlines)
{
    public string PreviousPeriod => $"{PreviousFrom.ToString("d MMMM yyyy", UkTime.Culture)} to {PreviousTo.ToString("d MMMM yyyy", UkTime.Culture)}";
}

/// <summary>
/// Picks a report's headline figures out of reports already built, by the stable ids their rows
/// and tables carry, so every headline is exactly the value published in the body of the report
/// and the previous period's comes from a whole report built and suppressed by the same code.
/// Nothing here counts or suppresses anything.
/// </summary>
public static class ReportHeadlines
{
    public const string NoClocksStopped = "No clocks stopped in the period";

    public static readonly string TooFewClocksStopped = $"Not shown: fewer than {SmallNumbers.LargestSmallCount + 1} clocks stopped";

    /// <summary>The ids <see cref="CommissionerReport.Build"/> gives the rows and tables the headlines come from.</summary>
    public static class Ids
    {
        public const string ReferralsBySource = "referrals-by-source";
        public const string PeopleSeen = "people-seen";
        public const string Access = "access";
        public const string ClocksStopped = "clocks-stopped";
        public const string MedianWait = "median-wait";
        public const string WithinStandard = "within-28-days";
        public const string Attendance = "attendance";

        public static string Outcome(string measure) => "outcome-" + measure;
    }

    /// <summary>Where a headline is found: a row (by its id, or by its group in a table with an id) and a column.</summary>
    private sealed record Pick(string Id, string Measure, string? RowId, string? TableId, Func<ReportRow, bool>? Row, int Column);

    private static readonly Pick[] Picks =
    [
        new("referrals", "Referrals received", null, Ids.ReferralsBySource, r => r.IsTotal, 0),
        new("people-seen", "People seen (an attended contact)", Ids.PeopleSeen, null, null, 0),
        new("median-wait", "Median wait in days (clocks stopped)", Ids.MedianWait, null, null, 0),
        new("within-28-days", "Waits within 28 days (four-week standard)", Ids.WithinStandard, null, null, 1),
        new("clocks-stopped", "Clocks stopped", Ids.ClocksStopped, null, null, 0),
        new("access", "Access (2 or more attended contacts in 12 months)", Ids.Access, null, null, 0),
        new("dialog-improved", "DIALOG quality of life reliably improved", null, Ids.Outcome("dialog"), r => r.Group == ChangeCategory.ReliablyImproved.Describe(), 1),
        new("did-not-attend", "Did-not-attend rate", null, Ids.Attendance, r => r.Group == "Did not attend", 1),
    ];

    /// <summary>
    /// The period just before <paramref name="from"/> to <paramref name="to"/> and as long: whole
    /// calendar months give the same number of whole months before (October gives September), any
    /// other period the same number of days.
    /// </summary>
    public static (DateOnly From, DateOnly To) PreviousPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "A period ends on or after it starts.");
        }
        if (from.Day == 1 && to.AddDays(1).Day == 1)
        {
            var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
            return (from.AddMonths(-months), from.AddDays(-1));
        }
        var days = to.DayNumber - from.DayNumber + 1;
        return (from.AddDays(-days), from.AddDays(-1));
    }

    /// <summary>The headline figures of <paramref name="current"/> beside those of <paramref name="previous"/>, a report of the previous period.</summary>
    public static ReportSummary Compare(CommissionerReport current, CommissionerReport previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return new ReportSummary(previous.From, previous.To,
            Picks.Select(p => new ReportHeadline(p.Id, p.Measure, Find(current, p), Find(previous, p))).ToList());
    }

    private static SuppressedValue Find(CommissionerReport report, Pick pick)
    {
        var tables = report.Sections.SelectMany(s => s.Tables);
        var row = pick.RowId is { } rowId
            ? tables.SelectMany(t => t.Rows).FirstOrDefault(r => r.Id == rowId)
            : tables.FirstOrDefault(t => t.Id == pick.TableId)?.Rows.FirstOrDefault(pick.Row!);
        return row is not null && pick.Column < row.Values.Count
            ? row.Values[pick.Column]
            : throw new InvalidOperationException($"The report has no row for the headline '{pick.Id}': its row or table id has changed.");
    }
}
