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

namespace Hub.Application.Triage.RecordContact;

/// <summary>Records a contact with the person: how, where, whether it took place and for how long (the MHSDS care contact).</summary>
public sealed record RecordContact(Guid ReferralId, DateTimeOffset At, ContactMedium Medium, ContactPlace Place, bool Attended, int? DurationMinutes, string? Note) : IRequest<Unit>, IReferralScoped;

public sealed class RecordContactValidator : AbstractValidator<RecordContact>
{
    public RecordContactValidator(TimeProvider clock)
    {
        RuleFor(c => c.At).NotInTheFuture(clock, "The time of the contact");
        RuleFor(c => c.Medium).IsInEnum().WithMessage("Select how the contact happened");
        RuleFor(c => c.Place).IsInEnum().WithMessage("Select where the contact happened");
        RuleFor(c => c.DurationMinutes).NotNull().WithMessage("Enter how long the contact lasted, in minutes").When(c => c.Attended);
        RuleFor(c => c.DurationMinutes).InclusiveBetween(1, Contact.MaxDurationMinutes).WithMessage("Enter a duration between 1 and 720 minutes").When(c => c.DurationMinutes is not null);
        RuleFor(c => c.Note).StaffNote();
    }
}

public sealed class RecordContactHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RecordContact, Unit>
{
    public async Task<Unit> Handle(RecordContact request, CancellationToken cancellationToken)
    {
        var referral = await db.LoadForChange(request.ReferralId, cancellationToken);
        var contact = referral.RecordContact(request.At, request.Medium, request.Place, request.Attended, request.DurationMinutes, TextRules.Clean(request.Note), user.Id, clock.GetUtcNow());
        db.Contacts.Add(contact);
        audit.Record(AuditAction.Create, referral.PersonId, nameof(Contact), contact.Id, "Triage: record contact");
        // The referral changed under us (another attempt, contact or outcome at the same moment).
        await db.SaveOrRefuseAsync(nameof(request.At), "Someone else changed this referral at the same moment. Nothing was saved: check the record and save again", cancellationToken, SaveClash.Concurrency);
        return Unit.Value;
    }
}
