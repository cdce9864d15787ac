namespace Hub.Domain.Referrals;

/// <summary>Who made the referral. Each maps to an MHSDS SourceOfReferralMH code.</summary>
public enum ReferralSource
{
    Self = 1,
    CarerOrFamily = 2,
    GeneralPractice = 3,
    OtherHealthService = 4,
    VoluntarySector = 5,
    Other = 6,
}

public static class ReferralSourceCodes
{
    /// <summary>The MHSDS SourceOfReferralMH code for a source.</summary>
    public static string MhsdsCode(this ReferralSource source) => source switch
    {
        ReferralSource.Self => "B1",
        ReferralSource.CarerOrFamily => "B2",
        ReferralSource.GeneralPractice => "A1",
        ReferralSource.OtherHealthService => "A3",
        ReferralSource.VoluntarySector => "F2",
        ReferralSource.Other => "Q1",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static string Describe(this ReferralSource source) => source switch
    {
        ReferralSource.Self => "Self",
        ReferralSource.CarerOrFamily => "Carer or family",
        ReferralSource.GeneralPractice => "GP practice",
        ReferralSource.OtherHealthService => "Other health service",
        ReferralSource.VoluntarySector => "Voluntary sector",
        ReferralSource.Other => "Other",
        _ => source.ToString(),
    };
}
