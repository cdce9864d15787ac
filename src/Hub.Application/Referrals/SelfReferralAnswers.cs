using Hub.Domain.People;

namespace Hub.Application.Referrals;

/// <summary>
/// What a person typed into the self-referral form, exactly as posted. Only a way back in touch is
/// needed (or the choice to call us); everything else is optional, and nothing asks whether the
/// person is "ill enough".
/// </summary>
public sealed record SelfReferralAnswers
{
    public string? PreferredName { get; init; }
    public ContactMethod? ContactMethod { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }

    /// <summary>"yes" or "no"; asked when we would phone, text or email.</summary>
    public string? SafeToLeaveMessage { get; init; }

    public string? BirthDay { get; init; }
    public string? BirthMonth { get; init; }
    public string? BirthYear { get; init; }
    public string? Postcode { get; init; }

    public string? WhatIsHappening { get; init; }
    public string? WhatWouldHelp { get; init; }

    public string? PreferredLanguage { get; init; }

    /// <summary>"yes" or "no".</summary>
    public string? InterpreterNeeded { get; init; }

    public string? AccessNeeds { get; init; }

    public string? EthnicCategory { get; init; }
    public string? Gender { get; init; }
    public string? SexualOrientation { get; init; }
    public string? Disability { get; init; }

    /// <summary>"yes", "no", or not answered (treated as no until we ask).</summary>
    public string? ConsentToShare { get; init; }

    public const int LongTextLimit = 4000;
    public const int ShortTextLimit = 100;
    public const int AccessNeedsLimit = 1000;
}
