using Hub.Domain.Common;

namespace Hub.Domain.Contacts;

public enum MeetingStatus
{
    Planned = 1,
    Recorded = 2,
    Cancelled = 3,
}

/// <summary>
/// An Open Dialogue network meeting: the person, members of their care team and people from their
/// network, planned together. Once held it is recorded as one contact listing everyone who came.
/// </summary>
public sealed class NetworkMeeting
{
    public const int MaxNetworkInvitees = 20;

    /// <summary>The person is reminded once, from this long before the meeting.</summary>
    public static readonly TimeSpan RemindBefore = TimeSpan.FromHours(24);

    private NetworkMeeting() { }

    public NetworkMeeting(Guid spellId, Guid personId, DateTimeOffset at, ContactMedium medium, ContactPlace place,
        IEnumerable<Guid> staffInvitees, IEnumerable<string> networkInvitees, string? purpose, Guid plannedBy, DateTimeOffset now)
    {
        if (at < now.AddDays(-30))
        {
            throw new DomainRuleException("A meeting is planned for today or later; record one already held as a contact.");
        }
        SpellId = spellId;
        PersonId = personId;
        At = at;
        Medium = medium;
        Place = place;
        StaffInvitees = staffInvitees.Distinct().ToList();
        NetworkInvitees = networkInvitees.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (NetworkInvitees.Count > MaxNetworkInvitees)
        {
            throw new DomainRuleException($"Invite at most {MaxNetworkInvitees} people from the network.");
        }
        Purpose = TextRules.Clean(purpose);
        PlannedByUserId = plannedBy;
        PlannedAt = now;
        Status = MeetingStatus.Planned;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SpellId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ContactMedium Medium { get; private set; }
    public ContactPlace Place { get; private set; }
    public List<Guid> StaffInvitees { get; private set; } = [];
    public List<string> NetworkInvitees { get; private set; } = [];
    public string? Purpose { get; private set; }
    public Guid PlannedByUserId { get; private set; }
    public DateTimeOffset PlannedAt { get; private set; }
    public MeetingStatus Status { get; private set; }

    /// <summary>The contact the meeting became once recorded.</summary>
    public Guid? ContactId { get; private set; }

    /// <summary>When the person's reminder was queued (or found impossible by their choices); null until then.</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>A planned meeting within <see cref="RemindBefore"/> that has not had its reminder: one per meeting, never after it started.</summary>
    public bool ReminderDue(DateTimeOffset now) =>
        Status == MeetingStatus.Planned && ReminderSentAt is null && At > now && At - now <= RemindBefore;

    public void MarkReminded(DateTimeOffset now)
    {
        if (!ReminderDue(now))
        {
            throw new DomainRuleException("This meeting's reminder is not due.");
        }
        ReminderSentAt = now;
    }

    internal void MarkRecorded(Guid contactId)
    {
        if (Status != MeetingStatus.Planned)
        {
            throw new DomainRuleException("This meeting has already been recorded or cancelled.");
        }
        ContactId = contactId;
        Status = MeetingStatus.Recorded;
    }

    public void Cancel()
    {
        if (Status != MeetingStatus.Planned)
        {
            throw new DomainRuleException("This meeting has already been recorded or cancelled.");
        }
        Status = MeetingStatus.Cancelled;
    }
}
