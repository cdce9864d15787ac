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
        var receiver = await db.FindColleague(request.ToMemberId, cancellationToken)
            ?? throw Refuse.Because(nameof(request.ToMemberId), "Choose who takes the work on");
        if (CareTeam.RefusalToReceiveWork(receiver) is { } unavailable)
        {
            throw Refuse.Because(nameof(request.ToMemberId), unavailable);
        }

        var now = clock.GetUtcNow();
        // The teams of open spells, and of spells closed so recently that a return would reopen them with
        // this team, where the leaver has a place; and of every spell with an offer waiting for them.
        var reopenable = ReferralSpell.JoinableIfEndedFrom(now);
        var spells = await db.Spells.Where(s =>
                (db.CareTeamMembers.Any(m => m.SpellId == s.Id && m.MemberId == leaving.Id && m.LeftAt == null) && (s.EndedAt == null || s.EndedAt >= reopenable))
                || db.Handoffs.Any(h => h.SpellId == s.Id && h.ToMemberId == leaving.Id && h.Status == HandoffStatus.Pending))
            .ToListAsync(cancellationToken);
        var teams = await db.LoadCareTeams(spells, cancellationToken);

        var (moved, withdrawn) = (0, 0);
        foreach (var team in teams)
        {
            var place = team.PlaceOf(leaving.Id);
            var offers = team.OpenOffers.Where(h => h.ToMemberId == leaving.Id).ToList();
            var decision = team.Reallocate(leaving.Id, receiver, audit.ActorId ?? Guid.Empty, now);
            decision.ThrowIfRefused(nameof(request.ToMemberId));
            if (decision.PlaceMoved)
            {
                moved++;
                audit.Record(AuditAction.Update, team.PersonId, nameof(CareTeamMember), place!.Id, "Team leader: reallocate caseload");
            }
            withdrawn += decision.OffersWithdrawn;
            offers.ForEach(offer => audit.Record(AuditAction.Update, offer.PersonId, nameof(Handoff), offer.Id, "Team leader: withdraw offer on reallocation"));
        }

        switch (request.Departure)
        {
            case MemberDeparture.Away: leaving.SetAway(true); break;
            case MemberDeparture.Left: leaving.Leave(now); break;
        }

        await emails.WorkReallocated(receiver.Id, moved, cancellationToken);
        await db.SaveCareTeamsOrRefuse(teams, nameof(request.FromMemberId),
            "Someone answered an offer or changed a care team at the same moment. Nothing was moved: try again", cancellationToken);
        return new ReallocationResult(moved, withdrawn);
    }
}
