using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Domain.Audit;
using Hub.Domain.Triage;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Triage.ReleaseReferral;

/// <summary>Lets go of a picked-up referral so someone else can take it: the holder, or a team leader.</summary>
public sealed record ReleaseReferral(Guid ReferralId) : IRequest<ReleaseResult>, IReferralScoped;

public enum ReleaseResult
{
    Released = 1,

    /// <summary>Nobody held it (already released, perhaps by a team leader): nothing to do.</summary>
    NotPickedUp = 2,

    /// <summary>Someone else holds it and only they or a team leader may let it go.</summary>
    HeldBySomeoneElse = 3,
}

public sealed class ReleaseReferralHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit)
    : IRequestHandler<ReleaseReferral, ReleaseResult>
{
    public async Task<ReleaseResult> Handle(ReleaseReferral request, CancellationToken cancellationToken)
    {
        var pickUp = await db.TriagePickUps.FirstOrDefaultAsync(p => p.ReferralId == request.ReferralId, cancellationToken);
        if (pickUp is null)
        {
            return ReleaseResult.NotPickedUp;
        }
        if (!pickUp.MayBeReleasedBy(user.Id, user.IsInRole(Roles.TeamLeader)))
        {
            return ReleaseResult.HeldBySomeoneElse;
        }
        var personId = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => r.PersonId).FirstAsync(cancellationToken);
        db.TriagePickUps.Remove(pickUp);
        audit.Record(AuditAction.Update, personId, nameof(TriagePickUp), pickUp.Id, "Triage: release pick-up");
        // Released by two at once: the second finds the row gone, which is what they wanted.
        return await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency) ? ReleaseResult.Released : ReleaseResult.NotPickedUp;
    }
}
