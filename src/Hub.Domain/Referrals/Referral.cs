using Hub.Domain.Common;
using Hub.Domain.Contacts;
using Hub.Domain.People;
using Hub.Domain.Spells;
using Hub.Domain.Triage;

namespace Hub.Domain.Referrals;

/// <summary>
/// A request for help arriving at the front door. It keeps the person's own words as they wrote
/// them and guards its own lifecycle: awaiting triage, open, closed.
/// </summary>
public sealed class Referral : Entity
{
    private Referral()
    {
        Reference = string.Empty;
        WhatIsHappening = string.Empty;
    }

    private Referral(string reference, Guid personId, Guid spellId, ReferralSource source, DateTimeOffset receivedAt,
        string whatIsHappening, string? whatWouldHelp, bool consentToShare, Guid? formToken)
    {
        Reference = reference;
        PersonId = personId;
        SpellId = spellId;
        Source = source;
        ReceivedAt = receivedAt;
        WhatIsHappening = whatIsHappening;
        WhatWouldHelp = whatWouldHelp;
        ConsentToShare = consentToShare;
        FormToken = formToken;
        Status = ReferralStatus.AwaitingTriage;
    }

    /// <summary>A self-referral from the public form. The form token makes a repeated submit harmless.</summary>
    public static Referral SelfReferral(string reference, Person person, ReferralSpell spell, DateTimeOffset receivedAt,
        string whatIsHappening, string? whatWouldHelp, bool consentToShare, Guid formToken)
    {
        if (spell.PersonId != person.Id)
        {
            throw new DomainRuleException("A referral must join a spell of the same person.");
        }
        return new Referral(reference, person.Id, spell.Id, ReferralSource.Self, receivedAt, whatIsHappening, whatWouldHelp, consentToShare, formToken);
    }

    public string Reference { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid SpellId { get; private set; }
    public ReferralSource Source { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string WhatIsHappening { get; private set; }
    public string? WhatWouldHelp { get; private set; }
    public bool ConsentToShare { get; private set; }

    /// <summary>The one-time token of the form that created it (unique), so a double submit stores one referral.</summary>
    public Guid? FormToken { get; private set; }

    public ReferralStatus Status { get; private set; }
    public TriageOutcome? Outcome { get; private set; }
    public string? OutcomeNote { get; private set; }
    public DateTimeOffset? OutcomeAt { get; private set; }
    public Guid? OutcomeByUserId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Set once staff have decided about any suggested earlier record for this person.</summary>
    public bool MatchReviewed { get; private set; }

    /// <summary>Optimistic concurrency token, changed on every update.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsClosed => Status == ReferralStatus.Closed;

    /// <summary>Creates the attempt for the caller to store; contacts are kept in their own set, not loaded with the referral.</summary>
    public ContactAttempt RecordAttempt(DateTimeOffset at, AttemptMethod method, AttemptResult result, string? note, Guid staffUserId, DateTimeOffset now)
    {
        EnsureNotInFuture(at, now);
        var attempt = new ContactAttempt(Id, at, method, result, note, staffUserId);
        Touch();
        return attempt;
    }

    public Contact RecordContact(DateTimeOffset at, ContactMedium medium, ContactPlace place, bool attended, int? durationMinutes, string? note, Guid staffUserId, DateTimeOffset now)
    {
        if (attended)
        {
            EnsureNotInFuture(at, now);
        }
        var contact = new Contact(Id, at, medium, place, attended, durationMinutes, note, staffUserId, now);
        Touch();
        return contact;
    }

    /// <summary>Records a network meeting that was held (or that the person did not come to) as one contact with every attendee.</summary>
    public Contact RecordMeeting(NetworkMeeting meeting, bool personAttended, int? durationMinutes, IEnumerable<Guid> staffAttendees, IEnumerable<string> networkAttendees,
        string? note, Guid staffUserId, DateTimeOffset now)
    {
        if (meeting.SpellId != SpellId)
        {
            throw new DomainRuleException("The meeting belongs to another spell.");
        }
        var held = personAttended || staffAttendees.Any();
        if (held)
        {
            EnsureNotInFuture(meeting.At, now);
        }
        var contact = Contact.ForMeeting(Id, meeting.At, meeting.Medium, meeting.Place, personAttended, durationMinutes, note, staffUserId, now, staffAttendees, networkAttendees);
        meeting.MarkRecorded(contact.Id);
        Touch();
        return contact;
    }

    /// <summary>
    /// Records what triage decided. An outcome can be revised while the referral is open; a closed
    /// referral stays closed (a new referral brings the person back, joining the same spell).
    /// </summary>
    public void RecordOutcome(TriageOutcome outcome, string? note, Guid staffUserId, DateTimeOffset now)
    {
        if (IsClosed)
        {
            throw new DomainRuleException("This referral is already closed. If the person needs the hub again, a new referral joins their spell.");
        }

        Outcome = outcome;
        OutcomeNote = note;
        OutcomeAt = now;
        OutcomeByUserId = staffUserId;
        if (outcome.ClosesReferral())
        {
            Status = ReferralStatus.Closed;
            ClosedAt = now;
        }
        else
        {
            Status = ReferralStatus.Open;
        }
        Touch();
    }

    /// <summary>Closes the referral because its whole spell is being closed (easy out).</summary>
    public void CloseWithSpell(Guid staffUserId, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return;
        }
        Status = ReferralStatus.Closed;
        ClosedAt = now;
        OutcomeByUserId ??= staffUserId;
        Touch();
    }

    /// <summary>Staff confirmed this referral came from someone already known: it moves to their record and spell.</summary>
    public void MoveToConfirmedPerson(Person person, ReferralSpell spell)
    {
        if (spell.PersonId != person.Id)
        {
            throw new DomainRuleException("A referral must join a spell of the same person.");
        }
        PersonId = person.Id;
        SpellId = spell.Id;
        MatchReviewed = true;
        Touch();
    }

    public void MarkMatchReviewed()
    {
        MatchReviewed = true;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();

    private static void EnsureNotInFuture(DateTimeOffset at, DateTimeOffset now)
    {
        if (at > now.AddMinutes(5))
        {
            throw new DomainRuleException("That time is in the future.");
        }
    }
}
