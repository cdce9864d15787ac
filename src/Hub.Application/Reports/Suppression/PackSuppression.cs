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
/// 5 means 5 to 7 can add up a line such as [1, 5, 1] published as *, 5, *, total 5 and find both
/// hidden cells are 1. So the pack is read as the reader would read it, from what is printed alone:
/// a hidden figure as anything from 1 up, a rounded count as the values within 2 of it (never 1 to
/// 4), 0 as 0, and what the choice of hidden cells tells (a cell hidden to protect another was the
/// smallest shown in its line). The ranges are narrowed through every line of the pack until they
/// settle. Where a hidden figure is left with a single value, every non-zero figure of its lines is
/// hidden, total included. The whole line goes, not one more figure: hiding only the total or one
/// cell would leave the reader knowing that the printed figures pinned something, which is what
/// gave the cell away; with the whole line hidden, all they learn is that its hidden cells were small.</item>
/// </list>
/// <para>
/// Rates are calculated from unrounded counts, which can give their numerator and denominator away
/// exactly and so undo the rounding that protects the figures beside them. A rate is printed only
/// when nothing tied to it is hidden: no figure it comes from, and no figure of any line reachable
/// from those through shared figures (a total printed by several tables ties them all together). It
/// is also hidden when its numerator, its denominator or the difference between them is from 1 to 4
/// (80% of 10 gives away the 2 who were not).
/// </para>
/// <para>
/// The narrowing is what a reader can do with a pencil; the exact solver in the unit tests searches
/// whole packs, printing every candidate with this code, and finds no hidden count with one value.
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

    /// <summary>
    /// A hidden figure left with fewer than three possible values counts as narrowed: protecting only
    /// those left with one would tell a reader, by the protection itself, that a line was pinned.
    /// With a value to spare, all the protection tells them is that a figure had two.
    /// </summary>
    private const long TwoValuesToSpare = 2;

    internal static (SuppressionReason[] Counts, SuppressedValue[] Rates) Apply(IReadOnlyList<int> counts, IReadOnlyList<Line> lines, IReadOnlyList<Rate> rates)
    {
        var reasons = new SuppressionReason[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            reasons[i] = SmallNumbers.IsSmall(counts[i]) ? SuppressionReason.Primary : SuppressionReason.None;
        }

        var linesOf = LinesOfEachFigure(counts.Count, lines);
        var order = new List<Order>();
        while (true)
        {
            if (HideOneBesideALoneHiddenFigure(counts, lines, reasons, order))
            {
                continue;
            }

            var pinned = FindNarrowedFigure(counts, lines, reasons, order);
            if (pinned < 0 || !HideLinesOf(pinned, counts, lines, linesOf, reasons))
            {
                break;
            }
        }

        var tied = TiedToAHiddenFigure(counts.Count, lines, linesOf, reasons);
        var published = rates.Select(r =>
            r.Denominator == 0 ? SuppressedValue.NoRate
            : r.IsSmall ? SuppressedValue.Hidden(SuppressionReason.Primary)
            : r.Linked.Any(i => tied[i]) ? SuppressedValue.Hidden(SuppressionReason.Secondary)
            : SmallNumbers.Rate(r.Numerator, r.Denominator)).ToArray();
        return (reasons, published);
    }

    /// <summary>
    /// Step 2, in passes over every line until a pass changes nothing: a line with exactly one hidden
    /// figure gets another. False when the first pass changed nothing.
    /// </summary>
    private static bool HideOneBesideALoneHiddenFigure(IReadOnlyList<int> counts, IReadOnlyList<Line> lines, SuppressionReason[] reasons, List<Order> order)
    {
        var any = false;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                var hidden = reasons[line.Total] != SuppressionReason.None ? 1 : 0;
                var cellsShown = 0;
                foreach (var cell in line.Cells)
                {
                    hidden += reasons[cell] != SuppressionReason.None ? 1 : 0;
                    cellsShown += reasons[cell] == SuppressionReason.None && counts[cell] > 0 ? 1 : 0;
                }

                // A total of nothing but hidden cells says how small they are, and at the top of its range can
                // pin them all at 4 ([4, 4] printed *, *, total 10): it goes too. Decided on the hidden cells
                // alone, which stay hidden, so the choice tells a reader nothing they cannot see.
                if (cellsShown == 0 && hidden > 0 && reasons[line.Total] == SuppressionReason.None && counts[line.Total] > 0)
                {
                    reasons[line.Total] = SuppressionReason.Secondary;
                    changed = any = true;
                    continue;
                }

                if (hidden != 1)
                {
                    continue;
                }

                // A hidden figure is never 0, so a line with one has a non-zero figure shown besides it.
                Hide(line, SmallestShownCell(line, counts, reasons) ?? line.Total, counts, reasons, order);
                changed = any = true;
            }
        }

        return any;
    }

    /// <summary>Figures in a group of lines, joined through shared figures, that holds a hidden figure.</summary>
    private static bool[] TiedToAHiddenFigure(int figures, IReadOnlyList<Line> lines, List<int>[] linesOf, SuppressionReason[] reasons)
    {
        var tied = new bool[figures];
        var seen = new bool[figures];
        for (var start = 0; start < figures; start++)
        {
            if (seen[start])
            {
                continue;
            }

            // One group: every figure reachable from this one through lines.
            var group = new List<int> { start };
            seen[start] = true;
            for (var next = 0; next < group.Count; next++)
            {
                foreach (var l in linesOf[group[next]])
                {
                    foreach (var other in lines[l].Cells.Append(lines[l].Total))
                    {
                        if (!seen[other])
                        {
                            seen[other] = true;
                            group.Add(other);
                        }
                    }
                }
            }

            if (group.Any(i => reasons[i] != SuppressionReason.None))
            {
                group.ForEach(i => tied[i] = true);
            }
        }

        return tied;
    }

    /// <summary>Step 3: the first hidden figure a reader can narrow to two values or fewer, or -1.</summary>
    private static int FindNarrowedFigure(IReadOnlyList<int> counts, IReadOnlyList<Line> lines, SuppressionReason[] reasons, List<Order> order)
    {
        var low = new long[counts.Count];
        var high = new long[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            // Only what is printed, so that whether this step acts tells a reader nothing the printed figures
            // do not: a hidden figure is anything from 1 up.
            (low[i], high[i]) = reasons[i] != SuppressionReason.None ? (1L, Unbounded)
                : counts[i] == 0 ? (0L, 0L)
                : RoundedRange(counts[i]);
        }

        // Each pass can only tighten a range; ranges are integers bounded below by 0, so this settles.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                changed |= Narrow(line, low, high);
            }

            // The rule hides the smallest cell shown, so a reader knows each such cell is no larger
            // than the cells that stayed beside it (smaller than those before it: ties go to the first).
            foreach (var (smaller, larger, strict) in order)
            {
                var gap = strict ? 1 : 0;
                changed |= Tighten(smaller, low[smaller], high[larger] >= Unbounded ? Unbounded : high[larger] - gap, low, high);
                changed |= Tighten(larger, low[smaller] + gap, high[larger], low, high);
            }
        }

        for (var i = 0; i < counts.Count; i++)
        {
            if (reasons[i] != SuppressionReason.None && high[i] - low[i] < TwoValuesToSpare)
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
    /// Hides every non-zero figure still shown in the lines of a figure narrowed to one value; when
    /// they are all hidden already, those of the nearest lines reached through shared figures. False
    /// when nothing tied to it is left to hide.
    /// </summary>
    private static bool HideLinesOf(int pinned, IReadOnlyList<int> counts, IReadOnlyList<Line> lines, List<int>[] linesOf, SuppressionReason[] reasons)
    {
        var seenLines = new HashSet<int>();
        var frontier = new List<int> { pinned };
        var seenFigures = new HashSet<int> { pinned };
        while (frontier.Count > 0)
        {
            var hidden = false;
            var next = new List<int>();
            foreach (var figure in frontier)
            {
                foreach (var l in linesOf[figure].Where(seenLines.Add))
                {
                    foreach (var other in lines[l].Cells.Append(lines[l].Total))
                    {
                        if (reasons[other] == SuppressionReason.None && counts[other] > 0)
                        {
                            reasons[other] = SuppressionReason.Secondary;
                            hidden = true;
                        }

                        if (seenFigures.Add(other))
                        {
                            next.Add(other);
                        }
                    }
                }
            }

            if (hidden)
            {
                return true;
            }

            frontier = next;
        }

        return false;
    }

    /// <summary>A figure known to be no larger than another (smaller, when strict).</summary>
    internal readonly record struct Order(int Smaller, int Larger, bool Strict);

    /// <summary>Hides a figure to protect another and notes what its choice tells a reader.</summary>
    private static void Hide(Line line, int figure, IReadOnlyList<int> counts, SuppressionReason[] reasons, List<Order> order)
    {
        var position = Array.IndexOf(line.Cells, figure);
        if (position >= 0)
        {
            for (var i = 0; i < line.Cells.Length; i++)
            {
                var other = line.Cells[i];
                if (other != figure && reasons[other] == SuppressionReason.None && counts[other] > 0)
                {
                    order.Add(new Order(figure, other, Strict: i < position));
                }
            }
        }

        reasons[figure] = SuppressionReason.Secondary;
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
