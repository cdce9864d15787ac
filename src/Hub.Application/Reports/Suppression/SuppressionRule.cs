namespace Hub.Application.Reports.Suppression;

/// <summary>The suppression rule in plain English, for the definitions appendix of every report.</summary>
public static class SuppressionRule
{
    public const string Statement =
        "To protect the privacy of the people counted, small numbers in this report are suppressed. " +
        "An asterisk (*) stands for a count from 1 to 4, or for a figure hidden so that such a count cannot be worked out from the figures around it. " +
        "0 means none. " +
        "Every other count, totals included, is rounded to the nearest 5, so a total may differ from the sum of the figures shown. " +
        "Percentages are calculated from the unrounded counts and shown to the nearest whole number, with halves rounded up. " +
        "A percentage is shown as * when its denominator is suppressed, when its numerator is from 1 to 4 " +
        "(multiplying the percentage by its denominator would otherwise reveal the small count), or when its numerator is hidden elsewhere in the report. " +
        "n/a means there was nothing to take a percentage of. " +
        "Where a table shows a total, no row or column is left with exactly one hidden figure, because it could be worked out by subtracting the others from the total: " +
        "the smallest non-zero figure shown in that row or column is hidden as well, or its total when every other figure is 0, " +
        "and this is repeated across rows, columns and totals until no row or column has exactly one hidden figure.";
}
