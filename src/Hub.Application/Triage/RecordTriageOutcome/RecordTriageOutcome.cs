using FluentValidation;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Referrals;
using Hub.Domain.Triage;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Triage.RecordTriageOutcome;

/// <summary>
/// Records what triage decided. <paramref name="ExpectedVersion"/> is the version the member of
/// staff was looking at: if someone else changed the referral since, nothing is saved and the page
/// says so.
/// </summary>
public sealed record RecordTriageOutcome(Guid ReferralId, TriageOutcome Outcome, string? Note, Guid ExpectedVersion) : IRequest<RecordTriageOutcomeResult>, IReferralScoped;

public enum RecordTriageOutcomeResult
{
    Recorded = 1,
    ChangedBySomeoneElse = 2,
    AlreadyClosed = 3,
}

public sealed class RecordTriageOutcomeValidator : AbstractValidator<RecordTriageOutcome>
{
    public RecordTriageOutcomeValidator()
    {
        RuleFor(c => c.Outcome).IsInEnum().WithMessage("Select the outcome of triage");
        RuleFor(c => c.Note).StaffNote();
        RuleFor(c => c.Note).NotEmpty().WithMessage("Say briefly what was agreed with the person, so the next person reading knows")
            .When(c => c.Outcome.ClosesReferral());
    }
}

public sealed class RecordTriageOutcomeHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RecordTriageOutcome, RecordTriageOutcomeResult>
{
    public async Task<RecordTriageOutcomeResult> Handle(RecordTriageOutcome request, CancellationToken cancellationToken)
    {
        var referral = await db.LoadForChange(request.ReferralId, cancellationToken);
        if (referral.IsClosed)
        {
            return RecordTriageOutcomeResult.AlreadyClosed;
        }
        if (referral.Version != request.ExpectedVersion)
        {
            return RecordTriageOutcomeResult.ChangedBySomeoneElse;
        }

        var now = clock.GetUtcNow();
        var leavesTheQueue = referral.Status == ReferralStatus.AwaitingTriage;
        referral.RecordOutcome(request.Outcome, TextRules.Clean(request.Note), user.Id, now);
        if (referral.IsClosed)
        {
            var othersOpen = await db.Referrals.AnyAsync(r => r.SpellId == referral.SpellId && r.Id != referral.Id && r.Status != ReferralStatus.Closed, cancellationToken);
            if (!othersOpen)
            {
                // Gone only if the referral was joined to an earlier record since it was read: its save would be refused too.
                if (await db.Spells.FirstOrDefaultAsync(s => s.Id == referral.SpellId, cancellationToken) is not { } spell)
                {
                    db.DiscardChanges();
                    return RecordTriageOutcomeResult.ChangedBySomeoneElse;
                }
                spell.End(now);
            }
        }
        if (leavesTheQueue && await db.TriagePickUps.FirstOrDefaultAsync(p => p.ReferralId == referral.Id, cancellationToken) is { } pickUp)
        {
            // "I'm picking this up" is about the triage queue: it ends, in the same save, when the referral leaves it.
            db.TriagePickUps.Remove(pickUp);
        }
        audit.Record(AuditAction.Update, referral.PersonId, nameof(Referral), referral.Id, "Triage: record outcome");
        if (!await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency))
        {
            return RecordTriageOutcomeResult.ChangedBySomeoneElse;
        }
        return RecordTriageOutcomeResult.Recorded;
    }
}
