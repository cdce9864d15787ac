using FluentValidation;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Contacts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Triage.RecordContactAttempt;

/// <summary>Records a try at reaching the person that did not become a conversation.</summary>
public sealed record RecordContactAttempt(Guid ReferralId, DateTimeOffset At, AttemptMethod Method, AttemptResult Result, string? Note) : IRequest<Unit>, IReferralScoped;

public sealed class RecordContactAttemptValidator : AbstractValidator<RecordContactAttempt>
{
    public RecordContactAttemptValidator(TimeProvider clock)
    {
        RuleFor(c => c.At).NotInTheFuture(clock, "The time of the attempt");
        RuleFor(c => c.Method).IsInEnum().WithMessage("Select how you tried to get in touch");
        RuleFor(c => c.Result).IsInEnum().WithMessage("Select what happened");
        RuleFor(c => c.Note).StaffNote();
    }
}

public sealed class RecordContactAttemptHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RecordContactAttempt, Unit>
{
    public async Task<Unit> Handle(RecordContactAttempt request, CancellationToken cancellationToken)
    {
        var referral = await db.LoadForChange(request.ReferralId, cancellationToken);
        var attempt = referral.RecordAttempt(request.At, request.Method, request.Result, TextRules.Clean(request.Note), user.Id, clock.GetUtcNow());
        db.ContactAttempts.Add(attempt);
        audit.Record(AuditAction.Create, referral.PersonId, nameof(ContactAttempt), attempt.Id, "Triage: record contact attempt");
        // The referral changed under us (another attempt, contact or outcome at the same moment).
        await db.SaveOrRefuseAsync(nameof(request.At), "Someone else changed this referral at the same moment. Nothing was saved: check the record and save again", cancellationToken, SaveClash.Concurrency);
        return Unit.Value;
    }
}
