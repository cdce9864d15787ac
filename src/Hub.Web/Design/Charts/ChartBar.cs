namespace Hub.Web.Design.Charts;

/// <summary>
/// One bar of a <see cref="BarChart"/> or one column of a <see cref="ColumnChart"/>: what it is, how
/// big it is, what to print beside it, and where to see the people behind it.
/// </summary>
/// <param name="Label">What the bar stands for, such as a neighbourhood or "3 Nov". Shown in full in the table.</param>
/// <param name="Value">The size of the bar; never negative. Ignored when the bar is suppressed.</param>
public sealed record ChartBar(string Label, decimal Value)
{
    /// <summary>The display text that marks a value held back because it is small enough to identify someone.</summary>
    public const string SuppressedText = "*";

    /// <summary>What to print beside the bar and in the table, such as "12" or "35%"; the value itself when empty.</summary>
    public string? DisplayText { get; init; }

    /// <summary>An app-relative link to the people behind the figure; offered in the table, the keyboard route.</summary>
    public string? Href { get; init; }

    /// <summary>A second figure on the same scale, drawn as a thin marker, such as the share of the referred population.</summary>
    public decimal? Comparison { get; init; }

    /// <summary>What to print for <see cref="Comparison"/> in the table; the figure itself when empty.</summary>
    public string? ComparisonText { get; init; }

    /// <summary>True when the value is held back: the bar is not drawn, only the "*" label.</summary>
    public bool IsSuppressed => DisplayText == SuppressedText;

    /// <summary>A bar whose value is held back to protect privacy.</summary>
    public static ChartBar Suppressed(string label) => new(label, 0) { DisplayText = SuppressedText };
}
