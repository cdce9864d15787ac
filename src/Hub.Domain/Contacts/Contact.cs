using Hub.Domain.Common;

namespace Hub.Domain.Contacts;

public enum ContactKind
{
    /// <summary>The person and one or more workers.</summary>
    Individual = 1,
    /// <summary>An Open Dialogue network meeting: the person, their care team and people from their network.</summary>
    NetworkMeeting = 2,
}

/// <summary>
/// A contact that was arranged with the person: it either took place (attended) or did not. With
/// its medium, place and duration it gives the MHSDS care contact picture.
/// </summary>
public sealed class Contact
{
    public const int MaxDurationMinutes = 12 * 60;

    private Contact() { }

    internal Contact(Guid referralId, DateTimeOffset at, ContactMedium medium, ContactPlace place, bool attended, int? durationMinutes, string? note, Guid staffUserId, DateTimeOffset recordedAt)
    {
        // A contact that did not take place has no length; one that did lasts 1 minute to 12 hours.
        if (attended && durationMinutes is < 1 or > MaxDurationMinutes)
        {
            throw new DomainRuleException("A contact lasts between 1 minute and 12 hours.");
        }
        ReferralId = referralId;
        At = at;
        Medium = medium;
        Place = place;
        Attended = attended;
        DurationMinutes = attended ? durationMinutes : null;
        Note = note;
        StaffUserId = staffUserId;
        RecordedAt = recordedAt;
        Kind = ContactKind.Individual;
    }

    /// <summary>A network meeting that took place or did not, with everyone who came.</summary>
    internal static Contact ForMeeting(Guid referralId, DateTimeOffset at, ContactMedium medium, ContactPlace place, bool personAttended, int? durationMinutes,
        string? note, Guid staffUserId, DateTimeOffset recordedAt, IEnumerable<Guid> staffAttendees, IEnumerable<string> networkAttendees) =>
        new(referralId, at, medium, place, personAttended, durationMinutes, note, staffUserId, recordedAt)
        {
            Kind = ContactKind.NetworkMeeting,
            StaffAttendees = staffAttendees.Distinct().ToList(),
            NetworkAttendees = networkAttendees.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        };

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ContactMedium Medium { get; private set; }
    public ContactPlace Place { get; private set; }
    public bool Attended { get; private set; }

    /// <summary>How long it lasted, for a contact that took place.</summary>
    public int? DurationMinutes { get; private set; }

    public string? Note { get; private set; }
    public Guid StaffUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public ContactKind Kind { get; private set; }

    /// <summary>Members of staff who took part (a network meeting); the recorder alone otherwise.</summary>
    public List<Guid> StaffAttendees { get; private set; } = [];

    /// <summary>People from the person's network who took part, by the name the person uses for them.</summary>
    public List<string> NetworkAttendees { get; private set; } = [];
}

/// <summary>An attempt to reach the person that did not become a conversation.</summary>
public sealed class ContactAttempt
{
    private ContactAttempt() { }

    internal ContactAttempt(Guid referralId, DateTimeOffset at, AttemptMethod method, AttemptResult result, string? note, Guid staffUserId)
    {
        ReferralId = referralId;
        At = at;
        Method = method;
        Result = result;
        Note = note;
        StaffUserId = staffUserId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public AttemptMethod Method { get; private set; }
    public AttemptResult Result { get; private set; }
    public string? Note { get; private set; }
    public Guid StaffUserId { get; private set; }
}
