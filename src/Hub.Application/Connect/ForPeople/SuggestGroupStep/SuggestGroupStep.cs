using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.ForPeople.SuggestGroupStep;

/// <summary>
/// Suggests a step in the person's plan to go along to a Connect and Do group, with the group as who
/// helps. Like every staff change to a plan it is only a suggestion: it waits for the person, who
/// adds it or says no thank you. One waiting suggestion per group: asking again changes nothing.
/// </summary>
public sealed record SuggestGroupStep(Guid ReferralId, Guid GroupId) : IRequest<bool>, IReferralScoped;

public sealed class SuggestGroupStepHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<SuggestGroupStep, bool>
{
    public async Task<bool> Handle(SuggestGroupStep request, CancellationToken cancellationToken)
    {
        var spellId = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => r.SpellId).FirstAsync(cancellationToken);
        var plan = await db.SupportPlans.AsNoTracking().Where(p => p.SpellId == spellId).Select(p => new { p.Id, p.PersonId }).FirstOrDefaultAsync(cancellationToken)
            ?? throw Refuse.Because(nameof(request.GroupId), "Start the person's plan first: a group is suggested as a step in it");
        var group = await db.PublishedGroup(request.GroupId, cancellationToken);
        if (await db.PlanSuggestions.AnyAsync(s => s.PlanId == plan.Id && s.OfferId == group.Id && s.Status == SuggestionStatus.Waiting, cancellationToken))
        {
            return false;
        }
        var suggestion = PlanSuggestion.StepWithGroup(plan.Id, plan.PersonId, $"Go along to {group.Name}", group.Id, group.Name, user.Id, clock.GetUtcNow());
        db.PlanSuggestions.Add(suggestion);
        audit.Record(AuditAction.Create, plan.PersonId, nameof(PlanSuggestion), suggestion.Id, "Connect and Do: suggest a group as a step in the plan");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
