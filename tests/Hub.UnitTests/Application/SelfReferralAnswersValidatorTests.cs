using FluentValidation.TestHelper;
using Hub.Application.Referrals;
using Hub.Domain.People;

namespace Hub.UnitTests.Application;

public sealed class SelfReferralAnswersValidatorTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly SelfReferralAnswersValidator _validator = new(Clock);

    [Fact]
    public void Should_need_nothing_but_the_choice_to_call_us()
    {
        _validator.TestValidate(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Should_ask_how_to_get_in_touch_and_nothing_about_eligibility()
    {
        var result = _validator.TestValidate(new SelfReferralAnswers());

        result.Errors.Select(e => e.ErrorMessage).ShouldBe(["Select how you would like us to get in touch"]);
    }

    [Fact]
    public void Should_need_a_number_and_whether_a_message_is_safe_when_we_are_to_phone()
    {
        var result = _validator.TestValidate(new SelfReferralAnswers { ContactMethod = ContactMethod.Phone });

        result.ShouldHaveValidationErrorFor(a => a.Phone);
        result.ShouldHaveValidationErrorFor(a => a.SafeToLeaveMessage);
    }

    [Theory]
    [InlineData("31", "2", "1990")]
    [InlineData("1", "1", "2027")]
    [InlineData("x", "1", "1990")]
    [InlineData("1", "", "")]
    public void Should_reject_a_date_of_birth_that_is_not_a_real_past_date(string day, string month, string year)
    {
        var result = _validator.TestValidate(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, BirthDay = day, BirthMonth = month, BirthYear = year });

        result.ShouldHaveValidationErrorFor(a => a.BirthDay);
    }

    [Fact]
    public void Should_refuse_more_than_four_thousand_characters_of_their_story()
    {
        var result = _validator.TestValidate(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, WhatIsHappening = new string('a', 4001) });

        result.ShouldHaveValidationErrorFor(a => a.WhatIsHappening).WithErrorMessage("What has been happening must be 4,000 characters or fewer");
    }

    [Fact]
    public void Should_refuse_text_that_is_short_to_read_but_too_long_to_store()
    {
        var family = "\U0001F469\u200D\U0001F469\u200D\U0001F467"; // one emoji a person sees, eight code units stored
        var result = _validator.TestValidate(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, PreferredName = string.Concat(Enumerable.Repeat(family, 100)) });

        result.ShouldHaveValidationErrorFor(a => a.PreferredName);
    }

    [Fact]
    public void Should_refuse_answers_that_were_not_offered()
    {
        var result = _validator.TestValidate(new SelfReferralAnswers { ContactMethod = (ContactMethod)99, EthnicCategory = "Z", Gender = "robot", ConsentToShare = "maybe" });

        result.ShouldHaveValidationErrorFor(a => a.ContactMethod);
        result.ShouldHaveValidationErrorFor(a => a.EthnicCategory);
        result.ShouldHaveValidationErrorFor(a => a.Gender);
        result.ShouldHaveValidationErrorFor(a => a.ConsentToShare);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
