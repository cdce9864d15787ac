using Hub.Application.Space.Outings;
using Hub.Application.Space.Outings.SayHowMyOutingWent;
using Hub.Application.Volunteering.TellHowItWent;
using Hub.Domain.Volunteering;

namespace Hub.UnitTests.Space;

/// <summary>
/// "How did it go?" has one vocabulary and one set of rules, whether the person answers in their space
/// or through the emailed link sent before it: the same values, answers and words, and the same refusals.
/// </summary>
public sealed class HowItWentAnswerTests
{
    [Fact]
    public void Should_read_each_forms_value_as_one_answer_kept_and_shown_as_it_was_given()
    {
        HowItWentAnswer.Choices.Select(c => c.Value).ShouldBe(["good", "okay", "not-good"]);
        HowItWentAnswer.Choices.Select(c => c.Say).ShouldBe(Enum.GetValues<OutingSay>(), ignoreOrder: true, "every answer the space shows is a choice");
        foreach (var choice in HowItWentAnswer.Choices)
        {
            HowItWentAnswer.Read(choice.Value).ShouldBe(choice.Say);
            HowItWentAnswer.Shown(HowItWentAnswer.Kept(choice.Say)).ShouldBe(choice.Say, "kept and shown again unchanged");
            HowItWentAnswer.WordsFor(choice.Say).ShouldBe(choice.Words);
        }
        Enum.GetValues<HowItWent>().Select(HowItWentAnswer.Shown).ShouldBe(Enum.GetValues<OutingSay>(), ignoreOrder: true, "every kept answer can be shown");
        foreach (var other in new[] { null, "", "Good", "not good", "bad" })
        {
            HowItWentAnswer.Read(other).ShouldBeNull(other ?? "null");
        }
        HowItWentAnswer.WordsFor(null).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null, "Select how it went")]
    [InlineData("bad", null, "Select how it went")]
    [InlineData("okay", null, null)]
    [InlineData("good", "Invented: lovely people", null)]
    public void Should_judge_both_ways_of_saying_how_it_went_alike(string? howItWent, string? words, string? message)
    {
        var inSpace = new SayHowMyOutingWentValidator().Validate(new SayHowMyOutingWent(Guid.NewGuid(), howItWent, words));
        var byLink = new SayHowItWentValidator().Validate(new SayHowItWent(Guid.NewGuid(), howItWent, words));

        inSpace.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ShouldBe(byLink.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
        inSpace.Errors.Select(e => e.ErrorMessage).ShouldBe(message is null ? [] : [message]);
    }

    [Fact]
    public void Should_refuse_words_too_long_alike()
    {
        var words = new string('w', Outing.WordsMaxLength + 1);
        var inSpace = new SayHowMyOutingWentValidator().Validate(new SayHowMyOutingWent(Guid.NewGuid(), "good", words));
        var byLink = new SayHowItWentValidator().Validate(new SayHowItWent(Guid.NewGuid(), "good", words));

        inSpace.IsValid.ShouldBeFalse();
        inSpace.Errors.Select(e => e.ErrorMessage).ShouldBe(byLink.Errors.Select(e => e.ErrorMessage));
        inSpace.Errors.ShouldAllBe(e => e.PropertyName == "Words");
    }
}
