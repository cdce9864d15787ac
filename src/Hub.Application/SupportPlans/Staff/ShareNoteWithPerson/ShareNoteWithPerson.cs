using FluentValidation;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Staff.ShareNoteWithPerson;

/// <summary>A member of staff writes a note for the person to read in their plan (staff-only notes stay in the record).</summary>
public sealed record ShareNoteWithPerson(Guid ReferralId, string? Text) : IRequest<Unit>, IReferralScoped;

public sealed class ShareNoteWithPersonValidator : AbstractValidator<ShareNoteWithPerson>
{
    public ShareNoteWithPersonValidator() =>
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the note for the person").SafeText("The note", SharedNote.TextMaxLength, multiline: true, storedMax: SharedNote.TextMaxLength);
}

public sealed class ShareNoteWithPersonHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<ShareNoteWithPerson, Unit>
{
    public async Task<Unit> Handle(ShareNoteWithPerson request, CancellationToken cancellationToken)
    {
        var spellId = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => r.SpellId).FirstAsync(cancellationToken);
        var plan = await db.SupportPlans.AsNoTracking().FirstOrDefaultAsync(p => p.SpellId == spellId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.Text), "Start the person's plan first");
        var note = new SharedNote(plan.Id, plan.PersonId, request.Text!, user.Id, clock.GetUtcNow());
        db.SharedNotes.Add(note);
        audit.Record(AuditAction.Create, plan.PersonId, nameof(SharedNote), note.Id, "Support plan: share a note");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
