namespace Hub.Domain.People;

/// <summary>Why an earlier record may be the same person as a new referral.</summary>
[Flags]
public enum MatchReasons
{
    None = 0,
    SamePhone = 1,
    SameEmail = 2,
    SameNameAndDateOfBirth = 4,
}

/// <summary>
/// Finds earlier records that may be the same person. It only suggests: staff confirm or dismiss,
/// because a wrong-person match would put someone's story in another person's record.
/// </summary>
public static class ReturningPersonMatch
{
    public static MatchReasons Compare(Person incoming, Person known) =>
        Compare(incoming, new MatchKeys(known.Id, known.PhoneKey, known.EmailKey, known.DateOfBirth, known.NameKey));

    /// <summary>Compares with the keys of an earlier record only (what the search reads: never the whole record).</summary>
    public static MatchReasons Compare(Person incoming, MatchKeys known)
    {
        var reasons = MatchReasons.None;
        if (incoming.PhoneKey is not null && incoming.PhoneKey == known.PhoneKey)
        {
            reasons |= MatchReasons.SamePhone;
        }
        if (incoming.EmailKey is not null && incoming.EmailKey == known.EmailKey)
        {
            reasons |= MatchReasons.SameEmail;
        }
        if (incoming.DateOfBirth is not null && incoming.DateOfBirth == known.DateOfBirth && incoming.NameKey is not null && incoming.NameKey == known.NameKey)
        {
            reasons |= MatchReasons.SameNameAndDateOfBirth;
        }
        return reasons;
    }

    public static string Describe(MatchReasons reasons)
    {
        var parts = new List<string>();
        if (reasons.HasFlag(MatchReasons.SamePhone)) parts.Add("same phone number");
        if (reasons.HasFlag(MatchReasons.SameEmail)) parts.Add("same email address");
        if (reasons.HasFlag(MatchReasons.SameNameAndDateOfBirth)) parts.Add("same name and date of birth");
        return parts.Count == 0 ? "no match" : string.Join(", ", parts);
    }
}

/// <summary>The parts of a record that a match is decided on.</summary>
public sealed record MatchKeys(Guid PersonId, string? PhoneKey, string? EmailKey, DateOnly? DateOfBirth, string? NameKey);

/// <summary>A suggested earlier record for a referral, waiting for staff to confirm or dismiss it.</summary>
public sealed class PossibleMatch
{
    private PossibleMatch() { }

    public PossibleMatch(Guid referralId, Guid candidatePersonId, MatchReasons reasons)
    {
        ReferralId = referralId;
        CandidatePersonId = candidatePersonId;
        Reasons = reasons;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; private set; }
    public Guid CandidatePersonId { get; private set; }
    public MatchReasons Reasons { get; private set; }
    public MatchDecision Decision { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }

    public void Decide(MatchDecision decision, Guid userId, DateTimeOffset at)
    {
        if (Decision != MatchDecision.Pending)
        {
            throw new Common.DomainRuleException("This suggested match has already been decided.");
        }
        Decision = decision;
        DecidedAt = at;
        DecidedByUserId = userId;
    }
}

public enum MatchDecision
{
    Pending = 0,
    Confirmed = 1,
    Dismissed = 2,
}
