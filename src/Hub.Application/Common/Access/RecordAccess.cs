using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Common.Access;

/// <summary>
/// Who may open a person's record. Team leaders may open any. A practitioner may while the person is
/// at the front door (a referral awaiting triage, or an open spell with no lead worker yet: the
/// shared triage and allocation work), and otherwise only with a legitimate relationship: they are
/// or were on the person's care team, have been offered work with them, or have themselves triaged,
/// met or held a conversation with them. A refusal is audited.
/// </summary>
public sealed class RecordAccess(IApplicationDbContext db, ICurrentUser user, AuditTrail audit)
{
    public async Task<bool> CanOpen(Guid personId, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.TeamLeader))
        {
            return true;
        }
        if (!user.IsInRole(Roles.Practitioner) || user.UserId is not { } me)
        {
            return false;
        }
        // One round trip: at the front door, or any part in the person's care, past or present. A record
        // joined to an earlier one since the request looked it up is judged as the record it joined.
        return await db.People.Where(p => p.Id == personId || p.Id == db.People.Where(m => m.Id == personId).Select(m => m.MergedIntoPersonId).FirstOrDefault())
            .Select(p =>
                db.Referrals.Any(r => r.PersonId == p.Id && (r.Status == ReferralStatus.AwaitingTriage || r.OutcomeByUserId == me))
                || db.Spells.Any(s => s.PersonId == p.Id && s.EndedAt == null
                    && !db.CareTeamMembers.Any(m => m.SpellId == s.Id && m.LeftAt == null && m.Role == CareTeamRole.Lead))
                || db.CareTeamMembers.Any(m => m.PersonId == p.Id && m.MemberId == me)
                || db.Handoffs.Any(h => h.PersonId == p.Id && h.ToMemberId == me && h.Status == HandoffStatus.Pending)
                || db.Conversations.Any(c => c.PersonId == p.Id && c.StartedByUserId == me)
                || db.Contacts.Any(c => c.StaffUserId == me && db.Referrals.Any(r => r.Id == c.ReferralId && r.PersonId == p.Id)))
            .AnyAsync(may => may, cancellationToken);
    }

    /// <summary>Throws <see cref="ForbiddenAccessException"/> after recording the refusal, unless the caller may open the record.</summary>
    public async Task Ensure(Guid personId, string recordType, Guid recordId, string requestName, CancellationToken cancellationToken)
    {
        if (await CanOpen(personId, cancellationToken))
        {
            return;
        }
        audit.Record(AuditAction.Denied, personId, recordType, recordId, "Refused: " + requestName);
        await db.SaveChangesAsync(cancellationToken);
        throw new ForbiddenAccessException();
    }
}
