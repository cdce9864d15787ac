using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MyPlan.AgreeMyPlan;

/// <summary>The person agrees their plan: an agreed plan stops the four-week clock's third condition.</summary>
public sealed record AgreeMyPlan(Guid PlanId) : IRequest<Unit>;

public sealed class AgreeMyPlanHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<AgreeMyPlan, Unit>
{
    public async Task<Unit> Handle(AgreeMyPlan request, CancellationToken cancellationToken)
    {
        var plan = await db.OwnPlan(person, request.PlanId, audit, clock, cancellationToken);
        var now = clock.GetUtcNow();
        plan.Agree(now);
        var spell = await db.Spells.FirstAsync(s => s.Id == plan.SpellId, cancellationToken);
        spell.RecordCarePlanAgreed(now);
        audit.Record(AuditAction.Update, plan.PersonId, nameof(SupportPlan), plan.Id, "Person: agree my plan");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
