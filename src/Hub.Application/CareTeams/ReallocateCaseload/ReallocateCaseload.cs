using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Domain.Spells;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CareTeams.ReallocateCaseload;

/// <summary>
/// A team leader moves a member's current work to another member when they leave or are away: each
/// care-team place on an open spell (or one closed within the five days a return would reopen it)
/// passes to the new member in the same role, and offers still
/// waiting for the old member are withdrawn so they show again in the allocation queue. Optionally
/// marks the old member away or as having left. One transaction: all of it, or none.
/// </summary>
public sealed record ReallocateCaseload(Guid FromMemberId, Guid ToMemberId, MemberDeparture Departure) : IRequest<ReallocationResult>;

public enum MemberDeparture
{
    StaysActive = 1,
    Away = 2,
    Left = 3,
}

public sealed record ReallocationResult(int MovedPlaces, int WithdrawnOffers);

public sealed class ReallocateCaseloadValidator : AbstractValidator<ReallocateCaseload>
{
    public ReallocateCaseloadValidator()
    {
        RuleFor(c => c.FromMemberId).NotEmpty().WithMessage("Choose whose work to move");
        RuleFor(c => c.ToMemberId).NotEmpty().WithMessage("Choose who takes the work on");
        RuleFor(c => c.ToMemberId).NotEqual(c => c.FromMemberId).WithMessage("Choose someone other than the person whose work is moving");
        RuleFor(c => c.Departure).IsInEnum().WithMessage("Say whether they stay active, are away or have left");
    }
}

public sealed class ReallocateCaseloadHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock, CareTeamEmails emails)
    : IRequestHandler<ReallocateCaseload, ReallocationResult>
{
    public async Task<ReallocationResult> Handle(ReallocateCaseload request, CancellationToken cancellationToken)
    {
        var leaving = await db.TeamMembers.FirstOrDefaultAsync(m => m.Id == request.FromMemberId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.FromMemberId), "Choose whose work to move");
        var receiver = await db.TeamMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.ToMemberId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.ToMemberId), "Choose who takes the work on");
        if (!receiver.IsAvailable)
        {
            throw Refuse.Because(nameof(request.ToMemberId), $"{receiver.Name} is away or has left. Choose someone else");
        }

        var now = clock.GetUtcNow();
        // Open spells, and spells closed so recently that a return would reopen them with this team.
        var reopenable = ReferralSpell.JoinableIfEndedFrom(now);
        var places = await (
            from m in db.CareTeamMembers
            join s in db.Spells on m.SpellId equals s.Id
            where m.MemberId == leaving.Id && m.LeftAt == null && (s.EndedAt == null || s.EndedAt >= reopenable)
            select m).ToListAsync(cancellationToken);
        var spellIds = places.Select(p => p.SpellId).ToList();
        var receiverPlaces = await db.CareTeamMembers.Where(m => spellIds.Contains(m.SpellId) && m.MemberId == receiver.Id && m.LeftAt == null).ToListAsync(cancellationToken);

        var joining = new List<CareTeamMember>();
        var promoted = new List<CareTeamMember>();
        foreach (var place in places)
        {
            place.StepOff(now);
            var existing = receiverPlaces.FirstOrDefault(r => r.SpellId == place.SpellId);
            if (existing is null)
            {
                joining.Add(new CareTeamMember(place.SpellId, place.PersonId, receiver.Id, place.Role, now));
            }
            else if (place.Role == CareTeamRole.Lead && existing.Role != CareTeamRole.Lead)
            {
                promoted.Add(existing);
            }
            audit.Record(AuditAction.Update, place.PersonId, nameof(CareTeamMember), place.Id, "Team leader: reallocate caseload");
        }

        var pending = await db.Handoffs.Where(h => h.ToMemberId == leaving.Id && h.Status == HandoffStatus.Pending).ToListAsync(cancellationToken);
        foreach (var offer in pending)
        {
            offer.Withdraw(audit.ActorId ?? Guid.Empty, now);
            audit.Record(AuditAction.Update, offer.PersonId, nameof(Handoff), offer.Id, "Team leader: withdraw offer on reallocation");
        }

        switch (request.Departure)
        {
            case MemberDeparture.Away: leaving.SetAway(true); break;
            case MemberDeparture.Left: leaving.Leave(now); break;
        }

        await emails.WorkReallocated(receiver.Id, places.Count, cancellationToken);
        try
        {
            await db.SaveInSteps(promoted, joining, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException u && db.IsUniqueViolation(u)))
        {
            db.DiscardChanges();
            throw Refuse.Because(nameof(request.FromMemberId), "Someone answered an offer or changed a care team at the same moment. Nothing was moved: try again");
        }
        return new ReallocationResult(places.Count, pending.Count);
    }
}
