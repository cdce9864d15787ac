using System.Linq.Expressions;
using Hub.Application.Common;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.PersonalData;

/// <summary>
/// How long records are kept (setting <c>Hub:Retention:YearsAfterLastContact</c>). The NHS Records
/// Management Code of Practice keeps adult mental health records 20 years after the last contact.
/// </summary>
public sealed class RetentionSettings
{
    public int YearsAfterLastContact { get; init; } = 20;

    /// <summary>How many people are destroyed in one transaction, so a large backlog never holds long locks.</summary>
    public int BatchSize { get; init; } = 200;

    // Connect and Do's community records (docs/decisions/042): not health records, kept far shorter.

    /// <summary>A closed request for someone to come along, with its outings' notes and the person's words, is erased this long after it closed.</summary>
    public int ClosedRequestMonths { get; init; } = 24;

    /// <summary>A volunteer who never met anyone and is not approved (never approved, declined, withdrawn, paused) is deleted this long after their last change.</summary>
    public int UnmatchedVolunteerMonths { get; init; } = 12;

    /// <summary>A volunteer who met people and is no longer approved (paused, left) is erased this long after their last change: the safeguarding record of who met whom.</summary>
    public int MatchedVolunteerYears { get; init; } = 6;

    /// <summary>A community space not signed in to for this long is destroyed with its goals, mood check-ins and follows.</summary>
    public int SpaceMonthsWithoutSignIn { get; init; } = 24;

    /// <summary>Spent or expired one-time links, finished sessions and the messages that carried space links are deleted this many days after they ended.</summary>
    public int SpentLinkDays { get; init; } = 7;

    /// <summary>
    /// A safeguarding concern that has been acted on is destroyed this many years after it was acted on
    /// (docs/decisions/054). The organisation's safeguarding policy sets the period: unset, concerns are
    /// kept, and the nightly job says so. A concern not yet acted on is never destroyed.
    /// </summary>
    public int? SafeguardingConcernYears { get; init; }

    /// <summary>Refuses settings no policy could mean (a period of none or fewer days), at start-up rather than at 02:30.</summary>
    public RetentionSettings Checked()
    {
        if (SafeguardingConcernYears is < 1)
        {
            throw new InvalidOperationException("Hub:Retention:SafeguardingConcernYears must be a whole number of years, at least 1, or left unset to keep safeguarding concerns.");
        }
        return this;
    }
}

/// <summary>
/// Who may act on a person's rights under UK GDPR, and what counts as contact for retention. Team
/// leaders answer subject access requests and restrict processing: they may open any record, and a
/// request of this kind needs someone who can see the whole of it.
/// </summary>
public static class PersonalDataRules
{
    /// <summary>
    /// Returns the id of the person behind the referral, or records the refusal and throws
    /// <see cref="ForbiddenAccessException"/> when the caller is not a team leader.
    /// </summary>
    public static async Task<Guid> EnsureTeamLeader(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, Guid referralId, string requestName,
        CancellationToken cancellationToken)
    {
        var personId = await db.Referrals.Where(r => r.Id == referralId).Select(r => (Guid?)r.PersonId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The record");
        if (!user.IsInRole(Roles.TeamLeader))
        {
            audit.Record(AuditAction.Denied, personId, nameof(Person), personId, "Refused: " + requestName);
            await db.SaveChangesAsync(cancellationToken);
            throw new ForbiddenAccessException();
        }
        return personId;
    }

    /// <summary>
    /// True when nothing has happened with the person since <paramref name="cutoff"/>: no referral
    /// received, no spell open or ended, no contact held or tried, no plan change, check-in or note.
    /// An open spell always counts as current contact.
    /// </summary>
    public static Expression<Func<Person, bool>> NoContactSince(IApplicationDbContext db, DateTimeOffset cutoff) => p =>
        p.CreatedAt < cutoff
        && !db.Referrals.Any(r => r.PersonId == p.Id && (r.ReceivedAt >= cutoff || (r.ClosedAt != null && r.ClosedAt >= cutoff)))
        && !db.Spells.Any(s => s.PersonId == p.Id && (s.EndedAt == null || s.EndedAt >= cutoff))
        && !db.Contacts.Any(c => c.At >= cutoff && db.Referrals.Any(r => r.Id == c.ReferralId && r.PersonId == p.Id))
        && !db.ContactAttempts.Any(c => c.At >= cutoff && db.Referrals.Any(r => r.Id == c.ReferralId && r.PersonId == p.Id))
        && !db.SupportPlans.Any(s => s.PersonId == p.Id && s.UpdatedAt >= cutoff)
        && !db.MoodCheckIns.Any(m => m.PersonId == p.Id && m.At >= cutoff)
        && !db.SharedNotes.Any(n => n.PersonId == p.Id && n.At >= cutoff);
}
