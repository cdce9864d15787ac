using System.Globalization;
using Hub.Application.Common;
using Hub.Application.Figures;
using Hub.Application.Reports.Suppression;
using Hub.Domain.Referrals;

namespace Hub.Application.Reports;

/// <summary>One row of a report table: a group and its published values, already suppressed.</summary>
public sealed record ReportRow(string Group, IReadOnlyList<SuppressedValue> Values, bool IsTotal = false)
{
    /// <summary>A stable name for the row, for <see cref="ReportHeadlines"/> to find it by; null for most rows.</summary>
    public string? Id { get; init; }
}

/// <summary>
/// A table of suppressed figures. <paramref name="ChartColumn"/> names the column drawn as a bar
/// chart above the table (a count column), or null for no chart.
/// </summary>
public sealed record ReportTable(string Title, string GroupHeading, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows, int? ChartColumn = null, string? Note = null)
{
    /// <summary>A stable name for the table, for <see cref="ReportHeadlines"/> to find it by; null for most tables.</summary>
    public string? Id { get; init; }
}

public sealed record ReportSection(string Id, string Title, string Intro, IReadOnlyList<ReportTable> Tables);

public sealed record ReportDefinition(string Term, string Meaning);

/// <summary>
/// What a commissioner receives: every figure of the period and scope, each count and rate
/// suppressed by <see cref="SmallNumbers"/> before it is put here, so nothing in this model (and so
/// nothing in the page, PDF or CSV made from it) can identify anyone.
/// </summary>
public sealed record CommissionerReport(string ScopeLabel, DateOnly From, DateOnly To, DateTimeOffset GeneratedAt, IReadOnlyList<ReportSection> Sections, IReadOnlyList<ReportDefinition> Definitions)
{
    /// <summary>The headline figures beside the previous period's (see <see cref="ReportHeadlines"/>); null until compared.</summary>
    public ReportSummary? Summary { get; init; }

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

