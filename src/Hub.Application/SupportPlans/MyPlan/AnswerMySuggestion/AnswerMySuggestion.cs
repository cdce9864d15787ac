using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MyPlan.AnswerMySuggestion;

/// <summary>The person accepts or declines a staff suggestion. Accepting changes only its section, with the person as author.</summary>
public sealed record AnswerMySuggestion(Guid SuggestionId, bool Accept) : IRequest<Unit>;

public sealed class AnswerMySuggestionHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<AnswerMySuggestion, Unit>
{
    public async Task<Unit> Handle(AnswerMySuggestion request, CancellationToken cancellationToken)
    {
        var personId = person.PersonId ?? throw new ForbiddenAccessException();
        var suggestion = await db.PlanSuggestions.FirstOrDefaultAsync(s => s.Id == request.SuggestionId && s.PersonId == personId, cancellationToken)
            ?? throw await db.RefusedAsync(audit, clock, personId, nameof(PlanSuggestion), request.SuggestionId, "The suggestion", cancellationToken);
        if (!suggestion.IsWaiting)
        {
            return Unit.Value;
        }
        var now = clock.GetUtcNow();
        if (request.Accept)
        {
            var plan = await db.OwnPlan(person, suggestion.PlanId, audit, clock, cancellationToken);
            db.PlanVersions.Add(plan.Accept(suggestion, now));
        }
        else
        {
            suggestion.Decline(now);
        }
        audit.Record(AuditAction.Update, personId, nameof(PlanSuggestion), suggestion.Id, request.Accept ? "Person: accept suggestion" : "Person: decline suggestion");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (db.IsPlanConflict(ex))
        {
            db.DiscardChanges();
            throw Refuse.Because(nameof(request.SuggestionId), "Your plan changed at the same moment. Nothing was lost: look at it again and choose once more");
        }
        return Unit.Value;
    }
}
