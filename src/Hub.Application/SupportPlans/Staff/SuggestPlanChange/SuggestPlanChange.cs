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

/// <summary>
/// Staff suggest a change; it waits for the person, who accepts or declines it. Nothing the person wrote
/// changes. A review date is a date (<paramref name="ReviewOn"/>, from the NHS.UK date input), not words.
/// </summary>
public sealed record SuggestPlanChange(Guid ReferralId, PlanSection Section, string? Text, string? Extra, DateOnly? ReviewOn = null) : IRequest<Unit>, IReferralScoped;

public sealed class SuggestPlanChangeValidator : AbstractValidator<SuggestPlanChange>
{
    /// <summary>How far ahead a review may be suggested: a plan is looked at again within a year or so, not in a decade.</summary>
    public const int MaxYearsAhead = 2;

    public SuggestPlanChangeValidator(TimeProvider clock)
    {
        RuleFor(c => c.Section).IsInEnum().WithMessage("Choose which part of the plan the suggestion is about");
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the suggestion in words the person would use")
            .SafeText("The suggestion", PlanSuggestion.TextMaxLength, multiline: true, storedMax: PlanSuggestion.TextMaxLength)
            .When(c => c.Section != PlanSection.ReviewDate);
        RuleFor(c => c.ReviewOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the review date")
            .Must(d => d >= UkCalendar.DayOf(clock.GetUtcNow())).WithMessage("The review date must be today or in the future")
            .Must(d => d <= UkCalendar.DayOf(clock.GetUtcNow()).AddYears(MaxYearsAhead)).WithMessage($"The review date must be within {MaxYearsAhead} years")
            .When(c => c.Section == PlanSection.ReviewDate);
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
        // A review date is kept as the suggestion's text in ISO form, as the plan reads it when the person accepts.
        var text = request.Section == PlanSection.ReviewDate
            ? request.ReviewOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : TextRules.Clean(request.Text)!;
        var suggestion = new PlanSuggestion(plan.Id, plan.PersonId, request.Section, text, request.Section == PlanSection.ReviewDate ? null : request.Extra, user.Id, clock.GetUtcNow());
        db.PlanSuggestions.Add(suggestion);
        audit.Record(AuditAction.Create, plan.PersonId, nameof(PlanSuggestion), suggestion.Id, "Support plan: suggest a change");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
