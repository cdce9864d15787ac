namespace Hub.Web.Design.Charts;

/// <summary>
/// What every chart has: a title, the unit its figures count, one series of bars, and the headings
/// its data table uses. See <see cref="Charts.Render(BarChart, string)"/>.
/// </summary>
/// <param name="Title">Shown as the figure's caption, the SVG's title and the table's caption.</param>
/// <param name="Unit">What the figures count, in lower case, such as "referrals"; used in the summary ("42 referrals").</param>
/// <param name="Bars">One series, in the order to draw it.</param>
public abstract record Chart(string Title, string Unit, IReadOnlyList<ChartBar> Bars)
{
    /// <summary>A sentence shown under the title and read before the summary.</summary>
    public string? Description { get; init; }

    /// <summary>The heading of the table's first column.</summary>
    public abstract string LabelHeading { get; init; }

    /// <summary>The heading of the values column and the legend's name for the bars; the unit, capitalised, when empty.</summary>
    public string? ValueHeading { get; init; }

    /// <summary>The heading of the comparison column and the legend's name for the markers.</summary>
    public string ComparisonHeading { get; init; } = "Comparison";

    /// <summary>
    /// Whether the data table follows the drawing. Turn off only where a fuller table of the same
    /// figures comes straight after the chart (as in the commissioner report).
    /// </summary>
    public bool ShowTable { get; init; } = true;

    /// <summary>Whether the summary gives a total; turn off for shares, whose total says nothing.</summary>
    public bool SummariseTotal { get; init; } = true;

    /// <summary>The note under the table that explains "*", shown when any value is suppressed.</summary>
    public string SuppressedNote { get; init; } = "* Not shown: the number is small enough that someone could be identified.";

    internal string ValueName => ValueHeading ?? (Unit.Length == 0 ? "Value" : string.Concat(char.ToUpperInvariant(Unit[0]).ToString(), Unit.AsSpan(1)));

    internal bool HasComparison => Bars.Any(b => b.Comparison is not null);

    /// <summary>Nothing to draw: no bars, or every figure is a plain zero (a suppressed one still means people).</summary>
    internal bool IsEmpty => Bars.All(b => !b.IsSuppressed && b.Value == 0 && (b.Comparison ?? 0) == 0);

    /// <summary>The figure that fills the full length: the largest value or comparison.</summary>
    internal decimal ScaleMaximum => Bars.Select(b => Math.Max(b.IsSuppressed ? 0 : b.Value, b.Comparison ?? 0)).DefaultIfEmpty(0).Max();
}
