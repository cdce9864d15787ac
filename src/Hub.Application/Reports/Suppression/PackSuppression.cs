namespace Hub.Application.Reports.Suppression;

/// <summary>
/// Suppression of a whole pack against a reader who knows the rule and reads every figure in it.
/// </summary>
/// <remarks>
/// <para>
/// Three steps, repeated until nothing changes; each only ever hides more, so the loop ends:
/// </para>
/// <list type="number">
/// <item><b>Primary.</b> Counts from 1 to 4 are hidden.</item>
/// <item><b>Subtraction.</b> No line (cells and the total they add up to) keeps exactly one hidden
/// figure: the smallest non-zero cell still shown goes too, or the total when every other cell is 0.
/// This is the usual secondary suppression.</item>
/// <item><b>Narrowing.</b> Two hidden figures are not always enough: a reader who knows that a shown
/// 5 means 5 to 7 and a * means 1 to 4 can add up a line such as [1, 5, 1] published as *, 5, *,
/// total 5 and find both hidden cells are 1. So the pack is read as the reader would read it: every
/// figure as the range of true values the rule allows (0 exactly, * from 1 to 4 when hidden for being
/// small and 5 or more when hidden to protect another, a rounded count within 2 of itself and never
/// below 5), every figure that a rate may give away exactly (its numerator and denominator, see
/// <see cref="FigurePack.Rate(Figure, Figure)"/>) as that exact value, then the ranges are narrowed
/// line by line through every line of the pack until they settle. A hidden figure whose range has
/// shrunk to one value is protected by hiding the smallest non-zero shown cell of a line it is in,
/// or that line's total.</item>
/// </list>
/// <para>
/// Rates are calculated from unrounded counts. One is hidden when its numerator, its denominator or
/// the difference between them is from 1 to 4 (80% of 10 gives away the 2 who were not), or when a
/// figure it was calculated from is hidden. A rate that stays shown is what makes its figures exact
/// in step 3, so the protection accounts for it.
/// </para>
/// <para>
/// Narrowing ranges line by line is what a reader can do with a pencil; it can miss a combination
/// that only a search over whole tables finds. The exact solver in the unit tests is that search.
/// </para>
/// </remarks>
internal static class PackSuppression
{
    /// <summary>Indexes into the pack's counts: the cells of a line and the total they add up to.</summary>
    internal sealed record Line(int[] Cells, int Total);

    /// <summary>A rate and the figures it is calculated from or part of.</summary>
    internal sealed record Rate(int Numerator, int Denominator, int[] Linked)
    {
        public bool IsSmall => SmallNumbers.IsSmall(Numerator) || SmallNumbers.IsSmall(Denominator) || SmallNumbers.IsSmall(Math.Max(0, Denominator - Numerator));
    }

    private const long Unbounded = long.MaxValue / 4;

    internal static (SuppressionReason[] Counts, SuppressedValue[] Rates) Apply(IReadOnlyList<int> counts, IReadOnlyList<Line> lines, IReadOnlyList<Rate> rates)
    {
        var reasons = new SuppressionReason[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            reasons[i] = SmallNumbers.IsSmall(counts[i]) ? SuppressionReason.Primary : SuppressionReason.None;
        }

        var linesOf = LinesOfEachFigure(counts.Count, lines);
        while (true)
        {
            if (HideOneBesideALoneHiddenFigure(counts, lines, reasons))
            {
                continue;
            }

            var pinned = FindNarrowedToOneValue(counts, lines, Exact(counts.Count, rates, reasons), reasons);
            if (pinned < 0 || !HideOneToProtect(pinned, counts, lines, linesOf, reasons))
            {
                break;
            }
        }

        var published = rates.Select(r =>
            r.Denominator == 0 ? SuppressedValue.NoRate
            : r.IsSmall ? SuppressedValue.Hidden(SuppressionReason.Primary)
            : r.Linked.Any(i => reasons[i] != SuppressionReason.None) ? SuppressedValue.Hidden(SuppressionReason.Secondary)
            : SmallNumbers.Rate(r.Numerator, r.Denominator)).ToArray();
        return (reasons, published);
    }

