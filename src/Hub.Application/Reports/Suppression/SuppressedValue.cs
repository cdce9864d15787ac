namespace Hub.Application.Reports.Suppression;

/// <summary>Why a figure is hidden, if it is.</summary>
public enum SuppressionReason
{
    /// <summary>Shown (counts rounded to the nearest 5).</summary>
    None,

    /// <summary>The figure is itself small: a count from 1 to 4, or a rate whose numerator or denominator is.</summary>
    Primary,

    /// <summary>Hidden so that a primary figure cannot be worked out from the figures published next to it.</summary>
    Secondary,
}

/// <summary>
/// One figure as it leaves the hub: the text to print, whether and why it is hidden, and the number
/// itself when shown (for CSV and charts). It never carries the unrounded count, so it is safe to hand
/// to any renderer; only <see cref="SmallNumbers"/> can make one.
/// </summary>
public sealed record SuppressedValue
{
    /// <summary>What a hidden figure prints as.</summary>
    public const string Mark = "*";

    /// <summary>What a rate over a denominator of 0 prints as: there is nothing to take a percentage of.</summary>
    public const string NoRateText = "n/a";

    private SuppressedValue(string text, SuppressionReason reason, decimal? number)
    {
        Text = text;
        Reason = reason;
        Number = number;
    }

    /// <summary>The published text: <c>*</c>, <c>0</c>, <c>15</c>, <c>35%</c> or <c>n/a</c>.</summary>
    public string Text { get; }

    public SuppressionReason Reason { get; }

    /// <summary>
    /// The published number (a rounded count, or a whole percentage without the % sign); null when the
    /// figure is hidden or is a rate with no denominator.
    /// </summary>
    public decimal? Number { get; }

    public bool IsSuppressed => Reason != SuppressionReason.None;

    public override string ToString() => Text;

    internal static SuppressedValue Shown(decimal number, string text) => new(text, SuppressionReason.None, number);

    internal static SuppressedValue Hidden(SuppressionReason reason) => new(Mark, reason, null);

    internal static SuppressedValue NoRate { get; } = new(NoRateText, SuppressionReason.None, null);

    /// <summary>An empty cell: a table's column that does not apply to this row.</summary>
    public static SuppressedValue Blank { get; } = new(string.Empty, SuppressionReason.None, null);

    /// <summary>
    /// A figure that does not exist, said in words, such as "No clocks stopped in the period" for a
    /// median of nothing: neither "*" (which the published rule keeps for 1 to 4) nor a number.
    /// </summary>
    public static SuppressedValue Words(string text) => new(text, SuppressionReason.None, null);

    /// <summary>
    /// A figure held back because too few people are behind it, said in words (such as "Not shown:
    /// fewer than 5 clocks stopped") where "*" would read as a count from 1 to 4.
    /// </summary>
    public static SuppressedValue HiddenInWords(string text) => new(text, SuppressionReason.Primary, null);
}
