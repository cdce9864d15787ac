using Hub.Application.Outcomes;
using Hub.Domain.Outcomes;

namespace Hub.UnitTests.Outcomes;

/// <summary>Worked examples of DIALOG and Goal-Based Outcomes scoring and reliable change.</summary>
public sealed class ScoringTests
{
    private static readonly MeasureScale QualityOfLife = BuiltInMeasures.Dialog.Scales.Single(s => s.Code == "quality-of-life");
    private static readonly MeasureScale TreatmentSatisfaction = BuiltInMeasures.Dialog.Scales.Single(s => s.Code == "treatment-satisfaction");

    private static Dictionary<string, int?> Rate(IEnumerable<string> codes, params int?[] ratings) =>
        codes.Zip(ratings).ToDictionary(x => x.First, x => x.Second);

    [Fact]
    public void Should_score_quality_of_life_as_the_mean_of_the_eight_life_areas()
    {
        var ratings = Rate(BuiltInMeasures.DialogLifeAreas, 4, 5, 3, 6, 2, 4, 5, 7);

        Scoring.Score(QualityOfLife, ratings).ShouldBe(4.5m);
    }

    [Fact]
    public void Should_score_treatment_satisfaction_as_the_mean_of_the_three_treatment_items()
    {
        var ratings = Rate(BuiltInMeasures.DialogTreatmentItems, 3, 4, 5);

        Scoring.Score(TreatmentSatisfaction, ratings).ShouldBe(4.0m);
    }

    [Fact]
    public void Should_score_each_scale_from_its_own_items_only()
    {
        var ratings = Rate(BuiltInMeasures.DialogLifeAreas, 7, 7, 7, 7, 7, 7, 7, 7);
        foreach (var (code, rating) in Rate(BuiltInMeasures.DialogTreatmentItems, 1, 1, 1))
        {
            ratings[code] = rating;
        }

        Scoring.Score(QualityOfLife, ratings).ShouldBe(7m);
        Scoring.Score(TreatmentSatisfaction, ratings).ShouldBe(1m);
    }

    [Fact]
    public void Should_leave_unanswered_life_areas_out_of_the_mean_rather_than_count_them_as_zero()
    {
        var ratings = Rate(BuiltInMeasures.DialogLifeAreas.Take(3), 2, 3, 4);

        Scoring.Score(QualityOfLife, ratings).ShouldBe(3.0m);
    }

    [Fact]
    public void Should_treat_an_item_present_but_null_as_not_answered()
    {
        var ratings = Rate(BuiltInMeasures.DialogLifeAreas, 2, null, null, null, null, null, null, 4);

        Scoring.Score(QualityOfLife, ratings).ShouldBe(3.0m);
    }

    [Fact]
    public void Should_give_no_score_rather_than_zero_when_nothing_was_answered()
    {
        Scoring.Score(QualityOfLife, new Dictionary<string, int?>()).ShouldBeNull();
        Scoring.Score(QualityOfLife, Rate(BuiltInMeasures.DialogLifeAreas, null, null, null, null, null, null, null, null)).ShouldBeNull();
    }

    [Fact]
    public void Should_ignore_ratings_for_items_outside_the_scale()
    {
        var ratings = new Dictionary<string, int?> { ["medication"] = 7, ["not-a-dialog-item"] = 1 };

        Scoring.Score(QualityOfLife, ratings).ShouldBeNull();
    }

    [Fact]
    public void Should_round_a_mean_to_two_decimal_places()
    {
        var ratings = Rate(BuiltInMeasures.DialogLifeAreas, 1, 2, 2);

        Scoring.Score(QualityOfLife, ratings).ShouldBe(1.67m);
    }

    [Fact]
    public void Should_need_the_scales_minimum_number_of_answers_for_a_score()
    {
        var scale = QualityOfLife with { MinimumAnswered = 4 };

        Scoring.Score(scale, Rate(BuiltInMeasures.DialogLifeAreas, 5, 5, 5)).ShouldBeNull();
        Scoring.Score(scale, Rate(BuiltInMeasures.DialogLifeAreas, 5, 5, 5, 5)).ShouldBe(5m);
    }