    /// <summary>
    /// Step 2, in passes over every line until a pass changes nothing: a line with exactly one hidden
    /// figure gets another. False when the first pass changed nothing.
    /// </summary>
    private static bool HideOneBesideALoneHiddenFigure(IReadOnlyList<int> counts, IReadOnlyList<Line> lines, SuppressionReason[] reasons)
    {
        var any = false;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                var hidden = reasons[line.Total] != SuppressionReason.None ? 1 : 0;
                foreach (var cell in line.Cells)
                {
                    hidden += reasons[cell] != SuppressionReason.None ? 1 : 0;
                }

                if (hidden != 1)
                {
                    continue;
                }

                // A hidden figure is never 0, so a line with one has a non-zero figure shown besides it.
                reasons[SmallestShownCell(line, counts, reasons) ?? line.Total] = SuppressionReason.Secondary;
                changed = any = true;
            }
        }

        return any;
    }

    /// <summary>Figures a shown rate may give away exactly: those of every rate not itself hidden.</summary>
    private static bool[] Exact(int figures, IReadOnlyList<Rate> rates, SuppressionReason[] reasons)
    {
        var exact = new bool[figures];
        foreach (var rate in rates)
        {
            if (rate.Denominator == 0 || rate.IsSmall || rate.Linked.Any(i => reasons[i] != SuppressionReason.None))
            {
                continue;
            }

            foreach (var i in rate.Linked)
            {
                exact[i] = true;
            }
        }

        return exact;
    }

    /// <summary>Step 3: the first hidden figure a reader can narrow to one value, or -1.</summary>
    private static int FindNarrowedToOneValue(IReadOnlyList<int> counts, IReadOnlyList<Line> lines, bool[] exact, SuppressionReason[] reasons)
    {
        var low = new long[counts.Count];
        var high = new long[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            (low[i], high[i]) = reasons[i] switch
            {
                SuppressionReason.Primary => (1L, (long)SmallNumbers.LargestSmallCount),
                SuppressionReason.Secondary => ((long)SmallNumbers.LargestSmallCount + 1, Unbounded),
                _ when counts[i] == 0 || exact[i] => (counts[i], counts[i]),
                _ => RoundedRange(counts[i]),
            };
        }

        // Each pass can only tighten a range; ranges are integers bounded below by 0, so this settles.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                changed |= Narrow(line, low, high);
            }
        }

        for (var i = 0; i < counts.Count; i++)
        {
            if (reasons[i] != SuppressionReason.None && low[i] >= high[i])
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The true counts a shown count can stand for: within 2 of the printed multiple of 5, and never 1 to 4.</summary>
    private static (long Low, long High) RoundedRange(int count)
    {
        var printed = (long)SmallNumbers.Count(count).Number!.Value;
        return (Math.Max(SmallNumbers.LargestSmallCount + 1, printed - 2), printed + 2);
    }

    private static bool Narrow(Line line, long[] low, long[] high)
    {
        long sumLow = 0, sumHigh = 0;
        foreach (var cell in line.Cells)
        {
            sumLow = Add(sumLow, low[cell]);
            sumHigh = Add(sumHigh, high[cell]);
        }

        var changed = Tighten(line.Total, sumLow, sumHigh, low, high);
        foreach (var cell in line.Cells)
        {
            // The cell is the total less the others: the others' bounds are the line's less this cell's.
            var othersLow = sumLow - low[cell];
            var othersHigh = sumHigh >= Unbounded || high[cell] >= Unbounded ? OthersHigh(line, cell, high) : sumHigh - high[cell];
            var cellLow = othersHigh >= Unbounded ? 0 : low[line.Total] - othersHigh;
            var cellHigh = high[line.Total] >= Unbounded ? Unbounded : high[line.Total] - othersLow;
            changed |= Tighten(cell, cellLow, cellHigh, low, high);
        }

        return changed;
    }

    private static long OthersHigh(Line line, int except, long[] high)
    {
        long sum = 0;
        foreach (var cell in line.Cells)
        {
            if (cell != except)
            {
                sum = Add(sum, high[cell]);
            }
        }

        return sum;
    }

    private static bool Tighten(int figure, long newLow, long newHigh, long[] low, long[] high)
    {
        var changed = false;
        if (newLow > low[figure])
        {
            low[figure] = newLow;
            changed = true;
        }

        if (newHigh < high[figure])
        {
            high[figure] = newHigh;
            changed = true;
        }

        return changed;
    }

    private static long Add(long a, long b) => a >= Unbounded || b >= Unbounded ? Unbounded : a + b;

    /// <summary>
    /// Hides one more figure for a figure narrowed to one value: the smallest non-zero shown cell of
    /// a line it is in, or that line's total, searching outwards through lines that share figures.
    /// False when everything it is tied to is hidden already.
    /// </summary>
    private static bool HideOneToProtect(int pinned, IReadOnlyList<int> counts, IReadOnlyList<Line> lines, List<int>[] linesOf, SuppressionReason[] reasons)
    {
        var seenLines = new HashSet<int>();
        var seenFigures = new HashSet<int> { pinned };
        var queue = new Queue<int>([pinned]);
        while (queue.Count > 0)
        {
            var figure = queue.Dequeue();
            foreach (var l in linesOf[figure])
            {
                if (!seenLines.Add(l))
                {
                    continue;
                }

                var line = lines[l];
                var next = SmallestShownCell(line, counts, reasons)
                    ?? (reasons[line.Total] == SuppressionReason.None && counts[line.Total] > 0 ? line.Total : (int?)null);
                if (next is { } hide)
                {
                    reasons[hide] = SuppressionReason.Secondary;
                    return true;
                }

                foreach (var other in line.Cells.Append(line.Total))
                {
                    if (seenFigures.Add(other))
                    {
                        queue.Enqueue(other);
                    }
                }
            }
        }

        return false;
    }

    private static int? SmallestShownCell(Line line, IReadOnlyList<int> counts, SuppressionReason[] reasons)
    {
        int? smallest = null;
        foreach (var cell in line.Cells)
        {
            // Strictly smaller, so ties go to the first in the line.
            if (reasons[cell] == SuppressionReason.None && counts[cell] > 0 && (smallest is null || counts[cell] < counts[smallest.Value]))
            {
                smallest = cell;
            }
        }

        return smallest;
    }

    private static List<int>[] LinesOfEachFigure(int figures, IReadOnlyList<Line> lines)
    {
        var linesOf = Enumerable.Range(0, figures).Select(_ => new List<int>()).ToArray();
        for (var l = 0; l < lines.Count; l++)
        {
            foreach (var figure in lines[l].Cells.Append(lines[l].Total))
            {
                linesOf[figure].Add(l);
            }
        }

        return linesOf;
    }
}
