using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Domain.Audit;
using Hub.Domain.Triage;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Triage.PickUpReferral;

/// <summary>"I'm picking this up": tells the team this member is working on a referral waiting for triage.</summary>
public sealed record PickUpReferral(Guid ReferralId) : IRequest<PickUpResult>, IReferralScoped;

/// <summary>What happened: picked up (or already yours), or someone else holds it (who, since when).</summary>
public abstract record PickUpResult
{
    public sealed record PickedUp : PickUpResult;

    public sealed record HeldBySomeoneElse(string Name, DateTimeOffset Since) : PickUpResult;
}

public sealed class PickUpReferralHandler(IApplicationDbContext db, ICurrentUser user, IStaffDirectory staff, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<PickUpReferral, PickUpResult>
{
    public async Task<PickUpResult> Handle(PickUpReferral request, CancellationToken cancellationToken)
    {
        if (await HolderOtherThanMe(request.ReferralId, cancellationToken) is { } held)
        {
            return held;
        }
        if (await db.TriagePickUps.AnyAsync(p => p.ReferralId == request.ReferralId, cancellationToken))
        {
            return new PickUpResult.PickedUp();
        }

        var referral = await db.LoadForChange(request.ReferralId, cancellationToken);
        var pickUp = TriagePickUp.Of(referral, user.Id, clock.GetUtcNow());
        db.TriagePickUps.Add(pickUp);
        audit.Record(AuditAction.Create, referral.PersonId, nameof(TriagePickUp), pickUp.Id, "Triage: pick up");
        // Two people at once: the unique index on the referral keeps the first; the second is told who.
        if (await db.TrySaveAsync(cancellationToken, SaveClash.Unique))
        {
            return new PickUpResult.PickedUp();
        }
        return (PickUpResult?)await HolderOtherThanMe(request.ReferralId, cancellationToken) ?? new PickUpResult.PickedUp();
    }

    private async Task<PickUpResult.HeldBySomeoneElse?> HolderOtherThanMe(Guid referralId, CancellationToken cancellationToken)
    {
        var held = await db.TriagePickUps.AsNoTracking().Where(p => p.ReferralId == referralId && p.PickedUpByUserId != user.Id)
            .Select(p => new { p.PickedUpByUserId, p.PickedUpAt }).FirstOrDefaultAsync(cancellationToken);
        if (held is null)
        {
            return null;
        }
        var names = await staff.DisplayNames([held.PickedUpByUserId], cancellationToken);
        return new PickUpResult.HeldBySomeoneElse(names.TryGetValue(held.PickedUpByUserId, out var name) ? name : "A former member of staff", held.PickedUpAt);
    }
}
