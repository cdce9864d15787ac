using Hub.Application.Referrals;
using Hub.Domain.People;

namespace Hub.IntegrationTests.Referrals;

/// <summary>A self-referral's answers with only the keys a match is decided on (phone, email, name and date of birth), as a test chooses them.</summary>
internal static class KeyedAnswers
{
    public static SelfReferralAnswers With(string? phone = null, string? email = null, string? name = null, DateOnly? born = null, string words = "Checking what a send stores.") => new()
    {
        ContactMethod = email is not null ? ContactMethod.Email : phone is not null ? ContactMethod.Phone : ContactMethod.TheyWillCallUs,
        Phone = phone,
        Email = email,
        PreferredName = name,
        BirthDay = born?.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BirthMonth = born?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BirthYear = born?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SafeToLeaveMessage = "yes",
        WhatIsHappening = words,
    };
}
