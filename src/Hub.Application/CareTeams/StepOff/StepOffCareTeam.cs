using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Loading;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using MediatR;

namespace Hub.Application.CareTeams.StepOff;

/// <summary>
/// Takes a member off the person's care team (their part is done). The lead cannot simply step off:
/// they hand the lead to someone first, so nobody is left without a lead worker by accident.
/// </summary>
public sealed record StepOffCareTeam(Guid ReferralId, Guid MemberId) : IRequest<Unit>, IReferralScoped;

public sealed class StepOffCareTeamHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<StepOffCareTeam, Unit>
{
    public async Task<Unit> Handle(StepOffCareTeam request, CancellationToken cancellationToken)
    {
        var (_, spell) = await db.LoadSpellOfReferral(request.ReferralId, cancellationToken);
        var team = await db.LoadCareTeam(spell, cancellationToken);
        var place = team.PlaceOf(request.MemberId);
        team.StepOff(request.MemberId, user.Id, user.IsInRole(Roles.TeamLeader), clock.GetUtcNow()).ThrowIfRefused(nameof(request.MemberId));
        audit.Record(AuditAction.Update, spell.PersonId, nameof(CareTeamMember), place!.Id, "Care team: step off");
        await db.SaveCareTeam(team, cancellationToken);
        return Unit.Value;
    }
}
