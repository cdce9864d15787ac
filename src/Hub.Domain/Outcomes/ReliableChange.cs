namespace Hub.Domain.Outcomes;

public enum ChangeCategory
{
    ReliablyImproved = 1,
    NoReliableChange = 2,
    ReliablyDeteriorated = 3,
}

/// <summary>Scoring rules shared by every measure.</summary>
public static class Scoring
{
    /// <summary>
    /// The mean of the answered items of a scale, or null when fewer than the scale's minimum are
    /// answered. An unanswered item is absent, never 0.
    /// </summary>
    public static decimal? Score(MeasureScale scale, IReadOnlyDictionary<string, int?> ratings)
    {
        var answered = scale.ItemCodes
            .Select(code => ratings.TryGetValue(code, out var r) ? r : null)
            .Where(r => r is not null)
            .Select(r => (decimal)r!.Value)
            .ToList();
        return answered.Count >= Math.Max(1, scale.MinimumAnswered) ? Math.Round(answered.Average(), 2) : null;
    }

    /// <summary>
    /// Classifies a change from baseline to follow-up against the reliable change threshold: a
    /// difference of at least the threshold in the better direction is an improvement.
    /// </summary>
    public static ChangeCategory? Classify(decimal? baseline, decimal? followUp, decimal threshold, bool higherIsBetter = true)
    {
        if (baseline is null || followUp is null)
        {
            return null;
        }
        var change = (followUp.Value - baseline.Value) * (higherIsBetter ? 1 : -1);
        return change >= threshold ? ChangeCategory.ReliablyImproved
            : change <= -threshold ? ChangeCategory.ReliablyDeteriorated
            : ChangeCategory.NoReliableChange;
    }

    public static string Describe(this ChangeCategory category) => category switch
    {
        ChangeCategory.ReliablyImproved => "Reliably improved",
        ChangeCategory.ReliablyDeteriorated => "Reliably deteriorated",
        _ => "No reliable change",
    };
}
