using Hub.Domain.Common;

namespace Hub.Domain.People;

/// <summary>
/// Someone known to the hub. Created from their first referral; a later referral that looks like
/// the same person is only ever joined to this record by a member of staff confirming the match.
/// </summary>
public sealed class Person : Entity
{
    private Person()
    {
        Contact = new ContactDetails(ContactMethod.TheyWillCallUs, null, null, null);
        Communication = CommunicationNeeds.None;
        Equality = EqualityMonitoring.NotGiven;
    }

    public Person(string? preferredName, DateOnly? dateOfBirth, string? postcode, ContactDetails contact,
        CommunicationNeeds communication, EqualityMonitoring equality, DateTimeOffset createdAt)
    {
        PreferredName = preferredName;
        DateOfBirth = dateOfBirth;
        Postcode = postcode;
        Contact = contact;
        Communication = communication;
        Equality = equality;
        CreatedAt = createdAt;
        RefreshMatchKeys();
    }

    /// <summary>The name the person wants to be called, if they gave one.</summary>
    public string? PreferredName { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public string? Postcode { get; private set; }
    public ContactDetails Contact { get; private set; }
    public CommunicationNeeds Communication { get; private set; }
    public EqualityMonitoring Equality { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The neighbourhood the person lives in, as the partnership names them; used for routing and equity figures.</summary>
    public string? Neighbourhood { get; private set; }

    /// <summary>What the person asked for in who supports them (a peer worker, a worker's gender, days and times).</summary>
    public SupportPreferences Preferences { get; private set; } = SupportPreferences.None;

    public void SetNeighbourhood(string? neighbourhood) => Neighbourhood = TextRules.Clean(neighbourhood);

    public void SetPreferences(SupportPreferences preferences) => Preferences = preferences;

    public void SetPreferredLanguage(string? language) => Communication = Communication with { PreferredLanguage = TextRules.Clean(language) };

    /// <summary>
    /// Set while processing is restricted (UK GDPR article 18: the person contests what we hold, or
    /// objects): the record is kept and can be read, but nothing about the person may be changed,
    /// sent or counted until a team leader lifts the restriction.
    /// </summary>
    public DateTimeOffset? RestrictedAt { get; private set; }
    public Guid? RestrictedByUserId { get; private set; }

    /// <summary>Why processing is restricted, in the words of the team leader who recorded it.</summary>
    public string? RestrictionReason { get; private set; }

    public bool IsRestricted => RestrictedAt is not null;

    public void RestrictProcessing(DateTimeOffset at, Guid byUserId, string reason)
    {
        if (IsRestricted)
        {
            throw new DomainRuleException("Processing is already restricted for this person.");
        }
        var cleaned = TextRules.Clean(reason);
        if (string.IsNullOrEmpty(cleaned))
        {
            throw new DomainRuleException("Say why processing is restricted.");
        }
        (RestrictedAt, RestrictedByUserId, RestrictionReason) = (at, byUserId, cleaned);
    }

    public void LiftRestriction()
    {
        if (!IsRestricted)
        {
            throw new DomainRuleException("Processing is not restricted for this person.");
        }
        (RestrictedAt, RestrictedByUserId, RestrictionReason) = (null, null, null);
    }

    /// <summary>Set when staff confirmed this record was the same person as another; it is then read-only.</summary>
    public Guid? MergedIntoPersonId { get; private set; }

    /// <summary>Normalised phone digits, for finding returning people; never shown.</summary>
    public string? PhoneKey { get; private set; }

    /// <summary>Normalised email, for finding returning people; never shown.</summary>
    public string? EmailKey { get; private set; }

    /// <summary>Lower-case name with spaces folded, for matching with date of birth.</summary>
    public string? NameKey { get; private set; }

    public static string? MakeNameKey(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Takes the newer details a returning person gave with a new referral, keeping what they did
    /// not repeat.
    /// </summary>
    public void UpdateFromReturningReferral(Person provisional)
    {
        PreferredName = provisional.PreferredName ?? PreferredName;
        DateOfBirth = provisional.DateOfBirth ?? DateOfBirth;
        Postcode = provisional.Postcode ?? Postcode;
        Contact = provisional.Contact;
        Communication = provisional.Communication.Any ? provisional.Communication : Communication;
        Equality = new EqualityMonitoring(
            provisional.Equality.EthnicCategory ?? Equality.EthnicCategory,
            provisional.Equality.Gender ?? Equality.Gender,
            provisional.Equality.SexualOrientation ?? Equality.SexualOrientation,
            provisional.Equality.Disability ?? Equality.Disability);
        RefreshMatchKeys();
    }

    public void MarkMergedInto(Person survivor)
    {
        if (survivor.Id == Id)
        {
            throw new DomainRuleException("A person cannot be merged into themselves.");
        }
        MergedIntoPersonId = survivor.Id;
    }

    private void RefreshMatchKeys()
    {
        PhoneKey = ContactDetails.NormalisePhone(Contact.Phone);
        EmailKey = ContactDetails.NormaliseEmail(Contact.Email);
        NameKey = MakeNameKey(PreferredName);
    }
}
