using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Loading;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using MediatR;
using Microsoft.EntityFrameworkCore;

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
        var membership = await db.CareTeamMembers.FirstOrDefaultAsync(m => m.SpellId == spell.Id && m.MemberId == request.MemberId && m.LeftAt == null, cancellationToken)
            ?? throw Refuse.Because(nameof(request.MemberId), "They are not on this care team any more");
        var me = user.UserId!.Value;
        var iAmLead = await db.CareTeamMembers.AnyAsync(m => m.SpellId == spell.Id && m.MemberId == me && m.LeftAt == null && m.Role == CareTeamRole.Lead, cancellationToken);
        if (membership.MemberId != me && !iAmLead && !user.IsInRole(Roles.TeamLeader))
        {
            throw Refuse.Because(nameof(request.MemberId), "Only they, the lead worker or a team leader can take someone off the care team");
        }
        if (membership.Role == CareTeamRole.Lead && spell.IsOpen)
        {
            throw Refuse.Because(nameof(request.MemberId), "Offer the lead to someone else first, so the person always has a lead worker");
        }
        membership.StepOff(clock.GetUtcNow());
        audit.Record(AuditAction.Update, spell.PersonId, nameof(CareTeamMember), membership.Id, "Care team: step off");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
