using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MyPlan.SaveMyPlan;

/// <summary>The person saves their plan in their own words. A save over someone else's change is refused with both shown.</summary>
/// <param name="StepHelpers">Who helps with each step, by the step's position (null: keep who helped with a step of the same words).</param>
public sealed record SaveMyPlan(Guid PlanId, Guid ExpectedToken, string? WhatMattersToMe, IReadOnlyList<string> Goals, IReadOnlyList<string> Steps,
    string? WhenStruggling, IReadOnlyList<ContactNumber> Numbers, DateOnly? ReviewOn, IReadOnlyList<Helper?>? StepHelpers = null) : IRequest<SaveMyPlanResult>;

public sealed record SaveMyPlanResult(bool Saved, PlanContent? Theirs);

public sealed class SaveMyPlanValidator : AbstractValidator<SaveMyPlan>
{
    public SaveMyPlanValidator()
    {
        RuleFor(c => c.WhatMattersToMe).SafeText("What matters to you", 4000, multiline: true);
        RuleFor(c => c.WhenStruggling).SafeText("What helps when you are struggling", 4000, multiline: true);
        RuleFor(c => c.Goals).Must(g => g.Count <= 3).WithMessage("Keep to three goals at most");
        RuleForEach(c => c.Goals).SafeText("Each goal", 500, multiline: false);
        RuleFor(c => c.Steps).Must(s => s.Count <= 20).WithMessage("Keep to 20 steps at most");
        RuleForEach(c => c.Steps).SafeText("Each step", 1000, multiline: false);
        RuleFor(c => c.Numbers).Must(n => n.Count <= 10).WithMessage("Keep to 10 numbers at most");
        // One rule per box, so each message can be shown next to the box it is about.
        RuleForEach(c => c.Numbers).ChildRules(number =>
        {
            number.RuleFor(n => (string?)n.Who).SafeText("Who the number is for", 200, multiline: false);
            number.RuleFor(n => (string?)n.Number).SafeText("The number", 30, multiline: false);
        });
    }
}

public sealed class SaveMyPlanHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<SaveMyPlan, SaveMyPlanResult>
{
    public async Task<SaveMyPlanResult> Handle(SaveMyPlan request, CancellationToken cancellationToken)
    {
        var plan = await db.OwnPlan(person, request.PlanId, audit, clock, cancellationToken);
        // Only someone from the person's own network, care team or agreed offers can be named as helping.
        var options = (await db.HelperOptions(plan, cancellationToken)).ToHashSet();
        var content = plan.Content.RevisedByPerson(request.WhatMattersToMe, request.Goals, request.Steps, request.StepHelpers, options,
            request.WhenStruggling, request.Numbers, request.ReviewOn);
        try
        {
            db.PlanVersions.Add(plan.SaveByPerson(content, request.ExpectedToken, clock.GetUtcNow()));
            audit.Record(AuditAction.Update, plan.PersonId, nameof(SupportPlan), plan.Id, "Person: save my plan");
            await db.SaveChangesAsync(cancellationToken);
            return new SaveMyPlanResult(true, null);
        }
        catch (Exception ex) when (db.IsPlanConflict(ex))
        {
            db.DiscardChanges();
            var theirs = await db.SupportPlans.AsNoTracking().Where(p => p.Id == request.PlanId).Select(p => p.Content).FirstAsync(cancellationToken);
            return new SaveMyPlanResult(false, theirs);
        }
    }
}
