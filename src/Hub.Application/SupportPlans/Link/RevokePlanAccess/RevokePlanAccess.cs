using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link.RevokePlanAccess;

/// <summary>Staff end the person's access: unused links stop working and signed-in sessions end at once.</summary>
public sealed record RevokePlanAccess(Guid ReferralId) : IRequest<int>, IReferralScoped;

public sealed class RevokePlanAccessHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock) : IRequestHandler<RevokePlanAccess, int>
{
    public async Task<int> Handle(RevokePlanAccess request, CancellationToken cancellationToken)
    {
        var personId = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => r.PersonId).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var links = await db.PlanAccessLinks.Where(l => l.PersonId == personId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(cancellationToken);
        links.ForEach(l => l.Revoke(now));
        var sessions = await db.PersonSessions.Where(s => s.PersonId == personId && s.EndedAt == null).ToListAsync(cancellationToken);
        sessions.ForEach(s => s.End(now));
        audit.Record(AuditAction.Update, personId, nameof(PersonSession), personId, "Support plan: revoke access");
        await db.SaveChangesAsync(cancellationToken);
        return links.Count + sessions.Count;
    }
}
