using Hub.Application.Referrals;
using Hub.Domain.People;

namespace Hub.Web.Pages.Refer;

/// <summary>
/// One page of the self-referral: its address (<c>/refer/{Slug}</c>), its heading, the answers it
/// asks for (names of <see cref="SelfReferralAnswers"/> properties), and when it is asked at all.
/// Questions that belong together share a page; everything else has a page of its own.
/// </summary>
public sealed record SelfReferralQuestion(string Slug, string Heading, IReadOnlyList<string> Fields, Func<SelfReferralAnswers, bool>? AskedWhen = null)
{
    public bool IsAskedOf(SelfReferralAnswers answers) => AskedWhen?.Invoke(answers) ?? true;

    public string Path => this == SelfReferralQuestions.First ? "/refer" : $"/refer/{Slug}";
}

/// <summary>The order of the self-referral's question pages, and which page asks each answer.</summary>
public static class SelfReferralQuestions
{
    public static readonly IReadOnlyList<SelfReferralQuestion> All =
    [
        new("contact", "How would you like us to contact you?",
            [nameof(SelfReferralAnswers.ContactMethod), nameof(SelfReferralAnswers.Phone), nameof(SelfReferralAnswers.Email)]),
        new("messages", "Is it safe for us to leave you a message?", [nameof(SelfReferralAnswers.SafeToLeaveMessage)],
            a => SelfReferralAnswersValidator.AsksAboutMessages(a.ContactMethod)),
        new("name", "What should we call you?", [nameof(SelfReferralAnswers.PreferredName)]),
        new("happening", "What has been happening?", [nameof(SelfReferralAnswers.WhatIsHappening)]),
        new("help", "What do you think would help?", [nameof(SelfReferralAnswers.WhatWouldHelp)]),
        new("language", "Which language would you like to use?",
            [nameof(SelfReferralAnswers.PreferredLanguage), nameof(SelfReferralAnswers.InterpreterNeeded)]),
        new("talking", "Is there anything that would make talking easier?", [nameof(SelfReferralAnswers.AccessNeeds)]),
        new("before", "Have you been in touch with us before?",
            [nameof(SelfReferralAnswers.BirthDay), nameof(SelfReferralAnswers.BirthMonth), nameof(SelfReferralAnswers.BirthYear), nameof(SelfReferralAnswers.Postcode)]),
        new("ethnic-group", "What is your ethnic group?", [nameof(SelfReferralAnswers.EthnicCategory)]),
        new("gender", "What is your gender?", [nameof(SelfReferralAnswers.Gender)]),
        new("sexual-orientation", "What is your sexual orientation?", [nameof(SelfReferralAnswers.SexualOrientation)]),
        new("disability", "Do you have a disability or long-term health condition?", [nameof(SelfReferralAnswers.Disability)]),
        new("sharing", "Can we share what you tell us with the partners who help you?", [nameof(SelfReferralAnswers.ConsentToShare)]),
    ];

    public static SelfReferralQuestion First => All[0];

    public static SelfReferralQuestion? Find(string? slug) =>
        string.IsNullOrEmpty(slug) ? First : All.FirstOrDefault(q => string.Equals(q.Slug, slug, StringComparison.Ordinal));

    /// <summary>The page that asks <paramref name="field"/> (for a "Change" link).</summary>
    public static SelfReferralQuestion Asking(string field) => All.First(q => q.Fields.Contains(field));

    public static SelfReferralQuestion? After(SelfReferralQuestion question, SelfReferralAnswers answers) =>
        All.SkipWhile(q => q != question).Skip(1).FirstOrDefault(q => q.IsAskedOf(answers));

    public static SelfReferralQuestion? Before(SelfReferralQuestion question, SelfReferralAnswers answers) =>
        All.TakeWhile(q => q != question).LastOrDefault(q => q.IsAskedOf(answers));

    public static SelfReferralQuestion Last(SelfReferralAnswers answers) => All.Last(q => q.IsAskedOf(answers));

    /// <summary>
    /// The answers with this page's fields taken from <paramref name="posted"/> and every other field
    /// kept; contact details other than the chosen method's, and a message answer no longer asked, are dropped.
    /// </summary>
    public static SelfReferralAnswers Merge(SelfReferralAnswers kept, SelfReferralAnswers posted, SelfReferralQuestion question)
    {
        var merged = kept with { };
        foreach (var field in question.Fields)
        {
            var property = typeof(SelfReferralAnswers).GetProperty(field)!;
            property.SetValue(merged, property.GetValue(posted));
        }
        if (question == First)
        {
            merged = merged with
            {
                Phone = merged.ContactMethod is ContactMethod.Phone or ContactMethod.Text ? merged.Phone : null,
                Email = merged.ContactMethod == ContactMethod.Email ? merged.Email : null,
                SafeToLeaveMessage = SelfReferralAnswersValidator.AsksAboutMessages(merged.ContactMethod) ? merged.SafeToLeaveMessage : null,
            };
        }
        return merged;
    }
}
