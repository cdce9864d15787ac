using System.Globalization;
using Hub.Application.Common;
using Hub.Application.Figures;
using Hub.Application.Reports.Suppression;
using Hub.Domain.Referrals;

namespace Hub.Application.Reports;

/// <summary>One row of a report table: a group and its published values, already suppressed.</summary>
public sealed record ReportRow(string Group, IReadOnlyList<SuppressedValue> Values, bool IsTotal = false);

/// <summary>
/// A table of suppressed figures. <paramref name="ChartColumn"/> names the column drawn as a bar
/// chart above the table (a count column), or null for no chart.
/// </summary>
public sealed record ReportTable(string Title, string GroupHeading, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows, int? ChartColumn = null, string? Note = null);

public sealed record ReportSection(string Id, string Title, string Intro, IReadOnlyList<ReportTable> Tables);

public sealed record ReportDefinition(string Term, string Meaning);

/// <summary>
/// What a commissioner receives: every figure of the period and scope, each count and rate
/// suppressed by <see cref="SmallNumbers"/> before it is put here, so nothing in this model (and so
/// nothing in the page, PDF or CSV made from it) can identify anyone.
/// </summary>
public sealed record CommissionerReport(string ScopeLabel, DateOnly From, DateOnly To, DateTimeOffset GeneratedAt, IReadOnlyList<ReportSection> Sections, IReadOnlyList<ReportDefinition> Definitions)
{
    public string Period => $"{From.ToString("d MMMM yyyy", UkTime.Culture)} to {To.ToString("d MMMM yyyy", UkTime.Culture)}";

    /// <summary>The row of a report's neighbourhood table for every neighbourhood not on the partnership's list.</summary>
    public const string OtherNeighbourhoods = "Other or not known";

    /// <param name="neighbourhoods">
    /// The partnership's neighbourhoods. Only these are named in a report: anything else staff typed
    /// is counted under <see cref="OtherNeighbourhoods"/>, so free text never reaches a commissioner.
    /// </param>
    public static CommissionerReport Build(HubFigures figures, IReadOnlyList<PersonTraits> access, IReadOnlyCollection<string> neighbourhoods, string scopeLabel, DateTimeOffset generatedAt)
    {
        var filter = figures.Filter;
        var flow = figures.Flow;
        var sections = new List<ReportSection>
        {
            Referrals(flow),
            PeopleSeen(flow, access, filter),
            Waits(figures.Waiting),
            Contacts(flow),
            Closures(flow),
            Outcomes(figures.Outcomes),
        };
        sections.AddRange(Equalities(figures, access, filter, new HashSet<string>(neighbourhoods, StringComparer.OrdinalIgnoreCase)));
        return new CommissionerReport(scopeLabel, filter.From, filter.To, generatedAt, sections, DefinitionsOfMeasures());
    }

    /// <summary>A breakdown with its total and each group's share of it, secondary suppression included.</summary>
    private static ReportTable Breakdown(string title, string groupHeading, string countHeading, IEnumerable<(string Label, int Count)> groups, string? note = null)
    {
        var list = groups.ToList();
        var table = SmallNumbers.OneWay(list);
        var total = list.Sum(g => g.Count);
        var rows = table.Cells.Select((cell, i) => new ReportRow(cell.Label,
            [cell.Value, SmallNumbers.Rate(list[i].Count, total, cell.Value, table.Total)])).ToList();
        rows.Add(new ReportRow("Total", [table.Total, SmallNumbers.Rate(total, total, table.Total, table.Total)], IsTotal: true));
        return new ReportTable(title, groupHeading, [countHeading, "Share"], rows, ChartColumn: 0, Note: note);
    }

    private static OneWayTable WaitSplit(WaitingFigures w) =>
        SmallNumbers.OneWay([("Within 28 days", w.WithinStandard.Count), ("Over 28 days", w.OverStandard.Count)]);

    private static List<(string Label, int Count)> AttendanceLines(FlowFigures flow) =>
        [("Attended", flow.Contacts.Count - flow.DidNotAttend.Count), ("Did not attend", flow.DidNotAttend.Count)];

