using System.Diagnostics;

namespace Hub.Application.Reports.Suppression;

/// <summary>
/// Secondary suppression over figures tied together by lines: "these cells add up to this total".
/// </summary>
/// <remarks>
/// <para>
/// A line is safe when it has no hidden figure, or at least two (its total counts as one of its
/// figures). With exactly one, that figure is the total minus the others. So, line by line, until a
/// whole pass changes nothing: when a line has exactly one hidden figure, hide the smallest non-zero
/// cell still shown in it (the cheapest to lose; ties go to the first in the line), or, when every
/// other cell is 0, the line's total. A 0 is never the second hidden cell: everyone can see the 0 is
/// a 0, so hiding it protects nothing, while the total of such a line still gives the hidden cell
/// away, which is why the total goes instead.
/// </para>
/// <para>
/// Each step hides one more figure and nothing is ever un-hidden, so the loop ends, at worst with
/// everything hidden. The margins of a two-way table are lines too (row totals add up to the grand
/// total, and so do column totals), so a hidden row total is protected the same way.
/// </para>
/// <para>
/// What this does not do: it is the usual greedy rule, not an optimal one (a cell-by-cell search can
/// hide fewer figures), and checking lines one at a time does not rule out every combination of
/// rows and columns that pins a cell down. Because every published count is rounded to the nearest
/// 5, such combinations only ever narrow a hidden figure to a range, not to a number.
/// </para>
/// </remarks>
internal static class SecondarySuppression
{
    /// <summary>Indexes into the figures: the cells of a line and the total they add up to.</summary>
    internal sealed record Line(IReadOnlyList<int> Cells, int Total);

    /// <summary>Returns, for each figure, whether and why it is hidden.</summary>
    internal static SuppressionReason[] Apply(IReadOnlyList<int> figures, IReadOnlyList<Line> lines)
    {
        var reasons = figures
            .Select(f => SmallNumbers.IsSmall(f) ? SuppressionReason.Primary : SuppressionReason.None)
            .ToArray();

        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Cells.Append(line.Total).Count(i => reasons[i] != SuppressionReason.None) != 1)
                {
                    continue;
                }

                reasons[Complement(line, figures, reasons)] = SuppressionReason.Secondary;
                changed = true;
            }
        }
        while (changed);

        return reasons;
    }

    private static int Complement(Line line, IReadOnlyList<int> figures, SuppressionReason[] reasons)
    {
        var smallestShown = line.Cells
            .Where(i => reasons[i] == SuppressionReason.None && figures[i] > 0)
            .OrderBy(i => figures[i]) // stable: ties keep line order
            .Select(i => (int?)i)
            .FirstOrDefault();
        if (smallestShown is { } cell)
        {
            return cell;
        }

        // Hidden figures are never 0, so a hidden total always leaves a non-zero cell: shown (picked
        // above) or hidden (then the line already had two). Only a hidden cell can bring us here.
        return reasons[line.Total] == SuppressionReason.None
            ? line.Total
            : throw new UnreachableException("A line with a hidden total and no other hidden figure has a non-zero cell shown.");
    }
}
