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

namespace Hub.Application.Spells.RecordInterventionStarted;

/// <summary>
/// Staff record that an intervention started with the person on a UK day, of what kind, with an
/// optional short note: meets the four-week clock's third condition as an agreed plan does.
/// </summary>
public sealed record RecordInterventionStarted(Guid ReferralId, DateOnly? On, InterventionKind? Kind, string? Note) : IRequest<Guid>, IReferralScoped;

public sealed class RecordInterventionStartedValidator : AbstractValidator<RecordInterventionStarted>
{
    public RecordInterventionStartedValidator(TimeProvider clock)
    {
        RuleFor(c => c.On).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the day the intervention started")
            .Must(on => on <= UkCalendar.DayOf(clock.GetUtcNow())).WithMessage("The day the intervention started must be today or in the past");
        RuleFor(c => c.Kind).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select the kind of intervention").IsInEnum().WithMessage("Select the kind of intervention");
        RuleFor(c => c.Note).SafeText("The note", CareStart.MaxNoteLength, multiline: true, storedMax: CareStart.MaxNoteLength);
    }
}

public sealed class RecordInterventionStartedHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RecordInterventionStarted, Guid>
{
    public async Task<Guid> Handle(RecordInterventionStarted request, CancellationToken cancellationToken)
    {
        var (referral, spell) = await db.LoadSpellOfReferral(request.ReferralId, cancellationToken);
        CareStartRefusals.ThrowIfTheSpellCannotTake(spell, request.On, nameof(request.On), "the intervention started");
        var start = spell.RecordCareStart(CareStartKind.InterventionStarted, request.On!.Value, null, request.Kind, request.Note, referral.Id, user.Id, clock.GetUtcNow());
        db.CareStarts.Add(start);
        audit.Record(AuditAction.Create, spell.PersonId, nameof(CareStart), start.Id, "Four-week clock: record intervention started");
        await db.SaveChangesAsync(cancellationToken);
        return start.Id;
    }
}
