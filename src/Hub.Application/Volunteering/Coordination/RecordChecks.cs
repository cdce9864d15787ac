using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Coordination;

/// <summary>
/// The coordinator records a volunteer's checks as they stand: the DBS check's type and date,
/// when references were received, when training was completed, and when the review is due. There
/// is deliberately no field for a certificate or its number (docs/decisions/039).
/// </summary>
public sealed record RecordChecks(Guid VolunteerId, DbsCheckType? DbsType, DateOnly? DbsCheckedOn, DateOnly? ReferencesReceivedOn, DateOnly? TrainingCompletedOn, DateOnly? ReviewDueOn, int Version)
    : IRequest<Unit>;

public sealed class RecordChecksValidator : AbstractValidator<RecordChecks>
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 1, 1);

    public RecordChecksValidator()
    {
        RuleFor(r => r.DbsType).IsInEnum().WithMessage("Select the type of DBS check");
        RuleFor(r => r.DbsCheckedOn).NotNull().WithMessage("Enter the date of the DBS check").When(r => r.DbsType is not null);
        RuleFor(r => r.DbsType).NotNull().WithMessage("Select the type of DBS check").When(r => r.DbsCheckedOn is not null);
        InRange(r => r.DbsCheckedOn, "The DBS check date");
        InRange(r => r.ReferencesReceivedOn, "The date references were received");
        InRange(r => r.TrainingCompletedOn, "The date training was completed");
        InRange(r => r.ReviewDueOn, "The review date");
        RuleFor(r => r.ReviewDueOn).Must((r, due) => due > r.DbsCheckedOn).WithMessage("The review must be due after the DBS check")
            .When(r => r.ReviewDueOn is not null && r.DbsCheckedOn is not null);
    }

    private void InRange(System.Linq.Expressions.Expression<Func<RecordChecks, DateOnly?>> field, string name) =>
        RuleFor(field).Must(d => d is null || (d >= Earliest && d < Latest)).WithMessage($"{name} must be a real date after 2000");
}

public sealed class RecordChecksHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, AuditTrail audit) : IRequestHandler<RecordChecks, Unit>
{
    public async Task<Unit> Handle(RecordChecks request, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.FirstOrDefaultAsync(v => v.Id == request.VolunteerId, cancellationToken) ?? throw new NotFoundException("The volunteer");
        if (volunteer.Version != request.Version)
        {
            throw Refuse.Because(nameof(request.DbsType), "Someone else changed this volunteer while you were looking. Check the details again");
        }
        volunteer.RecordChecks(new VolunteerChecks(request.DbsType, request.DbsCheckedOn, request.ReferencesReceivedOn, request.TrainingCompletedOn, request.ReviewDueOn),
            user.Id, clock.GetUtcNow());
        audit.Record(AuditAction.Update, null, nameof(Volunteer), volunteer.Id, "Volunteering: record checks");
        await db.SaveOrRefuseAsync(nameof(request.DbsType), "Someone else changed this volunteer at the same time. Check the details again", cancellationToken);
        return Unit.Value;
    }
}
