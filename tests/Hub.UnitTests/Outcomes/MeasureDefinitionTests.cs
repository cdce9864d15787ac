using Hub.Domain.Outcomes;

namespace Hub.UnitTests.Outcomes;

public sealed class MeasureDefinitionTests
{
    /// <summary>A fictional measure; its wording is invented for the tests.</summary>
    private static readonly MeasureDefinition Example = new(
        "EXAMPLE",
        "Example measure",
        "Fictional measure for tests; free to use.",
        [
            new MeasureItem("first", "First example question", 1, 5),
            new MeasureItem("second", "Second example question", 1, 5),
        ],
        [new MeasureScale("total", "Total", ["first", "second"], 2m)],
        IsBuiltIn: false);

    [Fact]
    public void Should_find_no_problems_in_a_well_formed_definition()
    {
        Example.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void Should_catch_an_item_code_used_twice()
    {
        var definition = Example with { Items = [.. Example.Items, new MeasureItem("first", "Repeated", 1, 5)] };

        definition.Problems().ShouldContain("Item code first is used twice.");
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(5, 1)]
    public void Should_catch_an_item_whose_minimum_is_not_below_its_maximum(int minimum, int maximum)
    {
        var definition = Example with { Items = [Example.Items[0] with { Minimum = minimum, Maximum = maximum }, Example.Items[1]] };

        definition.Problems().ShouldContain("Item first needs a minimum below its maximum.");
    }

    [Fact]
    public void Should_catch_a_scale_that_names_an_unknown_item()
    {
        var definition = Example with { Scales = [new MeasureScale("total", "Total", ["first", "third"], 2m)] };

        definition.Problems().ShouldContain("Scale total names unknown item third.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_catch_a_missing_licence_note(string licence)
    {
        (Example with { Licence = licence }).Problems().ShouldContain("The measure needs a licence note.");
    }

    [Fact]
    public void Should_catch_a_missing_code_or_name_no_items_an_empty_scale_and_a_threshold_that_is_not_positive()
    {
        var definition = Example with
        {
            Code = "",
            Name = " ",
            Items = [],
            Scales = [new MeasureScale("empty", "Empty", [], 0m)],
        };

        definition.Problems().ShouldBe(
        [
            "The measure needs a code.",
            "The measure needs a name.",
            "The measure needs at least one item.",
            "Scale empty scores no items.",
            "Scale empty needs a positive reliable change threshold.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Should_define_DIALOG_as_eleven_items_rated_one_to_seven()
    {
        var dialog = BuiltInMeasures.Dialog;

        dialog.Code.ShouldBe("DIALOG");
        dialog.IsBuiltIn.ShouldBeTrue();
        dialog.Items.Count.ShouldBe(11);
        dialog.Items.ShouldAllBe(i => i.Minimum == 1 && i.Maximum == 7);
        dialog.Items.Select(i => i.Code).ShouldBe(BuiltInMeasures.DialogLifeAreas.Concat(BuiltInMeasures.DialogTreatmentItems));
        dialog.Licence.ShouldNotBeNullOrWhiteSpace();
        dialog.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void Should_score_DIALOG_as_quality_of_life_from_eight_life_areas_and_treatment_satisfaction_from_three_items()
    {
        var scales = BuiltInMeasures.Dialog.Scales;

        scales.Select(s => s.Code).ShouldBe(["quality-of-life", "treatment-satisfaction"]);
        scales[0].ItemCodes.ShouldBe(
            ["mental-health", "physical-health", "job-situation", "accommodation", "leisure-activities", "friendships", "partner-family", "personal-safety"]);
        scales[1].ItemCodes.ShouldBe(["medication", "practical-help", "meetings-with-professionals"]);
        scales.ShouldAllBe(s => s.ReliableChange == 1m && s.HigherIsBetter);
    }

    [Fact]
    public void Should_define_goal_based_outcomes_as_up_to_three_goals_rated_zero_to_ten()
    {
        var gbo = BuiltInMeasures.Gbo;

        gbo.Code.ShouldBe("GBO");
        gbo.Items.Select(i => i.Code).ShouldBe(["goal-1", "goal-2", "goal-3"]);
        gbo.Items.ShouldAllBe(i => i.Minimum == 0 && i.Maximum == 10);
        gbo.Scales.Count.ShouldBe(3);
        gbo.Scales.ShouldAllBe(s => s.ItemCodes.Count == 1 && s.ReliableChange == 3m);
        gbo.Problems().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Should_accept_only_ratings_inside_an_items_range(int rating, bool accepted)
    {
        BuiltInMeasures.Dialog.Item("mental-health").Accepts(rating).ShouldBe(accepted);
    }

    [Fact]
    public void Should_refuse_to_look_up_an_item_the_measure_does_not_have()
    {
        Should.Throw<ArgumentException>(() => BuiltInMeasures.Dialog.Item("not-an-item"));
    }
}
