using System.Globalization;
using Hub.Domain.Contacts;
using Hub.Domain.Outcomes;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;

namespace Hub.Application.Figures;

/// <summary>One number of a figure, with the key the drill-down lists people by, and a denominator when it is a rate.</summary>
public sealed record Tally(string Key, string Label, int Count, int? Denominator = null)
{
    /// <summary>The rate as a percentage, or null when there is no denominator or it is 0.</summary>
    public decimal? Percent => Denominator is > 0 ? Math.Round(100m * Count / Denominator.Value, 1) : null;
}

/// <summary>The four-week clock: who is waiting now, and how the waits that finished in the period went.</summary>
public sealed record WaitingFigures(Tally WaitingNow, Tally AtRisk, Tally Breached, Tally Stopped, Tally WithinStandard, Tally OverStandard, Tally EndedBeforeStopping, decimal? MedianDays);

/// <param name="Seen">People (not contacts) with at least one attended contact in the period.</param>
public sealed record FlowFigures(
    Tally Referred,
    Tally Seen,
    IReadOnlyList<Tally> ByWeek,
    IReadOnlyList<Tally> BySource,
    Tally Returns,
    Tally Contacts,
    IReadOnlyList<Tally> ByMedium,
    IReadOnlyList<Tally> ByPlace,
    Tally DidNotAttend,
    Tally Closed,
    IReadOnlyList<Tally> ByClosureReason);

/// <summary>Paired scores of one measure: how many, the mean change, and reliably improved, unchanged and deteriorated.</summary>
public sealed record OutcomeFigures(string Measure, string Name, string Unit, decimal ReliableChange, Tally Pairs, decimal? MeanChange, IReadOnlyList<Tally> ByCategory);

/// <summary>One group of an equity breakdown: each figure for the people in it, against their share of everyone referred.</summary>
public sealed record EquityRow(string Group, Tally Referred, Tally Seen, Tally WaitingNow, Tally Breached, Tally WithinStandard, Tally DidNotAttend, Tally Closed, Tally Returns, Tally DialogImproved);

public sealed record EquityTable(EquityDimension Dimension, IReadOnlyList<EquityRow> Rows);

/// <summary>
/// Every figure of the team leader dashboard and the commissioner report for one filter, computed
/// from the facts by pure code (no database), so both show the same numbers by the same definitions.
/// </summary>
public sealed record HubFigures(FigureFilter Filter, WaitingFigures Waiting, FlowFigures Flow, IReadOnlyList<OutcomeFigures> Outcomes, IReadOnlyList<EquityTable> Equity)
{
    /// <summary>Connect and Do's volunteering counts (no drill-down: nobody behind them is known to the hub).</summary>
    public VolunteeringFacts Volunteering { get; init; } = VolunteeringFacts.NotCounted;

    public static HubFigures From(HubFacts facts)
    {
        var tally = new FigureTally(facts);
        return new HubFigures(facts.Filter, WaitingOf(facts, tally), FlowOf(facts, tally), OutcomesOf(facts, tally),
            EquityGroups.All.Select(d => EquityOf(tally, d)).ToList()) { Volunteering = facts.Volunteering };
    }

    /// <summary>Every number the figures show, with the section it belongs to: the drill-down finds its heading here.</summary>
    public IEnumerable<(string Section, Tally Tally)> Tallies()
    {
        var w = Waiting;
        foreach (var t in new[] { w.WaitingNow, w.AtRisk, w.Breached, w.Stopped, w.WithinStandard, w.OverStandard, w.EndedBeforeStopping })
        {
            yield return ("Four-week clock", t);
        }
        var f = Flow;
        foreach (var t in new[] { f.Referred, f.Seen, f.Returns, f.Contacts, f.DidNotAttend, f.Closed }.Concat(f.ByWeek).Concat(f.BySource).Concat(f.ByMedium).Concat(f.ByPlace).Concat(f.ByClosureReason))
        {
            yield return ("Flow", t);
        }
        foreach (var o in Outcomes)
        {
            foreach (var t in o.ByCategory.Prepend(o.Pairs))
            {
                yield return (o.Name, t);
            }
        }
        foreach (var table in Equity)
        {
            foreach (var row in table.Rows)
            {
                foreach (var t in new[] { row.Referred, row.Seen, row.WaitingNow, row.Breached, row.WithinStandard, row.DidNotAttend, row.Closed, row.Returns, row.DialogImproved })
                {
                    yield return ($"{table.Dimension.Describe()}: {row.Group}", t);
                }
            }
        }
    }

    private static Tally T(FigureTally tally, string key, string label, string? slice = null, int? denominator = null) =>
        new(slice is null ? key : key + slice, label, tally.Count(slice is null ? key : key + slice), denominator);

    private static WaitingFigures WaitingOf(HubFacts facts, FigureTally tally)
    {
        var waiting = T(tally, FigureKeys.Key("waiting", FigureKeys.All), "Waiting now");
        var stopped = T(tally, FigureKeys.Key("wait", "stopped"), "Clocks stopped");
        var days = facts.Waits.Where(w => w.Stopped).Select(FigureKeys.DaysWaited).Order().ToList();
        return new WaitingFigures(
            waiting,
            T(tally, FigureKeys.Key("waiting", "at-risk"), "Day 21 to 28", denominator: waiting.Count),
            T(tally, FigureKeys.Key("waiting", "breached"), "Past 28 days", denominator: waiting.Count),
            stopped,
            T(tally, FigureKeys.Key("wait", "within"), "Within 28 days", denominator: stopped.Count),
            T(tally, FigureKeys.Key("wait", "over"), "Over 28 days", denominator: stopped.Count),
            T(tally, FigureKeys.Key("wait", "ended"), "Spell ended before the clock stopped"),
            Median(days));
    }