    private static OneWayTable AttendanceSplit(FlowFigures flow) => SmallNumbers.OneWay(AttendanceLines(flow));

    private static ReportRow Single(string label, int count) => new(label, [SmallNumbers.Count(count)]);

    private static ReportSection Referrals(FlowFigures flow) => new("referrals", "Referrals",
        "Referrals received in the period, by who made them. People can refer themselves: there are no thresholds and no eligibility criteria.",
        [
            Breakdown("Referrals by source", "Source", "Referrals",
                flow.BySource.Select(t => (t.Key == FigureKeys.Key("source", ReferralSource.Self) ? "Self-referral" : t.Label, t.Count))),
            new ReportTable("Returns", "Measure", ["Count", "Share of referrals"],
            [
                new ReportRow("Returns within six months", [SmallNumbers.Count(flow.Returns.Count), SmallNumbers.Rate(flow.Returns.Count, flow.Referred.Count)]),
            ]),
        ]);

    private static ReportSection PeopleSeen(FlowFigures flow, IReadOnlyList<PersonTraits> access, FigureFilter filter) => new("people", "People seen and access",
        "People are counted once however many contacts they had.",
        [
            new ReportTable("People seen", "Measure", ["People"],
            [
                Single("People with an attended contact in the period", flow.Seen.Count),
                Single($"Access: people with 2 or more attended contacts in the 12 months to {filter.To.ToString("d MMMM yyyy", UkTime.Culture)}", access.Count),
            ]),
        ]);

    private static ReportSection Waits(WaitingFigures w)
    {
        var split = WaitSplit(w);
        var median = w.Stopped.Count >= SmallNumbers.LargestSmallCount + 1 && w.MedianDays is { } m
            ? SmallNumbers.Measure(m, m.ToString("0.#", CultureInfo.InvariantCulture))
            : SmallNumbers.Hidden();
        return new("waits", "Four-week waits",
            "Clocks that stopped in the period: from the spell's first referral to the day it had an assessment, a baseline outcome measure and an agreed plan or intervention.",
            [
                new ReportTable("Waits that ended in the period", "Measure", ["Value", "Share"],
                [
                    new ReportRow("Clocks stopped", [split.Total, SuppressedValue.Blank]),
                    new ReportRow("Median wait in days", [median, SuppressedValue.Blank]),
                    new ReportRow("Within 28 days", [split.Cells[0].Value, SmallNumbers.Rate(w.WithinStandard.Count, w.Stopped.Count, split.Cells[0].Value, split.Total)]),
                    new ReportRow("Over 28 days", [split.Cells[1].Value, SmallNumbers.Rate(w.OverStandard.Count, w.Stopped.Count, split.Cells[1].Value, split.Total)]),
                    new ReportRow("Spells that ended before the clock stopped", [SmallNumbers.Count(w.EndedBeforeStopping.Count), SuppressedValue.Blank]),
                ], Note: "The median is shown only when 5 or more clocks stopped."),
            ]);
    }

    private static ReportSection Contacts(FlowFigures flow) => new("contacts", "Contacts",
        "Contacts held in the period, attended or not.",
        [
            Breakdown("Contacts by medium", "Medium", "Contacts", flow.ByMedium.Select(t => (t.Label, t.Count))),
            Breakdown("Contacts by place", "Place", "Contacts", flow.ByPlace.Select(t => (t.Label, t.Count))),
            Breakdown("Attendance", "Contact", "Contacts", AttendanceLines(flow),
                "The share of contacts not attended is the did-not-attend rate."),
        ]);

    private static ReportSection Closures(FlowFigures flow) => new("closures", "Closures",
        "Spells that ended in the period, by why they ended. Closing is a normal, good outcome; people can come back easily.",
        [Breakdown("Spells closed by reason", "Reason", "Spells", flow.ByClosureReason.Select(t => (t.Label, t.Count)))]);

