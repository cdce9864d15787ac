using System.Globalization;

namespace Hub.Application.Reports.Suppression;

/// <summary>
/// Small-number suppression for every aggregate figure that leaves the hub (see
/// <see cref="SuppressionRule.Statement"/>). Takes true counts, returns what may be published.
/// </summary>
public static class SmallNumbers
{
    /// <summary>Counts from 1 up to this are hidden.</summary>
    public const int LargestSmallCount = 4;

    /// <summary>Every other count is rounded to a multiple of this.</summary>
    public const int RoundingBase = 5;

    /// <summary>
    /// 0 is published as 0 (it reveals no one); 1 to 4 is hidden; anything else is rounded to the
    /// nearest 5. An integer divided by 5 never lands on a half, so the midpoint rule never applies
    /// to counts; it is spelt out so nobody has to wonder.
    /// </summary>
    public static SuppressedValue Count(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (IsSmall(count))
        {
            return SuppressedValue.Hidden(SuppressionReason.Primary);
        }

        var rounded = (int)(Math.Round(count / (decimal)RoundingBase, MidpointRounding.AwayFromZero) * RoundingBase);
        return SuppressedValue.Shown(rounded, rounded.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A percentage from the true (unrounded) counts, to the nearest whole number with halves
    /// rounded up (12.5% is 13%). Whole numbers because the counts beside it are only shown to the
    /// nearest 5: a decimal place would add precision the report deliberately withholds.
    /// Hidden when the numerator, the denominator or the difference between them is 1 to 4: the
    /// percentage and the denominator would give a small numerator back, and 80% of 10 tells the
    /// reader that 2 were not counted. A denominator of 0 gives <see cref="SuppressedValue.NoRateText"/>.
    /// A rate printed beside other figures goes through a <see cref="FigurePack"/>, which also hides it
    /// when a figure it comes from is hidden.
    /// </summary>
    public static SuppressedValue Rate(int numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        if (denominator == 0)
        {
            return SuppressedValue.NoRate;
        }

        if (IsSmall(numerator) || IsSmall(denominator) || IsSmall(denominator - numerator))
        {
            return SuppressedValue.Hidden(SuppressionReason.Primary);
        }

        var percent = Math.Round(100m * numerator / denominator, 0, MidpointRounding.AwayFromZero);
        return SuppressedValue.Shown(percent, percent.ToString("0", CultureInfo.InvariantCulture) + "%");
    }

    /// <summary>
    /// A group's share of its total from the two figures as published: no more precise than they are,
    /// so it cannot narrow a hidden figure. Hidden when either is hidden; 0% for a group of none;
    /// <see cref="SuppressedValue.NoRateText"/> when the total is 0.
    /// </summary>
    public static SuppressedValue ShareOfPublished(SuppressedValue part, SuppressedValue whole)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(whole);
        if (part.Number == 0m)
        {
            return whole.Number == 0m ? SuppressedValue.NoRate : SuppressedValue.Shown(0m, "0%");
        }

        if (part.IsSuppressed || whole.IsSuppressed || part.Number is not { } shown || whole.Number is not { } total)
        {
            return SuppressedValue.Hidden(part.IsSuppressed ? part.Reason : SuppressionReason.Secondary);
        }

        var percent = Math.Round(100m * shown / total, 0, MidpointRounding.AwayFromZero);
        return SuppressedValue.Shown(percent, percent.ToString("0", CultureInfo.InvariantCulture) + "%");
    }

    /// <summary>
    /// A list of groups and their total (the sum of the counts, rounded on its own, so it may differ
    /// from the sum of the rounded cells), suppressed as a pack of one line (see <see cref="PackSuppression"/>).
    /// </summary>
    public static OneWayTable OneWay(IReadOnlyList<(string Label, int Count)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var pack = new FigurePack();
        var figures = cells.Select(c => pack.Count(c.Count)).ToList();
        var total = pack.Total(figures);
        var published = pack.Publish();
        return new OneWayTable(
            cells.Select((c, i) => new SuppressedCell(c.Label, published[figures[i]])).ToList(),
            published[total]);
    }

    /// <summary>
    /// A table of <c>counts[row, column]</c> with row, column and grand totals. Every row and every
    /// column is a line with its total, and so are the margins (the row totals add up to the grand
    /// total, as do the column totals), so a hidden total cannot be recovered either.
    /// </summary>
    public static TwoWayTable TwoWay(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var pack = new FigurePack();
        var cells = new Figure[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[r, c] = pack.Count(counts[r, c]);
            }
        }

        // Lines in the order rows, the column totals' margin, columns, the row totals' margin: where two
        // lines each lack a second hidden figure, the first one met gets it.
        List<Figure> Row(int r) => Enumerable.Range(0, columns).Select(c => cells[r, c]).ToList();
        List<Figure> Column(int c) => Enumerable.Range(0, rows).Select(r => cells[r, c]).ToList();
        var rowTotals = Enumerable.Range(0, rows).Select(r => pack.Count(Enumerable.Range(0, columns).Sum(c => counts[r, c]))).ToList();
        var columnTotals = Enumerable.Range(0, columns).Select(c => pack.Count(Enumerable.Range(0, rows).Sum(r => counts[r, c]))).ToList();
        var grand = pack.Count(counts.Cast<int>().Sum());
        for (var r = 0; r < rows; r++)
        {
            pack.AddsUpTo(Row(r), rowTotals[r]);
        }

        pack.AddsUpTo(columnTotals, grand);
        for (var c = 0; c < columns; c++)
        {
            pack.AddsUpTo(Column(c), columnTotals[c]);
        }

        pack.AddsUpTo(rowTotals, grand);
        var published = pack.Publish();

        return new TwoWayTable(
            Enumerable.Range(0, rows)
                .Select(r => (IReadOnlyList<SuppressedValue>)Enumerable.Range(0, columns).Select(c => published[cells[r, c]]).ToList())
                .ToList(),
            rowTotals.Select(t => published[t]).ToList(),
            columnTotals.Select(t => published[t]).ToList(),
            published[grand]);
    }

    internal static bool IsSmall(int count) => count is >= 1 and <= LargestSmallCount;

    /// <summary>
    /// A figure that is not a count, such as a median wait or a mean change, published as it is.
    /// The caller says in words why it is not shown when too few people are behind it.
    /// </summary>
    public static SuppressedValue Measure(decimal value, string text) => SuppressedValue.Shown(value, text);
}
