using FluentValidation.TestHelper;
using Hub.Application.Conversations.SaveConversation;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Hub.Infrastructure.Outcomes;

namespace Hub.UnitTests.Conversations;

public sealed class ConversationContentValidatorTests
{
    private readonly ConversationContentValidator _validator = new(new MeasureRegistry([]));

    private static ConversationContent WithDialog(string code, int? rating, string? comment = null) =>
        new() { Dialog = new Dictionary<string, RatedAnswer> { [code] = new(rating, comment) } };

    private static NetworkMember Member(string name) => new(name, "Neighbour", RelationshipQuality.Supportive, ContactFrequency.Weekly, false);

    [Fact]
    public void Should_accept_an_empty_conversation_because_nothing_has_to_be_answered()
    {
        _validator.TestValidate(ConversationContent.Empty).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Should_accept_a_full_conversation_in_the_persons_own_words()
    {
        var content = new ConversationContent
        {
            WhatMatters = "Getting back to work — and my kids 😊\nSecond line",
            GoingWell = "Walking the dog",
            Strengths = "Patient",
            Resources = "Library card",
            PractitionerSummary = "Agreed to meet again.",
            Network = [Member("Neighbour"), Member("Café owner")],
            Dialog = BuiltInMeasures.Dialog.Items.ToDictionary(i => i.Code, i => new RatedAnswer(4, null)),
            Needs = [new DeterminantNeed(DeterminantArea.Housing, "Damp flat", "A letter to the landlord")],
            SafetyPlan = new SafetyPlan { WhatHelps = "Music", ProfessionalContacts = "Crisis line" },
            Goals = [new Goal("Sleep through the night", 0), new Goal("Join a choir", 10), new Goal("Cook twice a week", null)],
        };

        _validator.TestValidate(content).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(-1)]
    public void Should_reject_a_DIALOG_rating_outside_one_to_seven_and_say_what_to_choose(int rating)
    {
        var result = _validator.TestValidate(WithDialog("mental-health", rating));

        var error = result.Errors.ShouldHaveSingleItem();
        error.ErrorMessage.ShouldBe("Choose a rating from 1 to 7, or leave it not answered");
        error.PropertyName.ShouldEndWith("Dialog.mental-health");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(null)]
    public void Should_accept_a_DIALOG_rating_from_one_to_seven_or_not_answered(int? rating)
    {
        _validator.TestValidate(WithDialog("personal-safety", rating, "A comment")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Should_reject_a_DIALOG_item_code_that_is_not_part_of_DIALOG()
    {
        var result = _validator.TestValidate(WithDialog("happiness", 4));

        var error = result.Errors.ShouldHaveSingleItem();
        error.ErrorMessage.ShouldBe("That question is not part of DIALOG");
        error.PropertyName.ShouldEndWith("Dialog.happiness");
    }

    [Fact]
    public void Should_reject_a_DIALOG_comment_with_hidden_characters()
    {
        var result = _validator.TestValidate(WithDialog("accommodation", 3, "Fine\u202Eenif"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.ErrorMessage.ShouldBe("The comment contains hidden characters we cannot store");
        error.PropertyName.ShouldEndWith("Dialog.accommodation");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public void Should_reject_a_goal_rating_outside_zero_to_ten(int rating)
    {
        var result = _validator.TestValidate(new ConversationContent { Goals = [new Goal("Sleep through the night", rating)] });

        result.ShouldHaveValidationErrorFor("Goals[0].Rating")
            .WithErrorMessage("Choose a rating from 0 to 10, or leave it not answered");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_reject_a_goal_rating_without_the_goal_in_the_persons_words(string text)
    {
        var result = _validator.TestValidate(new ConversationContent { Goals = [new Goal(text, 6)] });

        result.ShouldHaveValidationErrorFor("Goals[0].Text")
            .WithErrorMessage("Write the goal in the person's words before rating it");
    }

    [Fact]
    public void Should_reject_a_fourth_goal()
    {
        var result = _validator.TestValidate(new ConversationContent
        {
            Goals = [new Goal("One", null), new Goal("Two", null), new Goal("Three", null), new Goal("Four", null)],
        });

        result.ShouldHaveValidationErrorFor("Goals").WithErrorMessage("Record up to three goals");
    }

    [Fact]
    public void Should_reject_a_goal_longer_than_five_hundred_characters()
    {
        var result = _validator.TestValidate(new ConversationContent { Goals = [new Goal(new string('g', 501), null)] });

        result.Errors.ShouldContain(e => e.ErrorMessage == "The goal must be 500 characters or fewer");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Should_reject_a_person_in_the_network_without_a_name_or_description(string name)
    {
        var result = _validator.TestValidate(new ConversationContent { Network = [Member(name)] });

        result.ShouldHaveValidationErrorFor("Network[0].Name")
            .WithErrorMessage("Enter a name or description for each person, like \"Mum\" or \"neighbour\"");
    }

    [Fact]
    public void Should_reject_a_network_name_on_more_than_one_line()
    {
        var result = _validator.TestValidate(new ConversationContent { Network = [Member("Line one\nLine two")] });

        result.Errors.ShouldContain(e => e.ErrorMessage == "Name must be on one line and must not contain hidden characters");
    }

    [Fact]
    public void Should_reject_a_network_of_more_than_thirty_people()
    {
        var result = _validator.TestValidate(new ConversationContent { Network = Enumerable.Range(1, 31).Select(i => Member($"Person {i}")).ToList() });

        result.Errors.ShouldContain(e => e.ErrorMessage == "A network map holds up to 30 people");
    }

    [Fact]
    public void Should_accept_four_thousand_characters_and_reject_four_thousand_and_one()
    {
        _validator.TestValidate(new ConversationContent { WhatMatters = new string('a', 4000) }).ShouldNotHaveAnyValidationErrors();

        var result = _validator.TestValidate(new ConversationContent { WhatMatters = new string('a', 4001) });

        result.ShouldHaveValidationErrorFor(c => c.WhatMatters).WithErrorMessage("What matters must be 4,000 characters or fewer");
    }

    [Fact]
    public void Should_count_an_emoji_as_one_character()
    {
        var text = string.Concat(Enumerable.Repeat("😊", 4000));

        _validator.TestValidate(new ConversationContent { Strengths = text }).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("Fine\u0007")]
    [InlineData("Fine\u0000")]
    [InlineData("Fine\u202E")]
    public void Should_reject_hidden_control_characters_in_free_text(string text)
    {
        var result = _validator.TestValidate(new ConversationContent { GoingWell = text });

        result.ShouldHaveValidationErrorFor(c => c.GoingWell)
            .WithErrorMessage("What is going well contains hidden characters we cannot store. Try typing it again rather than pasting it");
    }

    [Fact]
    public void Should_reject_hidden_characters_in_the_safety_plan()
    {
        var result = _validator.TestValidate(new ConversationContent { SafetyPlan = new SafetyPlan { WarningSigns = "Not\u0007sleeping" } });

        result.ShouldHaveValidationErrorFor("SafetyPlan.WarningSigns");
    }

    [Fact]
    public void Should_reject_the_same_life_area_need_twice()
    {
        var result = _validator.TestValidate(new ConversationContent
        {
            Needs = [new DeterminantNeed(DeterminantArea.Housing, "Damp", null), new DeterminantNeed(DeterminantArea.Housing, "Rent", null)],
        });

        result.ShouldHaveValidationErrorFor(c => c.Needs).WithErrorMessage("Each life area appears once");
    }

    [Fact]
    public void Should_reject_ratings_for_a_measure_this_hub_has_not_loaded()
    {
        var result = _validator.TestValidate(new ConversationContent
        {
            OtherMeasures = new Dictionary<string, IReadOnlyDictionary<string, int?>> { ["EXAMPLE"] = new Dictionary<string, int?> { ["first"] = 2 } },
        });

        var error = result.Errors.ShouldHaveSingleItem();
        error.ErrorMessage.ShouldBe("That measure is not available in this hub");
        error.PropertyName.ShouldEndWith("OtherMeasures.EXAMPLE");
    }

    [Fact]
    public void Should_check_ratings_of_a_loaded_measure_against_its_own_items_and_range()
    {
        var example = new MeasureDefinition("EXAMPLE", "Example measure", "Fictional, for tests.",
            [new MeasureItem("first", "First example question", 1, 5)], [new MeasureScale("total", "Total", ["first"], 2m)], IsBuiltIn: false);
        var validator = new ConversationContentValidator(new MeasureRegistry([example]));
        ConversationContent Rated(string item, int? rating) => new()
        {
            OtherMeasures = new Dictionary<string, IReadOnlyDictionary<string, int?>> { ["EXAMPLE"] = new Dictionary<string, int?> { [item] = rating } },
        };

        validator.TestValidate(Rated("first", 5)).ShouldNotHaveAnyValidationErrors();
        validator.TestValidate(Rated("first", null)).ShouldNotHaveAnyValidationErrors();
        validator.TestValidate(Rated("first", 6)).Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Choose a rating from 1 to 5, or leave it not answered");
        validator.TestValidate(Rated("second", 3)).Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("That question is not part of the measure");
    }

    /// <summary>
    /// The conversation form finds the question an error belongs to by its path: "Dialog.{item}"
    /// and "OtherMeasures.{measure}.{item}" (with "Content." in front when the whole save command
    /// is validated). Without it the error shows only in the summary, not next to the question,
    /// and a second DIALOG error is dropped.
    /// </summary>
    [Fact]
    public void Should_name_each_DIALOG_error_by_its_item_so_the_form_can_show_it_next_to_the_question()
    {
        var content = new ConversationContent
        {
            Dialog = new Dictionary<string, RatedAnswer> { ["mental-health"] = new(8, null), ["friendships"] = new(0, null) },
        };

        _validator.TestValidate(content).Errors.Select(e => e.PropertyName)
            .ShouldBe(["Dialog.mental-health", "Dialog.friendships"], ignoreOrder: true);

        var command = new SaveConversation(Guid.NewGuid(), content, Guid.NewGuid(), SaveIntent.Complete);
        new SaveConversationValidator(new MeasureRegistry([])).TestValidate(command).Errors.Select(e => e.PropertyName)
            .ShouldBe(["Content.Dialog.mental-health", "Content.Dialog.friendships"], ignoreOrder: true);
    }

    [Fact]
    public void Should_name_each_error_in_another_measure_by_its_measure_and_item()
    {
        var example = new MeasureDefinition("EXAMPLE", "Example measure", "Fictional, for tests.",
            [new MeasureItem("first", "First example question", 1, 5)], [new MeasureScale("total", "Total", ["first"], 2m)], IsBuiltIn: false);
        var content = new ConversationContent
        {
            OtherMeasures = new Dictionary<string, IReadOnlyDictionary<string, int?>> { ["EXAMPLE"] = new Dictionary<string, int?> { ["first"] = 6 } },
        };

        new ConversationContentValidator(new MeasureRegistry([example])).TestValidate(content).Errors.Select(e => e.PropertyName)
            .ShouldBe(["OtherMeasures.EXAMPLE.first"]);
    }
}
