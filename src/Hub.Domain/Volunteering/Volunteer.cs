using Hub.Domain.Common;

namespace Hub.Domain.Volunteering;

/// <summary>The level of a Disclosure and Barring Service check. Only its type and date are kept, never the certificate or its number.</summary>
public enum DbsCheckType
{
    Basic = 1,
    Standard = 2,
    Enhanced = 3,
    EnhancedWithAdultsBarredList = 4,
}

public enum VolunteerStatus
{
    /// <summary>Registered through the public form; the coordinator has not approved them.</summary>
    Applied = 1,

    /// <summary>Approved with every check recorded; can be matched while the checks are in date.</summary>
    Active = 2,

    /// <summary>Paused by the coordinator: matched to nobody until resumed.</summary>
    Paused = 3,

    /// <summary>Not taken on, or left.</summary>
    Stopped = 4,
}

/// <summary>
/// The checks a coordinator records about a volunteer: only which check and when, never a
/// certificate, its number or what it disclosed (docs/decisions/039). A volunteer is vetted on a
/// day when an enhanced DBS check, references and training are all recorded on or before that day
/// and the review is not yet due.
/// </summary>
public sealed record VolunteerChecks(DbsCheckType? DbsType, DateOnly? DbsCheckedOn, DateOnly? ReferencesReceivedOn, DateOnly? TrainingCompletedOn, DateOnly? ReviewDueOn)
{
    /// <summary>How soon a review counts as falling due on the coordinator's list.</summary>
    public const int DueSoonDays = 30;

    public static readonly VolunteerChecks None = new(null, null, null, null, null);

    /// <summary>What is missing or out of date on <paramref name="today"/>, in words for the coordinator; empty when vetted.</summary>
    public IReadOnlyList<string> Gaps(DateOnly today)
    {
        var gaps = new List<string>();
        if (DbsType is null || DbsCheckedOn is null)
        {
            gaps.Add("no DBS check recorded");
        }
        else if (DbsType is not (DbsCheckType.Enhanced or DbsCheckType.EnhancedWithAdultsBarredList))
        {
            gaps.Add("the DBS check is not an enhanced check");
        }
        else if (DbsCheckedOn > today)
        {
            gaps.Add("the DBS check date is in the future");
        }
        if (ReferencesReceivedOn is null || ReferencesReceivedOn > today)
        {
            gaps.Add("references not received");
        }
        if (TrainingCompletedOn is null || TrainingCompletedOn > today)
        {
            gaps.Add("training not completed");
        }
        if (ReviewDueOn is null)
        {
            gaps.Add("no review date");
        }
        else if (ReviewDueOn < today)
        {
            gaps.Add("the review is overdue");
        }
        return gaps;
    }

    public bool AreCompleteOn(DateOnly today) => Gaps(today).Count == 0;

    public bool ReviewOverdueOn(DateOnly today) => ReviewDueOn is { } due && due < today;

    /// <summary>The review falls due within <see cref="DueSoonDays"/> days (or is overdue).</summary>
    public bool ReviewDueSoonOn(DateOnly today) => ReviewDueOn is { } due && due <= today.AddDays(DueSoonDays);
}

