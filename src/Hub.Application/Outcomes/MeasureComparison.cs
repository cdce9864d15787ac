using Hub.Domain.Outcomes;

namespace Hub.Application.Outcomes;

/// <summary>Baseline against follow-up for one measure, per item and per scale.</summary>
public sealed record MeasureComparison(string MeasureCode, string MeasureName, IReadOnlyList<ItemChange> Items, IReadOnlyList<ScaleChange> Scales);

public sealed record ItemChange(string ItemCode, string Label, int? Baseline, int? FollowUp)
{
    public int? Change => Baseline is { } b && FollowUp is { } f ? f - b : null;
}

public sealed record ScaleChange(string ScaleCode, string Name, decimal? Baseline, decimal? FollowUp, ChangeCategory? Category)
{
    public decimal? Change => Baseline is { } b && FollowUp is { } f ? f - b : null;
}

public static class MeasureComparisons
{
    public static MeasureComparison Compare(MeasureDefinition measure, IReadOnlyDictionary<string, int?> baseline, IReadOnlyDictionary<string, int?> followUp,
        Func<MeasureItem, string>? label = null)
    {
        int? Rating(IReadOnlyDictionary<string, int?> ratings, string code) => ratings.TryGetValue(code, out var r) ? r : null;
        var items = measure.Items.Select(i => new ItemChange(i.Code, label?.Invoke(i) ?? i.Text, Rating(baseline, i.Code), Rating(followUp, i.Code))).ToList();
        var scales = measure.Scales.Select(s =>
        {
            var before = Scoring.Score(s, baseline);
            var after = Scoring.Score(s, followUp);
            return new ScaleChange(s.Code, s.Name, before, after, Scoring.Classify(before, after, s.ReliableChange, s.HigherIsBetter));
        }).ToList();
        return new MeasureComparison(measure.Code, measure.Name, items, scales);
    }
}
