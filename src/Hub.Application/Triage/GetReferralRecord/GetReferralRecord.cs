using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Spells.GetSpellClock;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.Domain.Conversations;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.Domain.Triage;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Triage.GetReferralRecord;

/// <summary>Everything triage needs about one referral and its person. Opening it is audited.</summary>
public sealed record GetReferralRecord(Guid ReferralId) : IRequest<ReferralRecord>, IReferralScoped;

public sealed record ReferralRecord(
    Guid ReferralId,
    string Reference,
    ReferralStatus Status,
    ReferralSource Source,
    DateTimeOffset ReceivedAt,
    int DaysWaiting,
    DateTimeOffset SpellStartedAt,
    string WhatIsHappening,
    string? WhatWouldHelp,
    bool ConsentToShare,
    TriageOutcome? Outcome,
    string? OutcomeNote,
    DateTimeOffset? OutcomeAt,
    Guid Version,
    PersonSummary Person,
    IReadOnlyList<PossibleMatchRow> PossibleMatches,
    IReadOnlyList<AttemptRow> Attempts,
    IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<EarlierReferralRow> EarlierReferrals,
    IReadOnlyList<ConversationRow> Conversations,
    CareSummary Care,
    SpellClockSummary Clock,
    GetTriageQueue.PickUpLine? PickedUp = null,
    DateOnly? FirstContactDueBy = null,
    bool FirstContactOverdue = false);

public sealed record ConversationRow(Guid ConversationId, ConversationKind Kind, ConversationStatus Status, int VersionNumber, DateTimeOffset UpdatedAt, bool InThisSpell);

/// <summary>The spell's care: open or closed (and why), whether it follows an earlier spell, its care team and what it has agreed.</summary>
public sealed record CareSummary(bool SpellOpen, SpellClosureReason? ClosureReason, string? ClosureNote, bool FollowsEarlierSpell,
    IReadOnlyList<CareTeamLine> Team, IReadOnlyList<string> AgreedOffers, int PlannedMeetings);

public sealed record CareTeamLine(string Name, CareTeamRole Role, bool Pending);

public sealed record PersonSummary(Guid PersonId, string? PreferredName, DateOnly? DateOfBirth, string? Postcode, ContactDetails Contact,
    CommunicationNeeds Communication, EqualityMonitoring Equality, bool ProcessingRestricted);

public sealed record PossibleMatchRow(Guid MatchId, Guid CandidatePersonId, string? CandidateName, DateOnly? CandidateDateOfBirth,
    DateTimeOffset? CandidateLastReferral, int CandidateReferralCount, MatchReasons Reasons);

public sealed record AttemptRow(DateTimeOffset At, AttemptMethod Method, AttemptResult Result, string? Note, string StaffName);

public sealed record ContactRow(DateTimeOffset At, ContactMedium Medium, ContactPlace Place, bool Attended, int? DurationMinutes, ContactKind Kind,
    IReadOnlyList<string> Attendees, string? Note, string StaffName);

public sealed record EarlierReferralRow(Guid ReferralId, string Reference, DateTimeOffset ReceivedAt, ReferralStatus Status, TriageOutcome? Outcome);

