using FluentValidation;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Loading;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Domain.Common;
using MediatR;

namespace Hub.Application.CareTeams.OfferHandoff;

/// <summary>
/// Offers work with the person to a member of any sector, with a note so nobody asks the person to
/// repeat their story. Nothing is allocated until the receiver accepts; offering it to yourself
/// puts you on the care team straight away.
/// </summary>
public sealed record OfferHandoff(Guid ReferralId, Guid ToMemberId, CareTeamRole Role, string? Note) : IRequest<OfferHandoffResult>, IReferralScoped;

public enum OfferHandoffResult
{
    Offered = 1,
    JoinedCareTeam = 2,
}

public sealed class OfferHandoffValidator : AbstractValidator<OfferHandoff>
{
    public OfferHandoffValidator()
    {
        RuleFor(c => c.ToMemberId).NotEmpty().WithMessage("Choose who to offer the work to");
        RuleFor(c => c.Role).IsInEnum().WithMessage("Choose whether they would lead or be involved");
        RuleFor(c => c.Note).NotEmpty().WithMessage("Write a note for them, so the person does not have to tell their story again");
        RuleFor(c => c.Note).SafeText("The note", Handoff.NoteMaxLength, multiline: true, storedMax: Handoff.NoteMaxLength);
    }
}

public sealed class OfferHandoffHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock, CareTeamEmails emails)
    : IRequestHandler<OfferHandoff, OfferHandoffResult>
{
    public async Task<OfferHandoffResult> Handle(OfferHandoff request, CancellationToken cancellationToken)
    {
        var (referral, spell) = await db.LoadSpellOfReferral(request.ReferralId, cancellationToken);
        var team = await db.LoadCareTeam(spell, cancellationToken);
        var to = await db.FindColleague(request.ToMemberId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.ToMemberId), "Choose who to offer the work to");
        var me = user.Id;

        var decision = team.Offer(me, to, request.Role, TextRules.Clean(request.Note)!, user.IsInRole(Common.Roles.TeamLeader), clock.GetUtcNow());
        decision.ThrowIfRefused(nameof(request.ToMemberId));
        if (to.Id != me)
        {
            await emails.HandoffOffered(to.Id, referral.Reference, request.Role == CareTeamRole.Lead, cancellationToken);
        }
        audit.Record(AuditAction.Create, spell.PersonId, nameof(Handoff), decision.Offer!.Id, "Care team: offer handoff");

        await db.SaveCareTeamOrRefuse(team, nameof(request.ToMemberId), "Someone changed this care team at the same moment. Check it and try again", cancellationToken);
        return to.Id == me ? OfferHandoffResult.JoinedCareTeam : OfferHandoffResult.Offered;
    }
}