        // Every figure goes into one pack before any is published: the report is read whole, so each
        // is protected against all the others (see PackSuppression).
        var pack = new FigurePack();
        var hub = HubFigureSet.Register(pack, figures, access.Count);
        var sections = new List<Func<PublishedFigures, ReportSection>>
        {
            Referrals(pack, flow, hub),
            PeopleSeen(hub, filter),
            Waits(hub, figures.Waiting),
            Contacts(pack, flow, hub),
            Closures(pack, flow),
            Outcomes(pack, figures.Outcomes, hub),
        };
        sections.AddRange(Equalities(pack, figures, access, filter, new HashSet<string>(neighbourhoods, StringComparer.OrdinalIgnoreCase), hub));
        if (figures.Volunteering.Counted)
        {
            sections.Add(Volunteering(VolunteeringPackFigures.Register(pack, figures.Volunteering)));
        }
        var published = pack.Publish();
        return new CommissionerReport(scopeLabel, filter.From, filter.To, generatedAt, sections.Select(s => s(published)).ToList(), DefinitionsOfMeasures());
    }

    /// <summary>The whole hub's figures that several tables print or calculate rates from.</summary>
    private sealed record HubFigureSet(
        Figure Referred, Figure Returns, RateFigure ReturnsRate, Figure Seen, Figure Access,
        Figure Within, Figure Stopped, RateFigure WithinRate, RateFigure OverRate, Figure EndedBeforeStopping,
        Figure DidNotAttend, Figure Contacts, RateFigure DidNotAttendRate,
        IReadOnlyList<Figure> DialogCategories, Figure DialogPairs)
    {
        public static HubFigureSet Register(FigurePack pack, HubFigures figures, int access)
        {
            var flow = figures.Flow;
            var waits = figures.Waiting;
            var referred = pack.Count(Keys.Referred, flow.Referred.Count);
            var returns = pack.Count(flow.Returns.Count);
            // Two-way splits (within and over 28 days, attended or not) print one part and the whole, not
            // both parts as a line: a line of two with one small hides the other and then its total, and
            // the number of contacts is the total of the medium and place tables too.
            var within = pack.Count(waits.WithinStandard.Count);
            var stopped = pack.Count(waits.Stopped.Count);
            var dna = pack.Count(flow.DidNotAttend.Count);
            var contacts = pack.Count(Keys.Contacts, flow.Contacts.Count);
            var dialog = figures.Outcomes[0].ByCategory.Select(t => pack.Count(t.Count)).ToList();
            return new HubFigureSet(
                referred, returns, pack.Rate(returns, referred),
                pack.Count(Keys.Seen, flow.Seen.Count), pack.Count(Keys.Access, access),
                within, stopped, pack.Rate(within, stopped), pack.Rate(waits.OverStandard.Count, waits.Stopped.Count, within, stopped), pack.Count(waits.EndedBeforeStopping.Count),
                dna, contacts, pack.Rate(dna, contacts),
                dialog, pack.Total(dialog, Keys.Pairs(figures.Outcomes[0].Measure)));
        }
    }

    /// <summary>Keys of figures that more than one table prints.</summary>
    private static class Keys
    {
        public const string Referred = "referred";
        public const string Contacts = "contacts";
        public const string Seen = "seen";
        public const string Access = "access";

        public static string Pairs(string measure) => "pairs:" + measure;
    }

    /// <summary>
    /// The total of a breakdown that should add up to a figure printed elsewhere: the same figure
    /// when it does, so it is suppressed once for both; its own figure when it does not (a person
    /// counted in two age bands, say), so nothing is assumed that is not so.
    /// </summary>
    private static Figure TotalOf(FigurePack pack, IReadOnlyList<Figure> cells, IReadOnlyList<int> counts, string key, int shared) =>
        counts.Sum() == shared ? pack.Total(cells, key) : pack.Total(cells);

    /// <summary>A breakdown with its total and each group's share of the total as printed.</summary>
    private static Func<PublishedFigures, ReportTable> Breakdown(FigurePack pack, string title, string groupHeading, string countHeading,
        IReadOnlyList<(string Label, int Count)> groups, (string Key, int Count)? sharedTotal = null, string? note = null)
    {
        var cells = groups.Select(g => pack.Count(g.Count)).ToList();
        var total = sharedTotal is { } shared ? TotalOf(pack, cells, groups.Select(g => g.Count).ToList(), shared.Key, shared.Count) : pack.Total(cells);
        return p =>
        {
            var rows = groups.Select((g, i) => new ReportRow(g.Label, [p[cells[i]], p.Share(cells[i], total)])).ToList();
            rows.Add(new ReportRow("Total", [p[total], p.Share(total, total)], IsTotal: true));
            return new ReportTable(title, groupHeading, [countHeading, "Share"], rows, ChartColumn: 0, Note: note);
        };
    }

    private static Func<PublishedFigures, ReportSection> Referrals(FigurePack pack, FlowFigures flow, HubFigureSet hub)
    {
        var bySource = Breakdown(pack, "Referrals by source", "Source", "Referrals",
            flow.BySource.Select(t => (t.Key == FigureKeys.Key("source", ReferralSource.Self) ? "Self-referral" : t.Label, t.Count)).ToList(),
            (Keys.Referred, flow.Referred.Count));
        return p => new("referrals", "Referrals",
            "Referrals received in the period, by who made them. People can refer themselves: there are no thresholds and no eligibility criteria.",
            [
                bySource(p) with { Id = ReportHeadlines.Ids.ReferralsBySource },
                new ReportTable("Returns", "Measure", ["Count", "Share of referrals"],
                [
                    new ReportRow("Returns within six months", [p[hub.Returns], p[hub.ReturnsRate]]),
                ]),
            ]);
    }

    private static Func<PublishedFigures, ReportSection> PeopleSeen(HubFigureSet hub, FigureFilter filter) => p => new("people", "People seen and access",
        "People are counted once however many contacts they had.",
        [
            new ReportTable("People seen", "Measure", ["People"],
            [
                new ReportRow("People with an attended contact in the period", [p[hub.Seen]]) { Id = ReportHeadlines.Ids.PeopleSeen },
                new ReportRow($"Access: people with 2 or more attended contacts in the 12 months to {filter.To.ToString("d MMMM yyyy", UkTime.Culture)}", [p[hub.Access]]) { Id = ReportHeadlines.Ids.Access },
            ]),
        ]);

    private static Func<PublishedFigures, ReportSection> Waits(HubFigureSet hub, WaitingFigures w)
    {
        // Said in words, never "*": the published rule keeps "*" for a count from 1 to 4.
        var median = w.Stopped.Count == 0 || w.MedianDays is not { } m ? SuppressedValue.Words(ReportHeadlines.NoClocksStopped)
            : w.Stopped.Count <= SmallNumbers.LargestSmallCount ? SuppressedValue.HiddenInWords(ReportHeadlines.TooFewClocksStopped)
            : SmallNumbers.Measure(m, m.ToString("0.#", CultureInfo.InvariantCulture));
        return p => new("waits", "Four-week waits",
            "Clocks that stopped in the period: from the spell's first referral to the day it had an assessment, a baseline outcome measure and an agreed plan or intervention.",
            [
                new ReportTable("Waits that ended in the period", "Measure", ["Value", "Share"],
                [
                    new ReportRow("Clocks stopped", [p[hub.Stopped], SuppressedValue.Blank]) { Id = ReportHeadlines.Ids.ClocksStopped },
                    new ReportRow("Median wait in days", [median, SuppressedValue.Blank]) { Id = ReportHeadlines.Ids.MedianWait },
                    new ReportRow("Within 28 days", [p[hub.Within], p[hub.WithinRate]]) { Id = ReportHeadlines.Ids.WithinStandard },
                    new ReportRow("Over 28 days", [SuppressedValue.Blank, p[hub.OverRate]]),
                    new ReportRow("Spells that ended before the clock stopped", [p[hub.EndedBeforeStopping], SuppressedValue.Blank]),
                ], Note: "The median is shown only when 5 or more clocks stopped."),
            ]);
    }

    private static Func<PublishedFigures, ReportSection> Contacts(FigurePack pack, FlowFigures flow, HubFigureSet hub)
    {
        var byMedium = Breakdown(pack, "Contacts by medium", "Medium", "Contacts", flow.ByMedium.Select(t => (t.Label, t.Count)).ToList(), (Keys.Contacts, flow.Contacts.Count));
        var byPlace = Breakdown(pack, "Contacts by place", "Place", "Contacts", flow.ByPlace.Select(t => (t.Label, t.Count)).ToList(), (Keys.Contacts, flow.Contacts.Count));
        return p => new("contacts", "Contacts",
            "Contacts held in the period, attended or not.",
            [
                byMedium(p),
                byPlace(p),
                new ReportTable("Attendance", "Contact", ["Contacts", "Rate"],
                [
                    new ReportRow("Did not attend", [p[hub.DidNotAttend], p[hub.DidNotAttendRate]]),
                    new ReportRow("All contacts", [p[hub.Contacts], SuppressedValue.Blank], IsTotal: true),
                ], ChartColumn: 0, Note: "The rate of contacts not attended is the did-not-attend rate, calculated from the unrounded counts.") { Id = ReportHeadlines.Ids.Attendance },
            ]);
    }

    /// <summary>Connect and Do's volunteer supporters: four counts in the same pack as every other figure.</summary>
    private static Func<PublishedFigures, ReportSection> Volunteering(VolunteeringPackFigures volunteering) =>
        p => new("volunteering", "Connect and Do volunteers",
            "Volunteer supporters go with someone to a group the first few times, until they feel able to go alone. Nothing here is about anyone known to the hub.",
            [
                new ReportTable("Volunteer supporters", "Measure", ["Count"],
                    volunteering.All.Select((f, i) => new ReportRow(VolunteeringPackFigures.Labels[i], [p[f]])).ToList()),
            ]);

    private static Func<PublishedFigures, ReportSection> Closures(FigurePack pack, FlowFigures flow)
    {
        var byReason = Breakdown(pack, "Spells closed by reason", "Reason", "Spells", flow.ByClosureReason.Select(t => (t.Label, t.Count)).ToList());
        return p => new("closures", "Closures",
            "Spells that ended in the period, by why they ended. Closing is a normal, good outcome; people can come back easily.",
            [byReason(p)]);
    }

    private static Func<PublishedFigures, ReportSection> Outcomes(FigurePack pack, IReadOnlyList<OutcomeFigures> outcomes, HubFigureSet hub)
    {
        var tables = outcomes.Select((o, index) =>
        {
            // DIALOG's categories are registered with the hub's figures, for the equalities tables' rates.
            var cells = index == 0 ? hub.DialogCategories : o.ByCategory.Select(t => pack.Count(t.Count)).ToList();
            var pairs = index == 0 ? hub.DialogPairs : pack.Total(cells, Keys.Pairs(o.Measure));
            var rates = cells.Select(c => pack.Rate(c, pairs)).ToList();
            var note = o.Pairs.Count >= SmallNumbers.LargestSmallCount + 1 && o.MeanChange is { } mean
                ? $"Mean change {mean.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture)} {o.Unit}. A change of {o.ReliableChange.ToString("0.#", CultureInfo.InvariantCulture)} or more is reliable. Rates are calculated from the unrounded counts."
                : $"The mean change is shown only when there are 5 or more paired scores. A change of {o.ReliableChange.ToString("0.#", CultureInfo.InvariantCulture)} or more is reliable. Rates are calculated from the unrounded counts.";
            return (Func<PublishedFigures, ReportTable>)(p =>
            {
                var rows = o.ByCategory.Select((t, i) => new ReportRow(t.Label, [p[cells[i]], p[rates[i]]])).ToList();
                rows.Add(new ReportRow("Total", [p[pairs], SuppressedValue.Blank], IsTotal: true));
                return new ReportTable($"{o.Name}: reliable change", "Change", ["Scores", "Rate"], rows, ChartColumn: 0, Note: note) { Id = ReportHeadlines.Ids.Outcome(o.Measure) };
            });
        }).ToList();
        return p => new("outcomes", "Outcomes",
            "Paired scores: each spell's baseline against its latest follow-up taken in the period, on spells with two or more attended contacts.",
            tables.Select(t => t(p)).ToList());
    }

    private static IEnumerable<Func<PublishedFigures, ReportSection>> Equalities(FigurePack pack, HubFigures figures, IReadOnlyList<PersonTraits> access, FigureFilter filter, HashSet<string> neighbourhoods, HubFigureSet hub)
    {
        foreach (var table in figures.Equity)
        {
            string Group(string group) => table.Dimension != EquityDimension.Neighbourhood || neighbourhoods.Contains(group) ? group : OtherNeighbourhoods;
            var rows = table.Rows.GroupBy(r => Group(r.Group)).Select(g => Merge(g.Key, g.ToList()))
                .OrderBy(r => r.Group == OtherNeighbourhoods).ToList();
            var accessByGroup = access.GroupBy(p => Group(p.GroupOf(table.Dimension, filter.To))).ToDictionary(g => g.Key, g => g.Count());

            Figure[] Cells(Func<EquityRow, int> count) => rows.Select(r => pack.Count(count(r))).ToArray();
            var referred = Cells(r => r.Referred.Count);
            var seen = Cells(r => r.Seen.Count);
            var accessed = Cells(r => accessByGroup.GetValueOrDefault(r.Group));
            var referredTotal = TotalOf(pack, referred, rows.Select(r => r.Referred.Count).ToList(), Keys.Referred, figures.Flow.Referred.Count);
            var seenTotal = TotalOf(pack, seen, rows.Select(r => r.Seen.Count).ToList(), Keys.Seen, figures.Flow.Seen.Count);
            var accessTotal = TotalOf(pack, accessed, rows.Select(r => accessByGroup.GetValueOrDefault(r.Group)).ToList(), Keys.Access, access.Count);

            // A group's rates come from counts no table prints; they are part of the whole hub's figures,
            // which the pack protects as if these rates gave them away.
            var rates = rows.Select(r => new[]
            {
                pack.Rate(r.WithinStandard.Count, r.WithinStandard.Denominator ?? 0, hub.Within, hub.Stopped),
                pack.Rate(r.DidNotAttend.Count, r.DidNotAttend.Denominator ?? 0, hub.DidNotAttend, hub.Contacts),
                pack.Rate(r.DialogImproved.Count, r.DialogImproved.Denominator ?? 0, hub.DialogCategories[0], hub.DialogPairs),
            }).ToList();
            var dialogImprovedRate = pack.Rate(hub.DialogCategories[0], hub.DialogPairs);

            var name = table.Dimension.Describe();
            yield return p =>
            {
                var reportRows = rows.Select((r, i) => new ReportRow(r.Group,
                [
                    p[referred[i]], p.Share(referred[i], referredTotal), p[seen[i]], p[accessed[i]],
                    p[rates[i][0]], p[rates[i][1]], p[rates[i][2]],
                ])).ToList();
                reportRows.Add(new ReportRow("Total",
                [
                    p[referredTotal], p.Share(referredTotal, referredTotal), p[seenTotal], p[accessTotal],
                    p[hub.WithinRate], p[hub.DidNotAttendRate], p[dialogImprovedRate],
                ], IsTotal: true));
                return new ReportSection("equality-" + table.Dimension.ToString().ToLowerInvariant(), $"Equalities: {name.ToLowerInvariant()}",
                    table.Dimension == EquityDimension.AgeBand
                        ? "Every measure for each age band. Age is on the day of the event counted, and at the end of the period for access."
                        : $"Every measure for each {name.ToLowerInvariant()} group, against the group's share of everyone referred.",
                    [
                        new ReportTable($"Measures by {name.ToLowerInvariant()}", name,
                            ["Referrals", "Share of referrals", "People seen", "Access", "Waits within 28 days", "Did not attend", "DIALOG reliably improved"],
                            reportRows, ChartColumn: 0),
                    ]);
            };
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
        new("Volunteer supporters", "Requests for a volunteer to come along to a Connect and Do group made in the period; matches of a request to a vetted volunteer made in the period; outings the volunteer recorded as having happened on a day in the period; and people who went on to go alone: requests the coordinator closed in the period because the person now goes to the group by themselves. A neighbourhood's figures are those of groups in it."),
        new("Small-number suppression", SuppressionRule.Statement),
    ];
}
