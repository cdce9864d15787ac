using Hub.Domain.Common;

namespace Hub.Domain.CareTeams;

public enum HandoffStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
    Withdrawn = 4,
}

/// <summary>
/// Work offered to a member of staff, with a note so the person does not have to tell their story
/// again. The receiver accepts (and joins the care team) or declines with a reason; a decline goes
/// back to the allocation queue where everyone can see it, never silently.
/// </summary>
public sealed class Handoff : Entity
{
    public const int NoteMaxLength = 4000;

    private Handoff()
    {
        Note = string.Empty;
    }

    public Handoff(Guid spellId, Guid personId, Guid fromUserId, Guid toMemberId, CareTeamRole role, string note, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("A handoff needs a note for the person receiving it.");
        }
        SpellId = spellId;
        PersonId = personId;
        FromUserId = fromUserId;
        ToMemberId = toMemberId;
        Role = role;
        Note = note.Trim();
        CreatedAt = at;
        Status = HandoffStatus.Pending;
    }

    public Guid SpellId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid FromUserId { get; private set; }
    public Guid ToMemberId { get; private set; }

    /// <summary>Whether the receiver is asked to lead or to be involved.</summary>
    public CareTeamRole Role { get; private set; }

    public string Note { get; private set; }
    public HandoffStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public string? DeclineReason { get; private set; }

    /// <summary>Set when a declined handoff has been dealt with (offered to someone else), so it leaves the queue.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>Optimistic concurrency token: an accept and a withdraw cannot both win.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsPending => Status == HandoffStatus.Pending;

    public void Accept(Guid byUserId, DateTimeOffset at)
    {
        EnsurePending();
        if (byUserId != ToMemberId)
        {
            throw new DomainRuleException("Only the person it was offered to can accept a handoff.");
        }
        Decide(HandoffStatus.Accepted, byUserId, at);
    }

    public void Decline(Guid byUserId, string reason, DateTimeOffset at)
    {
        EnsurePending();
        if (byUserId != ToMemberId)
        {
            throw new DomainRuleException("Only the person it was offered to can decline a handoff.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why, so whoever picks it up next knows.");
        }
        DeclineReason = reason.Trim();
        Decide(HandoffStatus.Declined, byUserId, at);
    }

    /// <summary>The sender or a team leader takes back an offer nobody has answered (for example when reallocating).</summary>
    public void Withdraw(Guid byUserId, DateTimeOffset at)
    {
        EnsurePending();
        Decide(HandoffStatus.Withdrawn, byUserId, at);
        ResolvedAt = at;
    }

    /// <summary>A declined handoff leaves the queue once the work has been offered again.</summary>
    public void MarkResolved(DateTimeOffset at)
    {
        if (Status == HandoffStatus.Declined && ResolvedAt is null)
        {
            ResolvedAt = at;
            Version = Guid.NewGuid();
        }
    }

    private void Decide(HandoffStatus status, Guid byUserId, DateTimeOffset at)
    {
        Status = status;
        DecidedByUserId = byUserId;
        DecidedAt = at;
        Version = Guid.NewGuid();
    }

    private void EnsurePending()
    {
        if (Status != HandoffStatus.Pending)
        {
            throw new DomainRuleException("This handoff has already been answered.");
        }
    }
}