    /// <summary>The middle value, or the mean of the two middle values; null for none.</summary>
    public static decimal? Median(IReadOnlyList<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2m;

    private static FlowFigures FlowOf(HubFacts facts, FigureTally tally)
    {
        var referred = T(tally, FigureKeys.Key("referred", FigureKeys.All), "Referrals received");
        var contacts = T(tally, FigureKeys.Key("contact", FigureKeys.All), "Contacts");
        var closed = T(tally, FigureKeys.Key("closed", FigureKeys.All), "Spells closed");
        return new FlowFigures(
            referred,
            new Tally(FigureKeys.Key("attended", FigureKeys.All), "People seen", tally.People(FigureKeys.Key("attended", FigureKeys.All))),
            Weeks(facts.Filter).Select(w => T(tally, FigureKeys.Key("week", w.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                w.ToString("d MMM", CultureInfo.GetCultureInfo("en-GB")))).ToList(),
            Enum.GetValues<ReferralSource>().Select(s => T(tally, FigureKeys.Key("source", s), s.Describe(), denominator: referred.Count)).ToList(),
            T(tally, FigureKeys.Key("return", FigureKeys.All), "Returns within six months", denominator: referred.Count),
            contacts,
            Enum.GetValues<ContactMedium>().Select(m => T(tally, FigureKeys.Key("medium", m), m.Describe(), denominator: contacts.Count)).ToList(),
            Enum.GetValues<ContactPlace>().Select(p => T(tally, FigureKeys.Key("place", p), p.Describe(), denominator: contacts.Count)).ToList(),
            T(tally, FigureKeys.Key("dna", FigureKeys.All), "Did not attend", denominator: contacts.Count),
            closed,
            Enum.GetValues<SpellClosureReason>().Select(r => T(tally, FigureKeys.Key("closure", r), r.Describe(), denominator: closed.Count))
                .Append(T(tally, FigureKeys.Key("closure", FigureKeys.NoReason), "Ended at triage", denominator: closed.Count)).ToList());
    }

    /// <summary>The Monday of every week the period touches, oldest first.</summary>
    public static IEnumerable<DateOnly> Weeks(FigureFilter filter)
    {
        var first = filter.From.AddDays(-(((int)filter.From.DayOfWeek + 6) % 7));
        for (var monday = first; monday <= filter.To; monday = monday.AddDays(7))
        {
            yield return monday;
        }
    }

    private static IReadOnlyList<OutcomeFigures> OutcomesOf(HubFacts facts, FigureTally tally) =>
    [
        Outcome(facts, tally, "dialog", "DIALOG quality of life", "points on a 1 to 7 scale", 1m),
        Outcome(facts, tally, "gbo", "Goal-based outcomes (mean of each person's goals)", "points on a 0 to 10 scale", 3m),
    ];

    private static OutcomeFigures Outcome(HubFacts facts, FigureTally tally, string measure, string name, string unit, decimal reliableChange)
    {
        var pairs = T(tally, FigureKeys.Key(measure, FigureKeys.All), "Paired scores");
        var changes = facts.Outcomes.Where(o => FigureKeys.OutcomeMeasure(o) == measure).Select(o => o.Change).ToList();
        return new OutcomeFigures(measure, name, unit, reliableChange, pairs,
            changes.Count == 0 ? null : Math.Round(changes.Average(), 2),
            Enum.GetValues<ChangeCategory>().Select(c => T(tally, FigureKeys.Key(measure, c), c.Describe(), denominator: pairs.Count)).ToList());
    }

    private static EquityTable EquityOf(FigureTally tally, EquityDimension dimension)
    {
        var referredAll = tally.Count(FigureKeys.Key("referred", FigureKeys.All));
        var groups = EquityGroups.KnownGroups(dimension)
            .Concat(tally.GroupsSeen(dimension).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var rows = groups.Select(group =>
        {
            var slice = "|" + dimension + "=" + group;
            int C(string key) => tally.Count(key + slice);
            var waiting = C(FigureKeys.Key("waiting", FigureKeys.All));
            return new EquityRow(group,
                T(tally, FigureKeys.Key("referred", FigureKeys.All), "Referred", slice, referredAll),
                new Tally(FigureKeys.Key("attended", FigureKeys.All) + slice, "People seen", tally.People(FigureKeys.Key("attended", FigureKeys.All) + slice)),
                T(tally, FigureKeys.Key("waiting", FigureKeys.All), "Waiting now", slice),
                T(tally, FigureKeys.Key("waiting", "breached"), "Past 28 days", slice, waiting),
                T(tally, FigureKeys.Key("wait", "within"), "Within 28 days", slice, C(FigureKeys.Key("wait", "stopped"))),
                T(tally, FigureKeys.Key("dna", FigureKeys.All), "Did not attend", slice, C(FigureKeys.Key("contact", FigureKeys.All))),
                T(tally, FigureKeys.Key("closed", FigureKeys.All), "Closed", slice),
                T(tally, FigureKeys.Key("return", FigureKeys.All), "Returns", slice, C(FigureKeys.Key("referred", FigureKeys.All))),
                T(tally, FigureKeys.Key("dialog", ChangeCategory.ReliablyImproved), "DIALOG reliably improved", slice, C(FigureKeys.Key("dialog", FigureKeys.All))));
        })
        // Groups nobody in the period belongs to add nothing but noise; the fixed ones stay for a stable table.
        .Where(r => EquityGroups.KnownGroups(dimension).Contains(r.Group) || r.Referred.Count + r.WaitingNow.Count + r.Closed.Count + r.DidNotAttend.Denominator > 0)
        .ToList();
        return new EquityTable(dimension, rows);
    }
}
