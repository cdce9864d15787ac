using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MyPlan.SetMyReminder;

/// <summary>The person turns reminders of their review date on or off.</summary>
public sealed record SetMyReminder(Guid PlanId, bool RemindMe) : IRequest<Unit>;

public sealed class SetMyReminderHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<SetMyReminder, Unit>
{
    public async Task<Unit> Handle(SetMyReminder request, CancellationToken cancellationToken)
    {
        var plan = await db.OwnPlan(person, request.PlanId, audit, clock, cancellationToken);
        plan.SetRemindMe(request.RemindMe);
        audit.Record(AuditAction.Update, plan.PersonId, nameof(SupportPlan), plan.Id, "Person: review reminders");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
