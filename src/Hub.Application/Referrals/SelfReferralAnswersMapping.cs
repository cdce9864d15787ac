using Hub.Domain.Common;
using Hub.Domain.People;

namespace Hub.Application.Referrals;

/// <summary>Turns validated answers into domain values, and into the rows a person checks before sending.</summary>
public static class SelfReferralAnswersMapping
{
    public static Person ToPerson(this SelfReferralAnswers a, DateTimeOffset now)
    {
        var method = a.ContactMethod ?? ContactMethod.TheyWillCallUs;
        var contact = new ContactDetails(method, TextRules.Clean(a.Phone), TextRules.Clean(a.Email), YesNo(a.SafeToLeaveMessage));
        var communication = new CommunicationNeeds(TextRules.Clean(a.PreferredLanguage), YesNo(a.InterpreterNeeded), TextRules.Clean(a.AccessNeeds));
        var equality = new EqualityMonitoring(a.EthnicCategory, a.Gender, a.SexualOrientation, a.Disability);
        var postcode = TextRules.Clean(a.Postcode)?.ToUpperInvariant();
        return new Person(TextRules.Clean(a.PreferredName), SelfReferralAnswersValidator.ParseDateOfBirth(a), postcode, contact, communication, equality, now);
    }

    public static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    /// <summary>One row of the check-your-answers list; <paramref name="Field"/> is the form field to change it.</summary>
    public sealed record AnswerRow(string Question, string Answer, string Field);

    public static IReadOnlyList<AnswerRow> ToRows(this SelfReferralAnswers a)
    {
        const string notGiven = "Not given";
        var contactAnswer = a.ContactMethod switch
        {
            ContactMethod.Phone => $"Phone call: {TextRules.Clean(a.Phone)}",
            ContactMethod.Text => $"Text message: {TextRules.Clean(a.Phone)}",
            ContactMethod.Email => $"Email: {TextRules.Clean(a.Email)}",
            ContactMethod.TheyWillCallUs => "I would rather call you",
            _ => notGiven,
        };
        // In the order the question pages ask them.
        var rows = new List<AnswerRow> { new("How to get in touch", contactAnswer, nameof(a.ContactMethod)) };
        if (SelfReferralAnswersValidator.AsksAboutMessages(a.ContactMethod))
        {
            rows.Add(new("Safe to leave a message", YesNo(a.SafeToLeaveMessage) switch { true => "Yes", false => "No", null => notGiven }, nameof(a.SafeToLeaveMessage)));
        }
        if (a.ContactMethod != ContactMethod.Email && !string.IsNullOrWhiteSpace(a.Email))
        {
            rows.Add(new("Email", TextRules.Clean(a.Email)!, nameof(a.Email)));
        }
        rows.Add(new("Name we should use", TextRules.Clean(a.PreferredName) ?? notGiven, nameof(a.PreferredName)));
        rows.Add(new("What has been happening", TextRules.Clean(a.WhatIsHappening) ?? "You can tell us when we talk", nameof(a.WhatIsHappening)));
        rows.Add(new("What would help", TextRules.Clean(a.WhatWouldHelp) ?? "You can tell us when we talk", nameof(a.WhatWouldHelp)));
        rows.Add(new("Language", TextRules.Clean(a.PreferredLanguage) ?? notGiven, nameof(a.PreferredLanguage)));
        rows.Add(new("Interpreter", YesNo(a.InterpreterNeeded) switch { true => "Yes, please", false => "No", null => notGiven }, nameof(a.InterpreterNeeded)));
        rows.Add(new("What would make talking easier", TextRules.Clean(a.AccessNeeds) ?? notGiven, nameof(a.AccessNeeds)));
        var dob = SelfReferralAnswersValidator.ParseDateOfBirth(a);
        rows.Add(new("Date of birth", dob?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? notGiven, nameof(a.BirthDay)));
        rows.Add(new("Postcode", TextRules.Clean(a.Postcode)?.ToUpperInvariant() ?? notGiven, nameof(a.Postcode)));
        rows.Add(new("Ethnic group", EthnicCategories.Describe(a.EthnicCategory), nameof(a.EthnicCategory)));
        rows.Add(new("Gender", EqualityOptions.Describe(EqualityOptions.Gender, a.Gender), nameof(a.Gender)));
        rows.Add(new("Sexual orientation", EqualityOptions.Describe(EqualityOptions.SexualOrientation, a.SexualOrientation), nameof(a.SexualOrientation)));
        rows.Add(new("Disability or long-term condition", EqualityOptions.Describe(EqualityOptions.Disability, a.Disability), nameof(a.Disability)));
        rows.Add(new("Share with the partnership", YesNo(a.ConsentToShare) switch
        {
            true => "Yes",
            false => "No, only the hub team",
            null => "Not answered: we will ask you when we talk",
        }, nameof(a.ConsentToShare)));
        return rows;
    }
}
