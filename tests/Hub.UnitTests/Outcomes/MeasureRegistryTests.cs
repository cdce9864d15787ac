using Hub.Domain.Outcomes;
using Hub.Infrastructure.Outcomes;

namespace Hub.UnitTests.Outcomes;

/// <summary>
/// Loading licensed measures from definition files. The measure used here is fictional: the hub
/// never ships the item texts of a licensed measure, and neither do its tests.
/// </summary>
public sealed class MeasureRegistryTests : IDisposable
{
    private const string ExampleJson = """
        {
          "code": "EXAMPLE",
          "name": "Example wellbeing measure",
          "licence": "Fictional measure for tests. A real file records the licence the deploying organisation holds.",
          "items": [
            { "code": "first", "text": "First example question", "minimum": 1, "maximum": 5, "minimumLabel": "Not at all", "maximumLabel": "All of the time" },
            { "code": "second", "text": "Second example question", "minimum": 1, "maximum": 5 }
          ],
          "scales": [
            { "code": "total", "name": "Total", "itemCodes": ["first", "second"], "reliableChange": 2 }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("hub-measures-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string fileName, string json) => File.WriteAllText(Path.Combine(_folder, fileName), json);

    [Fact]
    public void Should_hold_DIALOG_and_goal_based_outcomes_when_nothing_else_is_loaded()
    {
        var registry = new MeasureRegistry([]);

        registry.All.Select(m => m.Code).ShouldBe(["DIALOG", "GBO"], ignoreOrder: true);
        registry.Find("DIALOG").ShouldBeSameAs(BuiltInMeasures.Dialog);
        registry.Find("GBO").ShouldBeSameAs(BuiltInMeasures.Gbo);
        registry.Find("EXAMPLE").ShouldBeNull();
    }

    [Fact]
    public void Should_hold_only_the_built_in_measures_when_the_folder_is_not_set_or_missing()
    {
        MeasureRegistry.FromFolder(null).All.Count.ShouldBe(2);
        MeasureRegistry.FromFolder(Path.Combine(_folder, "absent")).All.Count.ShouldBe(2);
    }

    [Fact]
    public void Should_load_a_licensed_measure_from_a_definition_file_in_the_folder()
    {
        Write("example.json", ExampleJson);

        var registry = MeasureRegistry.FromFolder(_folder);

        var example = registry.Find("EXAMPLE").ShouldNotBeNull();
        example.Name.ShouldBe("Example wellbeing measure");
        example.Licence.ShouldStartWith("Fictional measure for tests.");
        example.IsBuiltIn.ShouldBeFalse();
        example.Items.Select(i => (i.Code, i.Minimum, i.Maximum)).ShouldBe([("first", 1, 5), ("second", 1, 5)]);
        example.Items[0].MinimumLabel.ShouldBe("Not at all");
        var scale = example.Scales.ShouldHaveSingleItem();
        scale.ItemCodes.ShouldBe(["first", "second"]);
        scale.ReliableChange.ShouldBe(2m);
        scale.HigherIsBetter.ShouldBeTrue();
        scale.MinimumAnswered.ShouldBe(1);
        registry.All.Count.ShouldBe(3);
    }

    [Fact]
    public void Should_find_a_loaded_measure_whatever_the_case_of_its_code()
    {
        Write("example.json", ExampleJson);

        MeasureRegistry.FromFolder(_folder).Find("example").ShouldNotBeNull();
    }

    [Fact]
    public void Should_offer_a_loaded_measure_as_an_additional_one_but_not_the_built_in_ones()
    {
        Write("example.json", ExampleJson);
        Hub.Application.Outcomes.IMeasureRegistry registry = MeasureRegistry.FromFolder(_folder);

        registry.Additional.Select(m => m.Code).ShouldBe(["EXAMPLE"]);
    }

    [Fact]
    public void Should_ignore_files_that_are_not_json()
    {
        Write("notes.txt", "not a measure");

        MeasureRegistry.FromFolder(_folder).All.Count.ShouldBe(2);
    }

    [Fact]
    public void Should_refuse_to_start_with_a_definition_whose_scale_names_an_unknown_item_and_say_why()
    {
        Write("broken.json", ExampleJson.Replace("\"itemCodes\": [\"first\", \"second\"]", "\"itemCodes\": [\"first\", \"third\"]", StringComparison.Ordinal));

        var ex = Should.Throw<InvalidOperationException>(() => MeasureRegistry.FromFolder(_folder));

        ex.Message.ShouldContain("EXAMPLE");
        ex.Message.ShouldContain("Scale total names unknown item third.");
    }

    [Fact]
    public void Should_refuse_to_start_with_a_definition_that_has_no_licence_note()
    {
        Write("unlicensed.json", ExampleJson.Replace("\"licence\":", "\"ignored\":", StringComparison.Ordinal));

        var ex = Should.Throw<InvalidOperationException>(() => MeasureRegistry.FromFolder(_folder));

        ex.Message.ShouldContain("The measure needs a licence note.");
    }

    [Fact]
    public void Should_refuse_to_start_when_two_files_define_the_same_code()
    {
        Write("a.json", ExampleJson);
        Write("b.json", ExampleJson.Replace("\"Example wellbeing measure\"", "\"Another name\"", StringComparison.Ordinal));

        var ex = Should.Throw<InvalidOperationException>(() => MeasureRegistry.FromFolder(_folder));

        ex.Message.ShouldBe("Measure code 'EXAMPLE' is defined twice.");
    }

    [Fact]
    public void Should_refuse_a_file_that_redefines_a_built_in_measure()
    {
        Write("dialog.json", ExampleJson.Replace("\"EXAMPLE\"", "\"dialog\"", StringComparison.Ordinal));

        var ex = Should.Throw<InvalidOperationException>(() => MeasureRegistry.FromFolder(_folder));

        ex.Message.ShouldContain("defined twice");
    }

    [Fact]
    public void Should_refuse_a_file_that_is_not_valid_json_and_name_the_file()
    {
        Write("truncated.json", ExampleJson[..40]);

        var ex = Should.Throw<InvalidOperationException>(() => MeasureRegistry.FromFolder(_folder));

        ex.Message.ShouldContain("truncated.json");
        ex.Message.ShouldContain("not valid JSON");
    }
}
