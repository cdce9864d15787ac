using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CareTeams.AnswerHandoff;

/// <summary>
/// The receiver accepts a handoff (and joins the care team, as lead if asked) or declines it with a
/// reason. A decline goes back to the allocation queue and the sender and team leaders are told.
/// </summary>
public sealed record AnswerHandoff(Guid HandoffId, bool Accept, string? Reason) : IRequest<AnswerHandoffResult>;

public enum AnswerHandoffResult
{
    Accepted = 1,
    Declined = 2,
    AlreadyAnswered = 3,
}

public sealed class AnswerHandoffValidator : AbstractValidator<AnswerHandoff>
{
    public AnswerHandoffValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why you are declining, so whoever picks it up next knows").When(c => !c.Accept);
        RuleFor(c => c.Reason).SafeText("The reason", Handoff.NoteMaxLength, multiline: true, storedMax: Handoff.NoteMaxLength);
    }
}

public sealed class AnswerHandoffHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock, CareTeamEmails emails)
    : IRequestHandler<AnswerHandoff, AnswerHandoffResult>
{
    public async Task<AnswerHandoffResult> Handle(AnswerHandoff request, CancellationToken cancellationToken)
    {
        var me = user.Id;
        var handoff = await db.Handoffs.FirstOrDefaultAsync(h => h.Id == request.HandoffId, cancellationToken) ?? throw new NotFoundException("The handoff");
        if (handoff.ToMemberId != me)
        {
            audit.Record(AuditAction.Denied, handoff.PersonId, nameof(Handoff), handoff.Id, "Refused: answer someone else's handoff");
            await db.SaveChangesAsync(cancellationToken);
            throw new ForbiddenAccessException();
        }
        if (!handoff.IsPending)
        {
            return AnswerHandoffResult.AlreadyAnswered;
        }
        var spell = await db.Spells.FirstAsync(s => s.Id == handoff.SpellId, cancellationToken);
        var team = await db.LoadCareTeam(spell, cancellationToken);
        if (!team.Holds(handoff.Id))
        {
            // Answered (or withdrawn) in the moment between reading the offer and loading its team.
            return AnswerHandoffResult.AlreadyAnswered;
        }

        var now = clock.GetUtcNow();
        var decision = request.Accept
            ? team.Accept(handoff.Id, await db.FindColleague(me, cancellationToken) ?? new Colleague(me, "You", IsAvailable: true), now)
            : team.Decline(handoff.Id, me, TextRules.Clean(request.Reason)!, now);
        decision.ThrowIfRefused(nameof(request.Reason));
        if (decision.WasAlreadyAnswered)
        {
            return AnswerHandoffResult.AlreadyAnswered;
        }
        if (!request.Accept)
        {
            var reference = await db.Referrals.Where(r => r.SpellId == handoff.SpellId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).FirstAsync(cancellationToken);
            await emails.HandoffDeclined(handoff.FromUserId, reference, cancellationToken);
        }
        audit.Record(AuditAction.Update, handoff.PersonId, nameof(Handoff), handoff.Id, request.Accept ? "Care team: accept handoff" : "Care team: decline handoff");

        if (!await db.TrySaveCareTeam(team, cancellationToken))
        {
            return AnswerHandoffResult.AlreadyAnswered;
        }
        return request.Accept ? AnswerHandoffResult.Accepted : AnswerHandoffResult.Declined;
    }
}
