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

    /// <summary>Triaged since the page was opened (a pick-up ends with the triage): nothing to pick up.</summary>
    public sealed record AlreadyTriaged : PickUpResult;
}

public sealed class PickUpReferralHandler(IApplicationDbContext db, ICurrentUser user, IStaffDirectory staff, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<PickUpReferral, PickUpResult>
{
    public async Task<PickUpResult> Handle(PickUpReferral request, CancellationToken cancellationToken)
    {
        // One read decides: already mine, someone else's, or free. (Two reads could straddle another's save.)
        if (await HolderOf(request.ReferralId, cancellationToken) is { } holder)
        {
            return holder;
        }

        var referral = await db.LoadForChange(request.ReferralId, cancellationToken);
        if (TriagePickUp.Of(referral, user.Id, clock.GetUtcNow()) is not { } pickUp)
        {
            return new PickUpResult.AlreadyTriaged();
        }
        db.TriagePickUps.Add(pickUp);
        audit.Record(AuditAction.Create, referral.PersonId, nameof(TriagePickUp), pickUp.Id, "Triage: pick up");
        // Two people at once: the unique index on the referral keeps the first; the second is told who.
        if (await db.TrySaveAsync(cancellationToken, SaveClash.Unique))
        {
            return new PickUpResult.PickedUp();
        }
        return await HolderOf(request.ReferralId, cancellationToken)
            ?? throw new InvalidOperationException("A pick-up was refused as a duplicate, yet none is stored.");
    }

    /// <summary>Who holds the referral now: this member (picked up), someone else (who, since when), or nobody (null).</summary>
    private async Task<PickUpResult?> HolderOf(Guid referralId, CancellationToken cancellationToken)
    {
        var held = await db.TriagePickUps.AsNoTracking().Where(p => p.ReferralId == referralId)
            .Select(p => new { p.PickedUpByUserId, p.PickedUpAt }).FirstOrDefaultAsync(cancellationToken);
        if (held is null)
        {
            return null;
        }
        if (held.PickedUpByUserId == user.Id)
        {
            return new PickUpResult.PickedUp();
        }
        var names = await staff.DisplayNames([held.PickedUpByUserId], cancellationToken);
        return new PickUpResult.HeldBySomeoneElse(names.TryGetValue(held.PickedUpByUserId, out var name) ? name : "A former member of staff", held.PickedUpAt);
    }
}
