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
using Microsoft.EntityFrameworkCore;

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
        if (!spell.IsOpen)
        {
            throw Refuse.Because(nameof(request.ToMemberId), "This person's spell has closed. If they come back, a new referral reopens it");
        }
        var member = await db.TeamMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.ToMemberId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.ToMemberId), "Choose who to offer the work to");
        if (!member.IsAvailable)
        {
            throw Refuse.Because(nameof(request.ToMemberId), $"{member.Name} is away or has left. Choose someone else");
        }

        var current = await db.CareTeamMembers.Where(m => m.SpellId == spell.Id && m.LeftAt == null).ToListAsync(cancellationToken);
        if (current.Any(m => m.MemberId == member.Id && (m.Role == request.Role || m.Role == CareTeamRole.Lead)))
        {
            throw Refuse.Because(nameof(request.ToMemberId), $"{member.Name} is already on the care team");
        }
        if (await db.Handoffs.AnyAsync(h => h.SpellId == spell.Id && h.ToMemberId == member.Id && h.Status == HandoffStatus.Pending, cancellationToken))
        {
            throw Refuse.Because(nameof(request.ToMemberId), $"{member.Name} already has an offer for this person waiting for an answer");
        }

        var now = clock.GetUtcNow();
        var me = user.UserId!.Value;
        if (member.Id == me && request.Role == CareTeamRole.Lead && current.Any(m => m.Role == CareTeamRole.Lead)
            && !user.IsInRole(Common.Roles.TeamLeader))
        {
            throw Refuse.Because(nameof(request.ToMemberId), "This person already has a lead worker. Ask them or a team leader to hand the lead to you");
        }
        var handoff = new Handoff(spell.Id, spell.PersonId, me, member.Id, request.Role, TextRules.Clean(request.Note)!, now);
        db.Handoffs.Add(handoff);

        // Offering the work again deals with any decline still waiting in the allocation queue.
        var declined = await db.Handoffs.Where(h => h.SpellId == spell.Id && h.Status == HandoffStatus.Declined && h.ResolvedAt == null).ToListAsync(cancellationToken);
        declined.ForEach(h => h.MarkResolved(now));

        var result = OfferHandoffResult.Offered;
        CareTeamMember? joined = null, promoted = null;
        if (member.Id == me)
        {
            handoff.Accept(me, now);
            promoted = CareTeamSaving.ToBePromoted(current, me, request.Role);
            joined = CareTeam.Join(current, spell.Id, spell.PersonId, me, request.Role, now);
            result = OfferHandoffResult.JoinedCareTeam;
        }
        else
        {
            await emails.HandoffOffered(member.Id, referral.Reference, request.Role == CareTeamRole.Lead, cancellationToken);
        }
        audit.Record(AuditAction.Create, spell.PersonId, nameof(Handoff), handoff.Id, "Care team: offer handoff");

        try
        {
            await db.SaveInSteps(promoted, joined, cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            db.DiscardChanges();
            throw Refuse.Because(nameof(request.ToMemberId), "Someone changed this care team at the same moment. Check it and try again");
        }
        return result;
    }
}
