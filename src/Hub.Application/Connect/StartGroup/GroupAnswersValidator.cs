using FluentValidation;
using Hub.Application.Common.Validation;
using Hub.Domain.Common;
using Hub.Domain.CommunityOffers;
using Hub.Domain.People;

namespace Hub.Application.Connect.StartGroup;

/// <summary>The rules of the group form, with messages in the NHS.UK style: what to do, next to the field.</summary>
public sealed class GroupAnswersValidator : AbstractValidator<GroupAnswers>
{
    public GroupAnswersValidator()
    {
        Required(a => a.Name, "Enter the name of the group", "The name", GroupAnswers.ShortText);
        Required(a => a.RunBy, "Enter who runs the group, such as your name or your organisation", "Who runs it", GroupAnswers.ShortText);
        Required(a => a.WhatHappens, "Say what happens at the group", "What happens", GroupAnswers.LongText, multiline: true);
        RuleFor(a => a.WhoFor).SafeText("Who it is for", GroupAnswers.LongText, multiline: true);
        RuleFor(a => a.Day).Must(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) && Enum.IsDefined(day) && d!.Length < 12 && char.IsLetter(d[0]))
            .WithMessage("Select the day the group meets");
        RuleFor(a => a.Opens).Must(t => GroupAnswers.ParseTime(t) is not null).WithMessage("Enter the time it starts, like 18:30 or 6:30pm");
        RuleFor(a => a.Closes).Must(t => GroupAnswers.ParseTime(t) is not null).WithMessage("Enter the time it finishes, like 20:00 or 8pm");
        RuleFor(a => a.Closes).Must((a, t) => GroupAnswers.ParseTime(t) > GroupAnswers.ParseTime(a.Opens))
            .WithMessage("The finishing time must be after the starting time")
            .When(a => GroupAnswers.ParseTime(a.Opens) is not null && GroupAnswers.ParseTime(a.Closes) is not null);
        RuleFor(a => a.ScheduleNote).SafeText("Anything else about when", GroupAnswers.ShortText, multiline: false);
        Required(a => a.Area, "Select the area", "The area", CommunityOffer.AreaMaxLength);
        RuleFor(a => a.Neighbourhood).SafeText("The neighbourhood", GroupAnswers.ShortText, multiline: false);
        Required(a => a.Place, "Enter where the group meets, such as the name of the building", "Where it meets", GroupAnswers.ShortText);
        RuleFor(a => a.Postcode).Must(p => TextRules.Clean(p) is not { } c || (c.Length <= CommunityOffer.PostcodeMaxLength && PostcodeShape(c)))
            .WithMessage("Enter a full postcode, like LS1 4AP");
        RuleFor(a => a.Cost).Must(c => c is "free" or "paid").WithMessage("Select whether it is free");
        RuleFor(a => a.CostNote).NotEmpty().WithMessage("Say what it costs, like £2 a session").When(a => a.Cost == "paid");
        RuleFor(a => a.CostNote).SafeText("What it costs", GroupAnswers.ShortText, multiline: false);
        Required(a => a.HowToJoin, "Say how to join, such as \"just turn up\"", "How to join", GroupAnswers.LongText, multiline: true);
        RuleFor(a => a.BringSomeone).Must(b => b is "yes" or "no").WithMessage("Select yes if people can bring someone with them the first time");
        RuleFor(a => a.PeerLed).Must(b => b is "yes" or "no").WithMessage("Select yes if it is run by people with lived experience");
        RuleFor(a => a.Interests).Must(list => list.Count <= 20 && list.All(i => IsOne<OfferInterest>(i))).WithMessage("Select what the group is about from the list");
        RuleFor(a => a.Access).Must(list => list.Count <= 20 && list.All(i => IsOne<OfferAccess>(i))).WithMessage("Select access from the list");
        RuleFor(a => a.PublicPhone).Must(p => p!.Length <= 30 && ContactDetails.IsPlausiblePhone(p)).WithMessage("Enter a phone number, like 020 7946 0000")
            .When(a => !string.IsNullOrWhiteSpace(a.PublicPhone));
        RuleFor(a => a.PublicEmail).Must(IsEmail).WithMessage("Enter an email address in the correct format, like name@example.com")
            .When(a => !string.IsNullOrWhiteSpace(a.PublicEmail));
        RuleFor(a => a.Website).Must(w => w!.Length <= 300 && Uri.TryCreate(w.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
            .WithMessage("Enter a website address starting with https://").When(a => !string.IsNullOrWhiteSpace(a.Website));
        RuleFor(a => a.OrganiserEmail).NotEmpty().WithMessage("Enter your email address, so we can tell you when the group is listed");
        RuleFor(a => a.OrganiserEmail).Must(IsEmail).WithMessage("Enter an email address in the correct format, like name@example.com")
            .When(a => !string.IsNullOrWhiteSpace(a.OrganiserEmail));
    }

    private void Required(System.Linq.Expressions.Expression<Func<GroupAnswers, string?>> field, string missing, string name, int max, bool multiline = false)
    {
        RuleFor(field).Must(v => TextRules.Clean(v) is not null).WithMessage(missing);
        RuleFor(field).SafeText(name, max, multiline);
    }

    private static bool IsEmail(string? e) => e is not null && e.Length <= 254 && ContactDetails.IsPlausibleEmail(e) && !TextRules.HasForbiddenCharacters(e, false);

    private static bool PostcodeShape(string p) => System.Text.RegularExpressions.Regex.IsMatch(p, "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$");

    // A repeated field can bind an empty value as null: that is not a choice either.
    private static bool IsOne<T>(string? value) where T : struct, Enum =>
        value is { Length: > 0 and < 40 } && char.IsLetter(value[0]) && Enum.TryParse<T>(value, ignoreCase: true, out var v) && Enum.IsDefined(v) && Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0;
}
