using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MyPlan.RateMyGoal;

/// <summary>The person rates one of their goals today, from 0 (not at all) to 10 (goal reached).</summary>
public sealed record RateMyGoal(Guid PlanId, Guid ExpectedToken, int GoalIndex, int? Rating) : IRequest<bool>;

public sealed class RateMyGoalValidator : AbstractValidator<RateMyGoal>
{
    public RateMyGoalValidator() =>
        RuleFor(c => c.Rating).NotNull().WithMessage("Choose a number from 0 to 10").InclusiveBetween(0, 10).WithMessage("Choose a number from 0 to 10");
}

public sealed class RateMyGoalHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<RateMyGoal, bool>
{
    public async Task<bool> Handle(RateMyGoal request, CancellationToken cancellationToken)
    {
        var plan = await db.OwnPlan(person, request.PlanId, audit, clock, cancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            db.PlanVersions.Add(plan.RateGoal(request.GoalIndex, request.Rating!.Value, UkTime.Today(now), request.ExpectedToken, now));
            // A goal rating is a rated measure: the spell's first one, from any source, is its baseline.
            var spell = await db.Spells.FirstAsync(s => s.Id == plan.SpellId, cancellationToken);
            spell.RecordBaselineMeasure(now);
            audit.Record(AuditAction.Update, plan.PersonId, nameof(SupportPlan), plan.Id, "Person: rate a goal");
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (db.IsPlanConflict(ex))
        {
            db.DiscardChanges();
            return false;
        }
    }
}
