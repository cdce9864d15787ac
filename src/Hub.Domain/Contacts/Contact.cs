namespace Hub.Domain.Contacts;

/// <summary>A contact that was arranged with the person: it either took place (attended) or did not.</summary>
public sealed class Contact
{
    private Contact() { }

    internal Contact(Guid referralId, DateTimeOffset at, ContactMedium medium, ContactPlace place, bool attended, string? note, Guid staffUserId, DateTimeOffset recordedAt)
    {
        ReferralId = referralId;
        At = at;
        Medium = medium;
        Place = place;
        Attended = attended;
        Note = note;
        StaffUserId = staffUserId;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ContactMedium Medium { get; private set; }
    public ContactPlace Place { get; private set; }
    public bool Attended { get; private set; }
    public string? Note { get; private set; }
    public Guid StaffUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
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
