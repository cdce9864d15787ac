using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.Space;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.Sharing.DisconnectSpace;

/// <summary>
/// The person stops sharing their space with their plan, from either side: signed in to the space,
/// or signed in to the plan. From then on nothing from the space shows to staff.
/// </summary>
public sealed record DisconnectSpace : IRequest<Unit>;

public sealed class DisconnectSpaceHandler(IApplicationDbContext db, ICurrentSpaceMember space, ICurrentPerson person, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<DisconnectSpace, Unit>
{
    public async Task<Unit> Handle(DisconnectSpace request, CancellationToken cancellationToken)
    {
        List<SpaceMember> members;
        if (space.MemberId is { } memberId)
        {
            members = await db.SpaceMembers.Where(m => m.Id == memberId && m.ConnectedPersonId != null).ToListAsync(cancellationToken);
        }
        else if (person.PersonId is { } personId)
        {
            members = await db.SpaceMembers.Where(m => m.ConnectedPersonId == personId).ToListAsync(cancellationToken);
        }
        else
        {
            throw new ForbiddenAccessException();
        }
        var now = clock.GetUtcNow();
        foreach (var member in members)
        {
            var was = member.ConnectedPersonId;
            member.Disconnect(now);
            audit.Record(AuditAction.Update, was, nameof(SpaceMember), member.Id, "Person: stopped sharing their community space with their plan");
        }
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