    private static ReportSection Outcomes(IReadOnlyList<OutcomeFigures> outcomes) => new("outcomes", "Outcomes",
        "Paired scores: each spell's baseline against its latest follow-up taken in the period, on spells with two or more attended contacts.",
        outcomes.Select(o =>
        {
            var table = Breakdown($"{o.Name}: reliable change", "Change", "Scores", o.ByCategory.Select(t => (t.Label, t.Count)),
                o.Pairs.Count >= SmallNumbers.LargestSmallCount + 1 && o.MeanChange is { } mean
                    ? $"Mean change {mean.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture)} {o.Unit}. A change of {o.ReliableChange.ToString("0.#", CultureInfo.InvariantCulture)} or more is reliable."
                    : $"The mean change is shown only when there are 5 or more paired scores. A change of {o.ReliableChange.ToString("0.#", CultureInfo.InvariantCulture)} or more is reliable.");
            return table;
        }).ToList());

    private static IEnumerable<ReportSection> Equalities(HubFigures figures, IReadOnlyList<PersonTraits> access, FigureFilter filter, HashSet<string> neighbourhoods)
    {
        foreach (var table in figures.Equity)
        {
            string Group(string group) => table.Dimension != EquityDimension.Neighbourhood || neighbourhoods.Contains(group) ? group : OtherNeighbourhoods;
            var rows = table.Rows.GroupBy(r => Group(r.Group)).Select(g => Merge(g.Key, g.ToList()))
                .OrderBy(r => r.Group == OtherNeighbourhoods).ToList();
            var accessByGroup = access.GroupBy(p => Group(p.GroupOf(table.Dimension, filter.To))).ToDictionary(g => g.Key, g => g.Count());
            var referred = SmallNumbers.OneWay(rows.Select(r => (r.Group, r.Referred.Count)).ToList());
            var seen = SmallNumbers.OneWay(rows.Select(r => (r.Group, r.Seen.Count)).ToList());
            var accessed = SmallNumbers.OneWay(rows.Select(r => (r.Group, accessByGroup.GetValueOrDefault(r.Group))).ToList());
            var totalReferred = rows.Sum(r => r.Referred.Count);
            var reportRows = rows.Select((r, i) => new ReportRow(r.Group,
            [
                referred.Cells[i].Value,
                SmallNumbers.Rate(r.Referred.Count, totalReferred, referred.Cells[i].Value, referred.Total),
                seen.Cells[i].Value,
                accessed.Cells[i].Value,
                SmallNumbers.Rate(r.WithinStandard.Count, r.WithinStandard.Denominator ?? 0),
                SmallNumbers.Rate(r.DidNotAttend.Count, r.DidNotAttend.Denominator ?? 0),
                SmallNumbers.Rate(r.DialogImproved.Count, r.DialogImproved.Denominator ?? 0),
            ])).ToList();
            // The whole hub's rates are the ones the waits, attendance and outcomes tables publish:
            // from their published cells, so a cell hidden there to protect another stays hidden here.
            var waits = WaitSplit(figures.Waiting);
            var attendance = AttendanceSplit(figures.Flow);
            var dialog = SmallNumbers.OneWay(figures.Outcomes[0].ByCategory.Select(t => (t.Label, t.Count)).ToList());
            reportRows.Add(new ReportRow("Total",
            [
                referred.Total, SmallNumbers.Rate(totalReferred, totalReferred, referred.Total, referred.Total), seen.Total, accessed.Total,
                SmallNumbers.Rate(figures.Waiting.WithinStandard.Count, figures.Waiting.Stopped.Count, waits.Cells[0].Value, waits.Total),
                SmallNumbers.Rate(figures.Flow.DidNotAttend.Count, figures.Flow.Contacts.Count, attendance.Cells[1].Value, attendance.Total),
                SmallNumbers.Rate(figures.Outcomes[0].ByCategory[0].Count, figures.Outcomes[0].Pairs.Count, dialog.Cells[0].Value, dialog.Total),
            ], IsTotal: true));
            var name = table.Dimension.Describe();
            yield return new ReportSection("equality-" + table.Dimension.ToString().ToLowerInvariant(), $"Equalities: {name.ToLowerInvariant()}",
                table.Dimension == EquityDimension.AgeBand
                    ? "Every measure for each age band. Age is on the day of the event counted, and at the end of the period for access."
                    : $"Every measure for each {name.ToLowerInvariant()} group, against the group's share of everyone referred.",
                [
                    new ReportTable($"Measures by {name.ToLowerInvariant()}", name,
                        ["Referrals", "Share of referrals", "People seen", "Access", "Waits within 28 days", "Did not attend", "DIALOG reliably improved"],
                        reportRows, ChartColumn: 0),
                ]);
        }
    }

    /// <summary>Groups counted as one row: counts add up; each rate's denominator adds up too, except the share of all referrals.</summary>
    private static EquityRow Merge(string group, IReadOnlyList<EquityRow> rows)
    {
        if (rows.Count == 1)
        {
            return rows[0] with { Group = group };
        }
        Tally Sum(Func<EquityRow, Tally> pick, bool sameDenominator = false)
        {
            var tallies = rows.Select(pick).ToList();
            var denominator = sameDenominator ? tallies[0].Denominator : tallies.Any(t => t.Denominator is not null) ? tallies.Sum(t => t.Denominator ?? 0) : (int?)null;
            return new Tally(tallies[0].Key, tallies[0].Label, tallies.Sum(t => t.Count), denominator);
        }
        return new EquityRow(group, Sum(r => r.Referred, sameDenominator: true), Sum(r => r.Seen), Sum(r => r.WaitingNow), Sum(r => r.Breached),
            Sum(r => r.WithinStandard), Sum(r => r.DidNotAttend), Sum(r => r.Closed), Sum(r => r.Returns), Sum(r => r.DialogImproved));
    }

    private static IReadOnlyList<ReportDefinition> DefinitionsOfMeasures() =>
    [
        new("Referral", "A request for help received by the hub, from the person themselves or from someone else with their agreement. Counted on the day it was received."),
        new("Source", "Who made the referral, mapped to the MHSDS source of referral codes: self-referral (B1), carer or family (B2), GP practice (A1), other health service (A3), voluntary sector (F2), other (Q1)."),
        new("Spell", "A referral spell as MHSDS defines it: it starts at the first referral; a new referral while it is open, or within 5 days of its end, joins it."),
        new("Return within six months", "The first referral of a spell that follows one which ended within 183 days before it started. A referral within 5 days of an ending continues the same spell and is not a return."),
        new("People seen", "Different people with at least one attended contact in the period."),
        new("Access", "Different people with two or more attended direct contacts (face to face, phone or video; not text or message) in the 12 months up to the end of the period."),
        new("Four-week wait", "From the spell's first referral to the day it had all three of: a meaningful assessment (a completed first conversation), a baseline outcome measure (the spell's first rated measure, dated when it was taken), and a care plan agreed with the person or an intervention started (recorded by staff, or agreed by the person through their plan), at the last of the three in whatever order they came. Days are UK calendar days: the wait is the UK date it stopped minus the UK date it started, so day 28 meets the standard, day 21 onwards is at risk and day 29 or more has breached. Counted for clocks that stopped in the period; a referral on the fifth UK day after a spell ended joins it."),
        new("Contact", "A planned contact with the person: by medium (face to face, phone, video, text or message) and place. A network meeting is one contact."),
        new("Did-not-attend rate", "Contacts the person did not attend, out of all contacts held in the period."),
        new("Closure", "A spell that ended in the period: closed by the care team with a reason, or ended at triage."),
        new("Paired outcome", "A spell's baseline score against its latest follow-up taken in the period, on spells with two or more attended contacts. DIALOG is the mean of its eight life-area items (1 to 7); reliable change is 1 point. Goal-based outcomes are the mean of a person's goals rated at both ends (0 to 10); reliable change is 3 points. Each paired score is one person's spell."),
        new("Equalities", "Ethnicity in the five NHS Data Dictionary groups, age bands on the day of the event, gender as the person described it, and the partnership's neighbourhoods (any other place, or none, is \"Other or not known\"). \"Not known\" means the person did not answer; \"Prefer not to say\" is kept apart."),
        new("Small-number suppression", SuppressionRule.Statement),
    ];
}
