using System.Globalization;
using static Hub.Application.Reports.Suppression.SecondarySuppression;

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
    /// Hidden when the denominator is 1 to 4, and also when the numerator is 1 to 4, because the
    /// percentage times the published denominator would give the numerator back.
    /// A denominator of 0 gives <see cref="SuppressedValue.NoRateText"/>.
    /// </summary>
    public static SuppressedValue Rate(int numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        if (denominator == 0)
        {
            return SuppressedValue.NoRate;
        }

        if (IsSmall(numerator) || IsSmall(denominator))
        {
            return SuppressedValue.Hidden(SuppressionReason.Primary);
        }

        var percent = Math.Round(100m * numerator / denominator, 0, MidpointRounding.AwayFromZero);
        return SuppressedValue.Shown(percent, percent.ToString("0", CultureInfo.InvariantCulture) + "%");
    }

    /// <summary>
    /// As <see cref="Rate(int, int)"/>, for a rate whose numerator or denominator is also published as a
    /// cell of a table: when that cell was hidden to protect another (secondary suppression), the rate
    /// is hidden too, or rate × denominator would undo it.
    /// </summary>
    public static SuppressedValue Rate(int numerator, int denominator, SuppressedValue numeratorAsPublished, SuppressedValue denominatorAsPublished)
    {
        ArgumentNullException.ThrowIfNull(numeratorAsPublished);
        ArgumentNullException.ThrowIfNull(denominatorAsPublished);
        var rate = Rate(numerator, denominator);
        return !rate.IsSuppressed && (numeratorAsPublished.IsSuppressed || denominatorAsPublished.IsSuppressed)
            ? SuppressedValue.Hidden(SuppressionReason.Secondary)
            : rate;
    }

    /// <summary>
    /// A list of groups and their total (the sum of the counts, rounded on its own, so it may differ
    /// from the sum of the rounded cells). Secondary suppression as described on
    /// <see cref="SecondarySuppression"/>: one line, the groups adding up to the total.
    /// </summary>
    public static OneWayTable OneWay(IReadOnlyList<(string Label, int Count)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var figures = cells.Select(c => NotNegative(c.Count)).ToList();
        var total = figures.Sum(); // checked: Sum throws on overflow
        var totalIndex = figures.Count;
        figures.Add(total);

        var reasons = Apply(figures, [new Line(Enumerable.Range(0, cells.Count).ToList(), totalIndex)]);

        return new OneWayTable(
            cells.Select((c, i) => new SuppressedCell(c.Label, Publish(figures[i], reasons[i]))).ToList(),
            Publish(total, reasons[totalIndex]));
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

        // One grid of figures: the table, then a column of row totals, a row of column totals and the
        // grand total in the corner, so rows and margins are all handled alike.
        var width = columns + 1;
        int At(int row, int column) => (row * width) + column;
        var figures = new int[(rows + 1) * width];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var count = NotNegative(counts[r, c]);
                figures[At(r, c)] = count;
                figures[At(r, columns)] = checked(figures[At(r, columns)] + count);
                figures[At(rows, c)] = checked(figures[At(rows, c)] + count);
                figures[At(rows, columns)] = checked(figures[At(rows, columns)] + count);
            }
        }

        var lines = new List<Line>();
        for (var r = 0; r <= rows; r++)
        {
            lines.Add(new Line(Enumerable.Range(0, columns).Select(c => At(r, c)).ToList(), At(r, columns)));
        }

        for (var c = 0; c <= columns; c++)
        {
            lines.Add(new Line(Enumerable.Range(0, rows).Select(r => At(r, c)).ToList(), At(rows, c)));
        }

        var reasons = Apply(figures, lines);
        SuppressedValue Published(int row, int column) => Publish(figures[At(row, column)], reasons[At(row, column)]);

        return new TwoWayTable(
            Enumerable.Range(0, rows)
                .Select(r => (IReadOnlyList<SuppressedValue>)Enumerable.Range(0, columns).Select(c => Published(r, c)).ToList())
                .ToList(),
            Enumerable.Range(0, rows).Select(r => Published(r, columns)).ToList(),
            Enumerable.Range(0, columns).Select(c => Published(rows, c)).ToList(),
            Published(rows, columns));
    }

    internal static bool IsSmall(int count) => count is >= 1 and <= LargestSmallCount;

    private static SuppressedValue Publish(int count, SuppressionReason reason) =>
        reason == SuppressionReason.None ? Count(count) : SuppressedValue.Hidden(reason);

    private static int NotNegative(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count;
    }

    /// <summary>
    /// A figure that is not a count, such as a median wait or a mean change, published as it is.
    /// The caller hides it (<see cref="Hidden"/>) when too few people are behind it.
    /// </summary>
    public static SuppressedValue Measure(decimal value, string text) => SuppressedValue.Shown(value, text);

    /// <summary>A figure held back because too few people are behind it.</summary>
    public static SuppressedValue Hidden() => SuppressedValue.Hidden(SuppressionReason.Primary);
}
