namespace Hub.Application.Reports.Suppression;

/// <summary>The suppression rule in plain English, for the definitions appendix of every report.</summary>
public static class SuppressionRule
{
    public const string Statement =
        "To protect the privacy of the people counted, small numbers in this report are suppressed. " +
        "An asterisk (*) stands for a count from 1 to 4, or for a figure hidden so that such a count cannot be worked out from the figures around it. " +
        "0 means none. " +
        "Every other count, totals included, is rounded to the nearest 5, so a total may differ from the sum of the figures shown. " +
        "A share of a total is worked out from the rounded figures as printed, so it adds nothing to them. " +
        "Rates (such as the did-not-attend rate or waits within 28 days) are calculated from the unrounded counts and shown to the nearest whole number, with halves rounded up; " +
        "a rate is shown as * when its numerator is from 1 to 4, when its denominator is from 1 to 4, when the difference between them is from 1 to 4 " +
        "(80% of 10 would reveal the 2 not counted), or when a figure it is calculated from is hidden. " +
        "n/a means there was nothing to take a percentage of. " +
        "Where figures add up to a total, no row or column is left with exactly one hidden figure, because it could be worked out by subtraction: " +
        "the smallest non-zero figure shown in that row or column is hidden as well, or its total when every other figure is 0. " +
        "Beyond that, the whole report is checked as a reader who knows this rule would read it, with every rounded figure standing for the range it could be " +
        "and every figure behind a rate taken as exactly known: wherever the figures together would pin a hidden figure down to a single value, " +
        "one more figure in its row or column is hidden, until every hidden figure could be any of at least two values.";
}
