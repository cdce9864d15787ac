namespace Hub.Application.Reports.Suppression;

/// <summary>A count registered in a <see cref="FigurePack"/>.</summary>
public readonly record struct Figure(int Index);

/// <summary>A rate registered in a <see cref="FigurePack"/>.</summary>
public readonly record struct RateFigure(int Index);

/// <summary>
/// Every figure a published pack holds, and how they hang together, suppressed as one: a report is
/// read whole, so a figure is protected against everything printed beside it, not only its own table.
/// </summary>
/// <remarks>
/// Register the true counts first (<see cref="Count(int)"/>, a keyed count for a figure that several
/// tables print, <see cref="Total"/> for cells that add up to a total), then the rates, then call
/// <see cref="Publish"/> once. The rule is <see cref="SuppressionRule.Statement"/>; how it is applied
/// is described on <see cref="PackSuppression"/>.
/// </remarks>
public sealed class FigurePack
{
    private readonly List<int> _counts = [];
    private readonly Dictionary<string, Figure> _keyed = new(StringComparer.Ordinal);
    private readonly List<PackSuppression.Line> _lines = [];
    private readonly List<PackSuppression.Rate> _rates = [];

    /// <summary>A count printed once.</summary>
    public Figure Count(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _counts.Add(count);
        return new Figure(_counts.Count - 1);
    }

    /// <summary>
    /// A count that several tables print (all referrals, say): one figure, so it is published the
    /// same everywhere and hidden everywhere if it must be hidden anywhere.
    /// </summary>
    public Figure Count(string key, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (_keyed.TryGetValue(key, out var existing))
        {
            return _counts[existing.Index] == count
                ? existing
                : throw new InvalidOperationException($"The figure '{key}' was registered with two different counts.");
        }

        var figure = Count(count);
        _keyed[key] = figure;
        return figure;
    }

    /// <summary>
    /// The total of <paramref name="cells"/>, which a reader can check by adding them up: a line,
    /// protected against subtraction. Keyed when other tables print the same total.
    /// </summary>
    public Figure Total(IReadOnlyList<Figure> cells, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var indexes = cells.Select(Own).ToArray();
        var sum = 0;
        foreach (var index in indexes)
        {
            sum = checked(sum + _counts[index]);
        }

        var total = key is null ? Count(sum) : Count(key, sum);
        _lines.Add(new PackSuppression.Line(indexes, total.Index));
        return total;
    }

    /// <summary>
    /// Says that <paramref name="cells"/> add up to <paramref name="total"/>, a figure already in the
    /// pack (the margins of a two-way table, say): another line a reader can check by adding up.
    /// </summary>
    public void AddsUpTo(IReadOnlyList<Figure> cells, Figure total)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var indexes = cells.Select(Own).ToArray();
        var sum = 0;
        foreach (var index in indexes)
        {
            sum = checked(sum + _counts[index]);
        }

        if (sum != _counts[Own(total)])
        {
            throw new InvalidOperationException("The cells do not add up to the total.");
        }

        _lines.Add(new PackSuppression.Line(indexes, total.Index));
    }

    /// <summary>
    /// A rate between two figures of the pack, calculated from their unrounded counts (the share of
    /// contacts not attended, say). Assumed to give both counts away exactly, so the lines they sit
    /// in are protected as if their exact values were printed.
    /// </summary>
    public RateFigure Rate(Figure numerator, Figure denominator) =>
        AddRate(_counts[Own(numerator)], _counts[Own(denominator)], [numerator.Index, denominator.Index]);

    /// <summary>
    /// A rate of counts that are not printed as figures (a group's own did-not-attend rate, say).
    /// <paramref name="partOf"/> names printed figures the counts are part of, so the pack protects
    /// them as if the rate gave them away exactly, and hides the rate when one of them is hidden.
    /// </summary>
    public RateFigure Rate(int numerator, int denominator, params Figure[] partOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        return AddRate(numerator, denominator, partOf.Select(Own).ToArray());
    }

    private RateFigure AddRate(int numerator, int denominator, int[] linked)
    {
        _rates.Add(new PackSuppression.Rate(numerator, denominator, linked));
        return new RateFigure(_rates.Count - 1);
    }

    /// <summary>Suppresses the whole pack and returns what may be printed.</summary>
    public PublishedFigures Publish()
    {
        var (reasons, rates) = PackSuppression.Apply(_counts, _lines, _rates);
        return new PublishedFigures(
            _counts.Select((count, i) => reasons[i] == SuppressionReason.None ? SmallNumbers.Count(count) : SuppressedValue.Hidden(reasons[i])).ToArray(),
            rates);
    }

    private int Own(Figure figure) =>
        figure.Index >= 0 && figure.Index < _counts.Count ? figure.Index : throw new ArgumentOutOfRangeException(nameof(figure), "The figure belongs to another pack.");
}

/// <summary>What a <see cref="FigurePack"/> may print: every count and rate, already suppressed.</summary>
public sealed class PublishedFigures
{
    private readonly SuppressedValue[] _counts;
    private readonly SuppressedValue[] _rates;

    internal PublishedFigures(SuppressedValue[] counts, SuppressedValue[] rates)
    {
        _counts = counts;
        _rates = rates;
    }

    public SuppressedValue this[Figure figure] => _counts[figure.Index];

    public SuppressedValue this[RateFigure rate] => _rates[rate.Index];

    /// <summary>
    /// A group's share of its total, worked out from the two figures as printed (so it tells a reader
    /// nothing the counts do not): hidden when either is hidden; 0% for a group of none.
    /// </summary>
    public SuppressedValue Share(Figure part, Figure whole) => SmallNumbers.ShareOfPublished(this[part], this[whole]);
}
