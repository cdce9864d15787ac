using Hub.Application.Common.Saving;
using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Conversations;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Staff.StartSupportPlan;

/// <summary>
/// Starts the person's plan for their spell from what they already said (their last conversation,
/// or the plan of their last spell when they have come back), or returns the one already started.
/// </summary>
public sealed record StartSupportPlan(Guid ReferralId) : IRequest<Guid>, IReferralScoped;

public sealed class StartSupportPlanHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<StartSupportPlan, Guid>
{
    public async Task<Guid> Handle(StartSupportPlan request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.ReferralId, cancellationToken) ?? throw new NotFoundException("The referral");
        if (await db.SupportPlans.Where(p => p.SpellId == referral.SpellId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var earlierPlan = await db.SupportPlans.AsNoTracking().Where(p => p.PersonId == referral.PersonId)
            .OrderByDescending(p => p.UpdatedAt).Select(p => p.Content).FirstOrDefaultAsync(cancellationToken);
        var conversation = await db.LatestConversationContent(referral.PersonId, referral.SpellId, cancellationToken, completedOnly: true);
        var drafted = earlierPlan ?? (conversation is null ? PlanContent.Empty : PlanDrafting.FromConversation(conversation, DateOnly.FromDateTime(UkTime.ToLocal(now))));

        var (plan, version) = SupportPlan.StartFromConversation(referral.PersonId, referral.SpellId, drafted, user.Id, now);
        db.SupportPlans.Add(plan);
        db.PlanVersions.Add(version);
        audit.Record(AuditAction.Create, referral.PersonId, nameof(SupportPlan), plan.Id, "Support plan: start");
        if (!await db.TrySaveAsync(cancellationToken, SaveClash.Unique))
        {
            return await db.SupportPlans.Where(p => p.SpellId == referral.SpellId).Select(p => p.Id).FirstAsync(cancellationToken);
        }
        return plan.Id;
    }
}
