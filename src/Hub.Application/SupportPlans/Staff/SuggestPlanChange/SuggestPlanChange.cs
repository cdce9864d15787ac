using FluentValidation;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Staff.SuggestPlanChange;

/// <summary>Staff suggest a change; it waits for the person, who accepts or declines it. Nothing the person wrote changes.</summary>
public sealed record SuggestPlanChange(Guid ReferralId, PlanSection Section, string? Text, string? Extra) : IRequest<Unit>, IReferralScoped;

public sealed class SuggestPlanChangeValidator : AbstractValidator<SuggestPlanChange>
{
    public SuggestPlanChangeValidator()
    {
        RuleFor(c => c.Section).IsInEnum().WithMessage("Choose which part of the plan the suggestion is about");
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the suggestion in words the person would use")
            .SafeText("The suggestion", PlanSuggestion.TextMaxLength, multiline: true, storedMax: PlanSuggestion.TextMaxLength);
        RuleFor(c => c.Text).Must(t => DateOnly.TryParseExact(t?.Trim(), "yyyy-MM-dd", out _))
            .When(c => c.Section == PlanSection.ReviewDate).WithMessage("Enter the review date like 2027-01-15");
        RuleFor(c => c.Extra).NotEmpty().When(c => c.Section == PlanSection.AddNumber).WithMessage("Enter the number to call")
            .SafeText("The number", 30, multiline: false);
    }
}

public sealed class SuggestPlanChangeHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<SuggestPlanChange, Unit>
{
    public async Task<Unit> Handle(SuggestPlanChange request, CancellationToken cancellationToken)
    {
        var spellId = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => r.SpellId).FirstAsync(cancellationToken);
        var plan = await db.SupportPlans.AsNoTracking().FirstOrDefaultAsync(p => p.SpellId == spellId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.Text), "Start the person's plan first");
        var suggestion = new PlanSuggestion(plan.Id, plan.PersonId, request.Section, TextRules.Clean(request.Text)!, request.Extra, user.Id, clock.GetUtcNow());
        db.PlanSuggestions.Add(suggestion);
        audit.Record(AuditAction.Create, plan.PersonId, nameof(PlanSuggestion), suggestion.Id, "Support plan: suggest a change");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
