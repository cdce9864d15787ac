using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Hub.Application.Common.Validation;
using Hub.Domain.People;

namespace Hub.Application.Referrals;

/// <summary>
/// Server-side rules for the self-referral form. Messages follow the NHS.UK style: say what to do,
/// not what went wrong.
/// </summary>
public sealed partial class SelfReferralAnswersValidator : AbstractValidator<SelfReferralAnswers>
{
    public SelfReferralAnswersValidator(TimeProvider clock)
    {
        RuleFor(a => a.PreferredName).SafeText("Your name", SelfReferralAnswers.ShortTextLimit, multiline: false);

        RuleFor(a => a.ContactMethod)
            .NotNull().WithMessage("Select how you would like us to get in touch")
            .IsInEnum().WithMessage("Select how you would like us to get in touch");

        RuleFor(a => a.Phone)
            .NotEmpty().WithMessage("Enter a phone number, like 07700 900 982")
            .When(a => a.ContactMethod is ContactMethod.Phone or ContactMethod.Text);
        RuleFor(a => a.Phone)
            .Must(p => p!.Length <= 30 && ContactDetails.IsPlausiblePhone(p)).WithMessage("Enter a phone number, like 07700 900 982 or +44 7700 900 982")
            .When(a => !string.IsNullOrWhiteSpace(a.Phone));

        RuleFor(a => a.Email)
            .NotEmpty().WithMessage("Enter an email address, like name@example.com")
            .When(a => a.ContactMethod == ContactMethod.Email);
        RuleFor(a => a.Email)
            .DeliverableEmail()
            .When(a => !string.IsNullOrWhiteSpace(a.Email));

        RuleFor(a => a.SafeToLeaveMessage)
            .NotEmpty().WithMessage("Select yes if it is safe for us to leave a message")
            .When(a => a.ContactMethod is ContactMethod.Phone or ContactMethod.Text);
        RuleFor(a => a.SafeToLeaveMessage).Must(BeYesOrNo).WithMessage("Select yes or no").When(a => a.SafeToLeaveMessage is not null);

        RuleFor(a => a.BirthDay)
            .Must((a, _) => ParseDateOfBirth(a) is not null)
            .WithMessage("Date of birth must be a real date, like 31 3 1980. You can leave it blank")
            .When(HasAnyDateOfBirthPart);
        RuleFor(a => a.BirthDay)
            .Must((a, _) => ParseDateOfBirth(a) is { } date && date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) && date.Year >= 1900)
            .WithMessage("Date of birth must be in the past. You can leave it blank")
            .When(a => HasAnyDateOfBirthPart(a) && ParseDateOfBirth(a) is not null);

        RuleFor(a => a.Postcode)
            .Must(p => p!.Length <= 10 && UkPostcode().IsMatch(p.Trim()))
            .WithMessage("Enter a real postcode, like SE11 5QY. You can leave it blank")
            .When(a => !string.IsNullOrWhiteSpace(a.Postcode));

        RuleFor(a => a.WhatIsHappening).SafeText("What has been happening", SelfReferralAnswers.LongTextLimit, multiline: true);
        RuleFor(a => a.WhatWouldHelp).SafeText("What would help", SelfReferralAnswers.LongTextLimit, multiline: true);
        RuleFor(a => a.PreferredLanguage).SafeText("Language", SelfReferralAnswers.ShortTextLimit, multiline: false);
        RuleFor(a => a.AccessNeeds).SafeText("What would make talking easier", SelfReferralAnswers.AccessNeedsLimit, multiline: true);
        RuleFor(a => a.InterpreterNeeded).Must(BeYesOrNo).WithMessage("Select yes if you would like an interpreter").When(a => a.InterpreterNeeded is not null);

        RuleFor(a => a.EthnicCategory)
            .Must(c => c == EqualityMonitoring.PreferNotToSay || EthnicCategories.IsKnown(c!))
            .WithMessage("Select your ethnic group from the list, or prefer not to say").When(a => a.EthnicCategory is not null);
        RuleFor(a => a.Gender).Must(g => EqualityOptions.IsOffered(EqualityOptions.Gender, g!))
            .WithMessage("Select your gender from the list, or prefer not to say").When(a => a.Gender is not null);
        RuleFor(a => a.SexualOrientation).Must(g => EqualityOptions.IsOffered(EqualityOptions.SexualOrientation, g!))
            .WithMessage("Select your sexual orientation from the list, or prefer not to say").When(a => a.SexualOrientation is not null);
        RuleFor(a => a.Disability).Must(g => EqualityOptions.IsOffered(EqualityOptions.Disability, g!))
            .WithMessage("Select yes, no or prefer not to say").When(a => a.Disability is not null);

        RuleFor(a => a.ConsentToShare).Must(BeYesOrNo).WithMessage("Select yes or no").When(a => a.ConsentToShare is not null);
    }

    private static bool HasAnyDateOfBirthPart(SelfReferralAnswers a) =>
        !string.IsNullOrWhiteSpace(a.BirthDay) || !string.IsNullOrWhiteSpace(a.BirthMonth) || !string.IsNullOrWhiteSpace(a.BirthYear);

    /// <summary>
    /// We would leave a voicemail, a text or an email: the person is asked whether that is safe. An
    /// answer is needed before we phone or text; by email, no answer means no confirmation is sent.
    /// </summary>
    public static bool AsksAboutMessages(ContactMethod? method) => method is ContactMethod.Phone or ContactMethod.Text or ContactMethod.Email;

    private static bool BeYesOrNo(string? value) => value is "yes" or "no";

    public static DateOnly? ParseDateOfBirth(SelfReferralAnswers a)
    {
        if (int.TryParse(a.BirthDay, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(a.BirthMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(a.BirthYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")]
    private static partial Regex UkPostcode();
}