public sealed class GetReferralRecordHandler(IApplicationDbContext db, IStaffDirectory staff, ICurrentUser user, UkWorkingDays workingDays, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<GetReferralRecord, ReferralRecord>
{
    public async Task<ReferralRecord> Handle(GetReferralRecord request, CancellationToken cancellationToken)
    {
        var found = await db.Referrals.AsNoTracking()
            .Where(r => r.Id == request.ReferralId)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { Referral = r, Person = p })
            .Join(db.Spells, x => x.Referral.SpellId, s => s.Id, (x, s) => new { x.Referral, x.Person, SpellStartedAt = s.StartedAt, Spell = s })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The referral");
        var (referral, person) = (found.Referral, found.Person);

        var attempts = await db.ContactAttempts.AsNoTracking().Where(a => a.ReferralId == referral.Id).OrderBy(a => a.At).ToListAsync(cancellationToken);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.ReferralId == referral.Id).OrderBy(c => c.At).ToListAsync(cancellationToken);

        var matches = await db.PossibleMatches.AsNoTracking()
            .Where(m => m.ReferralId == referral.Id && m.Decision == MatchDecision.Pending)
            .Join(db.People, m => m.CandidatePersonId, p => p.Id, (m, p) => new PossibleMatchRow(
                m.Id, p.Id, p.PreferredName, p.DateOfBirth,
                db.Referrals.Where(r => r.PersonId == p.Id).Max(r => (DateTimeOffset?)r.ReceivedAt),
                db.Referrals.Count(r => r.PersonId == p.Id),
                m.Reasons))
            .ToListAsync(cancellationToken);

        var earlier = await db.Referrals.AsNoTracking()
            .Where(r => r.PersonId == person.Id && r.Id != referral.Id)
            .OrderByDescending(r => r.ReceivedAt)
            .Take(20)
            .Select(r => new EarlierReferralRow(r.Id, r.Reference, r.ReceivedAt, r.Status, r.Outcome))
            .ToListAsync(cancellationToken);

        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.PersonId == person.Id)
            .OrderByDescending(c => c.StartedAt)
            .Take(20)
            .Select(c => new ConversationRow(c.Id, c.Kind, c.Status, c.VersionNumber, c.UpdatedAt, c.SpellId == referral.SpellId))
            .ToListAsync(cancellationToken);

        var team = await db.CareTeamMembers.AsNoTracking().Where(m => m.SpellId == referral.SpellId && m.LeftAt == null)
            .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).Select(m => new { m.MemberId, m.Role }).ToListAsync(cancellationToken);
        var pending = await db.Handoffs.AsNoTracking().Where(h => h.SpellId == referral.SpellId && h.Status == HandoffStatus.Pending)
            .OrderBy(h => h.CreatedAt).Select(h => new { h.ToMemberId, h.Role }).ToListAsync(cancellationToken);
        var agreed = await db.CommunityLinks.AsNoTracking().Where(l => l.SpellId == referral.SpellId)
            .Join(db.CommunityOffers, l => l.OfferId, o => o.Id, (l, o) => o.Name).ToListAsync(cancellationToken);
        var planned = await db.NetworkMeetings.CountAsync(m => m.SpellId == referral.SpellId && m.Status == MeetingStatus.Planned, cancellationToken);
        var pickUp = await db.TriagePickUps.AsNoTracking().Where(p => p.ReferralId == referral.Id)
            .Select(p => new { p.PickedUpByUserId, p.PickedUpAt }).FirstOrDefaultAsync(cancellationToken);

        var names = await staff.DisplayNames(attempts.Select(a => a.StaffUserId).Concat(contacts.SelectMany(c => c.StaffAttendees.Append(c.StaffUserId)))
            .Concat(team.Select(t => t.MemberId)).Concat(pending.Select(p => p.ToMemberId))
            .Concat(pickUp is null ? [] : [pickUp.PickedUpByUserId]), cancellationToken);
        string NameOf(Guid id) => names.TryGetValue(id, out var n) ? n : "A former member of staff";

        audit.Record(AuditAction.View, person.Id, nameof(Referral), referral.Id, "Triage: referral record");
        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow();
        return new ReferralRecord(referral.Id, referral.Reference, referral.Status, referral.Source, referral.ReceivedAt,
            UkTime.DaysBetween(found.SpellStartedAt, referral.ClosedAt ?? now), found.SpellStartedAt,
            referral.WhatIsHappening, referral.WhatWouldHelp, referral.ConsentToShare, referral.Outcome, referral.OutcomeNote, referral.OutcomeAt, referral.Version,
            new PersonSummary(person.Id, person.PreferredName, person.DateOfBirth, person.Postcode, person.Contact, person.Communication, person.Equality, person.IsRestricted),
            matches,
            attempts.Select(a => new AttemptRow(a.At, a.Method, a.Result, a.Note, NameOf(a.StaffUserId))).ToList(),
            contacts.Select(c => new ContactRow(c.At, c.Medium, c.Place, c.Attended, c.DurationMinutes, c.Kind,
                (c.Attended ? ["the person"] : Array.Empty<string>()).Concat(c.StaffAttendees.Select(NameOf)).Concat(c.NetworkAttendees).ToList(),
                c.Note, NameOf(c.StaffUserId))).ToList(),
            earlier,
            conversations,
            new CareSummary(found.Spell.IsOpen, found.Spell.ClosureReason, found.Spell.ClosureNote, found.Spell.PreviousSpellId is not null,
                team.Select(t => new CareTeamLine(NameOf(t.MemberId), t.Role, false)).Concat(pending.Select(p => new CareTeamLine(NameOf(p.ToMemberId), p.Role, true))).ToList(),
                agreed, planned),
            SpellClockSummary.Of(found.Spell, now),
            pickUp is null ? null : new GetTriageQueue.PickUpLine(pickUp.PickedUpByUserId, NameOf(pickUp.PickedUpByUserId), pickUp.PickedUpAt, pickUp.PickedUpByUserId == user.UserId),
            referral.Status == ReferralStatus.AwaitingTriage ? workingDays.FirstContactDueBy(referral.ReceivedAt) : null,
            referral.Status == ReferralStatus.AwaitingTriage && !contacts.Any(c => c.Attended) && workingDays.IsFirstContactOverdue(referral.ReceivedAt, now));
    }
}