/// <summary>
/// A volunteer supporter: someone who goes along with a person to a group the first few times.
/// They register through a public form; a coordinator records their checks, approves them, may
/// pause them, and invites them to an account of their own.
/// </summary>
public sealed class Volunteer : Entity
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 1000;

    private Volunteer()
    {
        FirstName = LastName = Email = Availability = string.Empty;
        Checks = VolunteerChecks.None;
    }

    private Volunteer(string firstName, string lastName, string email, string? mobile, string availability, string? aboutMe, string? area, Guid formToken, DateTimeOffset at)
    {
        FirstName = firstName;
        LastName = lastName;
        Email = email;
        Mobile = mobile;
        Availability = availability;
        AboutMe = aboutMe;
        Area = area;
        FormToken = formToken;
        RegisteredAt = at;
        Status = VolunteerStatus.Applied;
        Checks = VolunteerChecks.None;
    }

    /// <summary>Someone offers to volunteer. The form token makes a double submit one registration.</summary>
    public static Volunteer Register(string firstName, string lastName, string email, string? mobile, string availability, string? aboutMe, string? area, Guid formToken, DateTimeOffset at) =>
        new(Require(firstName, "a first name"), Require(lastName, "a last name"), Require(email, "an email address"), TextRules.Clean(mobile),
            Require(availability, "when they are free"), TextRules.Clean(aboutMe), TextRules.Clean(area), formToken, at);

    public string FirstName { get; private set; }
    public string LastName { get; private set; }
    public string Email { get; private set; }
    public string? Mobile { get; private set; }

    /// <summary>When they are usually free, in their words (such as "weekday evenings").</summary>
    public string Availability { get; private set; }
    public string? AboutMe { get; private set; }
    public string? Area { get; private set; }
    public Guid FormToken { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public VolunteerStatus Status { get; private set; }
    public VolunteerChecks Checks { get; private set; }
    public DateTimeOffset? ChecksRecordedAt { get; private set; }
    public Guid? ChecksRecordedBy { get; private set; }
    public string? PauseReason { get; private set; }
    public DateTimeOffset? StatusChangedAt { get; private set; }

    /// <summary>
    /// When retention cleared who they are and their check dates, keeping only the id that past
    /// matches and outings point to (docs/decisions/042).
    /// </summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Their sign-in account, once the coordinator has invited them.</summary>
    public Guid? UserId { get; private set; }
    public DateTimeOffset? InvitedAt { get; private set; }

    /// <summary>Moves on with every change, so two coordinators cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public string DisplayName => $"{FirstName} {LastName}";

    /// <summary>Whether a request can be matched to them on <paramref name="today"/>: approved, not paused, every check in date.</summary>
    public bool CanBeMatchedOn(DateOnly today) => Status == VolunteerStatus.Active && Checks.AreCompleteOn(today);

    /// <summary>The coordinator records the checks as they stand (status and dates only).</summary>
    public void RecordChecks(VolunteerChecks checks, Guid by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(checks);
        Checks = checks;
        ChecksRecordedAt = at;
        ChecksRecordedBy = by;
        Version++;
    }

    /// <summary>The coordinator approves a volunteer whose checks are complete (or resumes a paused one).</summary>
    public void Approve(DateOnly today, DateTimeOffset at)
    {
        if (Status == VolunteerStatus.Active)
        {
            throw new DomainRuleException("This volunteer is already approved.");
        }
        if (Checks.Gaps(today) is { Count: > 0 } gaps)
        {
            throw new DomainRuleException($"Record every check first: {string.Join(", ", gaps)}.");
        }
        Status = VolunteerStatus.Active;
        PauseReason = null;
        StatusChangedAt = at;
        Version++;
    }

    /// <summary>
    /// The coordinator pauses a volunteer (a concern, a lapsed check, their own request). Their
    /// matches go back to the queue: the caller ends each with <see cref="SupportRequest.ReturnToQueue"/>.
    /// </summary>
    public void Pause(string reason, DateTimeOffset at)
    {
        if (Status is not (VolunteerStatus.Active or VolunteerStatus.Applied))
        {
            throw new DomainRuleException("Only an approved or new volunteer can be paused.");
        }
        Status = VolunteerStatus.Paused;
        PauseReason = Require(reason, "the reason for pausing");
        StatusChangedAt = at;
        Version++;
    }

    /// <summary>How long an invitation to set a password lasts.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// Links the sign-in account the coordinator made for them and issues a pending invitation to set
    /// its password: the email that carries it mints the token when it is sent (<see cref="MintInvitation"/>),
    /// so no usable token waits in the outbox (docs/decisions/030, 042). Until then the stored hash is
    /// of random bytes nobody holds. Only an approved volunteer gets one; inviting again replaces the
    /// earlier invitation, whose message is then not sent.
    /// </summary>
    /// <returns>The invitation's id, which the message carries instead of a token.</returns>
    public Guid Invite(Guid userId, DateTimeOffset at)
    {
        if (Status != VolunteerStatus.Active)
        {
            throw new DomainRuleException("Only an approved volunteer can be invited to an account.");
        }
        if (UserId is { } existing && existing != userId)
        {
            throw new DomainRuleException("This volunteer already has another account.");
        }
        UserId = userId;
        InvitedAt = at;
        InvitationId = Guid.CreateVersion7();
        InvitationHash = OneTimeToken.Hash(OneTimeToken.New());
        InvitationExpiresAt = at + InvitationLifetime;
        Version++;
        return InvitationId.Value;
    }

    /// <summary>
    /// Makes the invitation's token as its email goes: a new one each time (a retried send replaces the
    /// hash), lasting <see cref="InvitationLifetime"/> from now. Null when <paramref name="invitationId"/>
    /// is not the current invitation (a newer one replaced it), it was accepted, or the volunteer is no
    /// longer approved. Not a change the coordinator makes, so the version stays.
    /// </summary>
    public string? MintInvitation(Guid invitationId, DateTimeOffset at)
    {
        if (InvitationId != invitationId || InvitationHash is null || Status != VolunteerStatus.Active)
        {
            return null;
        }
        var token = OneTimeToken.New();
        InvitationHash = OneTimeToken.Hash(token);
        InvitationExpiresAt = at + InvitationLifetime;
        return token;
    }

    /// <summary>The current invitation, named in the message that carries it; a new invitation gets a new id.</summary>
    public Guid? InvitationId { get; private set; }
    public string? InvitationHash { get; private set; }
    public DateTimeOffset? InvitationExpiresAt { get; private set; }

    /// <summary>Whether <paramref name="token"/> is this volunteer's invitation, unspent and in date.</summary>
    public bool InvitationWorks(string token, DateTimeOffset at) =>
        InvitationHash is not null && at < InvitationExpiresAt && InvitationHash == OneTimeToken.Hash(token) && Status == VolunteerStatus.Active;

    /// <summary>Spends the invitation once the password is set.</summary>
    public void InvitationAccepted()
    {
        InvitationHash = null;
        InvitationExpiresAt = null;
        Version++;
    }

    /// <summary>
    /// Retention (docs/decisions/042): clears who they were, how to reach them, what they wrote, their
    /// check dates and their invitation, keeping the id that past matches and outings point to; where
    /// their name was shown it reads "Former volunteer". Only a volunteer who is not approved is erased; the caller removes their
    /// sign-in account first. Erasing twice changes nothing.
    /// </summary>
    public const string ErasedFirstName = "Former";
    public const string ErasedLastName = "volunteer";

    public void Erase(DateTimeOffset at)
    {
        if (Status == VolunteerStatus.Active)
        {
            throw new DomainRuleException("An approved volunteer is not erased.");
        }
        if (ErasedAt is not null)
        {
            return;
        }
        (FirstName, LastName) = (ErasedFirstName, ErasedLastName);
        Email = Availability = string.Empty;
        Mobile = AboutMe = Area = PauseReason = null;
        Status = VolunteerStatus.Stopped; // off the coordinator's list of volunteers
        Checks = VolunteerChecks.None;
        ChecksRecordedBy = null;
        UserId = null;
        InvitationId = null;
        InvitationHash = null;
        InvitationExpiresAt = null;
        ErasedAt = at;
        Version++;
    }

    private static string Require(string? value, string what) =>
        TextRules.Clean(value) ?? throw new DomainRuleException($"A volunteer needs {what}.");
}