    [Theory]
    [InlineData("3.0", "4.0", ChangeCategory.ReliablyImproved)]
    [InlineData("3.0", "3.9", ChangeCategory.NoReliableChange)]
    [InlineData("4.5", "3.5", ChangeCategory.ReliablyDeteriorated)]
    [InlineData("4.5", "3.6", ChangeCategory.NoReliableChange)]
    [InlineData("4.0", "4.0", ChangeCategory.NoReliableChange)]
    public void Should_classify_DIALOG_change_against_a_reliable_change_threshold_of_one_point(string baseline, string followUp, ChangeCategory expected)
    {
        var threshold = QualityOfLife.ReliableChange;

        threshold.ShouldBe(1m);
        Scoring.Classify(decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(followUp, System.Globalization.CultureInfo.InvariantCulture), threshold).ShouldBe(expected);
    }

    [Theory]
    [InlineData(2, 5, ChangeCategory.ReliablyImproved)]
    [InlineData(2, 4, ChangeCategory.NoReliableChange)]
    [InlineData(8, 5, ChangeCategory.ReliablyDeteriorated)]
    [InlineData(8, 6, ChangeCategory.NoReliableChange)]
    [InlineData(0, 10, ChangeCategory.ReliablyImproved)]
    public void Should_classify_goal_based_outcome_change_against_a_reliable_change_threshold_of_three_points(int baseline, int followUp, ChangeCategory expected)
    {
        BuiltInMeasures.Gbo.Scales.ShouldAllBe(s => s.ReliableChange == 3m);

        Scoring.Classify(baseline, followUp, BuiltInMeasures.GboReliableChange).ShouldBe(expected);
    }

    [Fact]
    public void Should_not_classify_a_change_without_a_baseline_or_a_follow_up()
    {
        Scoring.Classify(null, 4m, 1m).ShouldBeNull();
        Scoring.Classify(4m, null, 1m).ShouldBeNull();
        Scoring.Classify(null, null, 1m).ShouldBeNull();
    }

    [Fact]
    public void Should_count_a_fall_as_improvement_on_a_scale_where_lower_is_better()
    {
        Scoring.Classify(10m, 7m, 3m, higherIsBetter: false).ShouldBe(ChangeCategory.ReliablyImproved);
        Scoring.Classify(7m, 10m, 3m, higherIsBetter: false).ShouldBe(ChangeCategory.ReliablyDeteriorated);
    }

    [Theory]
    [InlineData(ChangeCategory.ReliablyImproved, "Reliably improved")]
    [InlineData(ChangeCategory.NoReliableChange, "No reliable change")]
    [InlineData(ChangeCategory.ReliablyDeteriorated, "Reliably deteriorated")]
    public void Should_describe_each_change_category_in_plain_english(ChangeCategory category, string text)
    {
        category.Describe().ShouldBe(text);
    }

    [Fact]
    public void Should_compare_a_DIALOG_baseline_with_a_follow_up_by_item_and_by_scale()
    {
        var baseline = Rate(BuiltInMeasures.DialogLifeAreas, 3, 3, 3, 3, 3, 3, 3, 3);
        var followUp = Rate(BuiltInMeasures.DialogLifeAreas, 4, 4, 4, 4, 4, 4, 4, 4);

        var comparison = MeasureComparisons.Compare(BuiltInMeasures.Dialog, baseline, followUp);

        comparison.MeasureCode.ShouldBe(BuiltInMeasures.DialogCode);
        comparison.Items.Count.ShouldBe(11);
        comparison.Items.Single(i => i.ItemCode == "mental-health").Change.ShouldBe(1);
        comparison.Items.Single(i => i.ItemCode == "medication").Change.ShouldBeNull();
        var qualityOfLife = comparison.Scales.Single(s => s.ScaleCode == "quality-of-life");
        qualityOfLife.Baseline.ShouldBe(3m);
        qualityOfLife.FollowUp.ShouldBe(4m);
        qualityOfLife.Change.ShouldBe(1m);
        qualityOfLife.Category.ShouldBe(ChangeCategory.ReliablyImproved);
        var treatment = comparison.Scales.Single(s => s.ScaleCode == "treatment-satisfaction");
        treatment.Baseline.ShouldBeNull();
        treatment.FollowUp.ShouldBeNull();
        treatment.Category.ShouldBeNull();
    }
}
