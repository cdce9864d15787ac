using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Loading;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Spells;
using MediatR;

namespace Hub.Application.Spells.RecordCarePlanAgreed;

/// <summary>
/// Staff record that a care plan was agreed with the person on a UK day, and how: the four-week
/// clock's third condition, for people who agree their plan with us rather than through their link.
/// </summary>
public sealed record RecordCarePlanAgreed(Guid ReferralId, DateOnly? On, CarePlanAgreedHow? How) : IRequest<Guid>, IReferralScoped;

public sealed class RecordCarePlanAgreedValidator : AbstractValidator<RecordCarePlanAgreed>
{
    public RecordCarePlanAgreedValidator(TimeProvider clock)
    {
        RuleFor(c => c.On).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the day the plan was agreed")
            .Must(on => on <= UkCalendar.DayOf(clock.GetUtcNow())).WithMessage("The day the plan was agreed must be today or in the past");
        RuleFor(c => c.How).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select how the plan was agreed").IsInEnum().WithMessage("Select how the plan was agreed");
    }
}

public sealed class RecordCarePlanAgreedHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RecordCarePlanAgreed, Guid>
{
    public async Task<Guid> Handle(RecordCarePlanAgreed request, CancellationToken cancellationToken)
    {
        var (referral, spell) = await db.LoadSpellOfReferral(request.ReferralId, cancellationToken);
        CareStartRefusals.ThrowIfTheSpellCannotTake(spell, request.On, nameof(request.On), "the plan was agreed");
        var start = spell.RecordCareStart(CareStartKind.CarePlanAgreed, request.On!.Value, request.How, null, null, referral.Id, user.Id, clock.GetUtcNow());
        db.CareStarts.Add(start);
        audit.Record(AuditAction.Create, spell.PersonId, nameof(CareStart), start.Id, "Four-week clock: record care plan agreed");
        await db.SaveChangesAsync(cancellationToken);
        return start.Id;
    }
}
