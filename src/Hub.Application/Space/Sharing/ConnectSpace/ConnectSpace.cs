using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.Space;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.Sharing.ConnectSpace;

/// <summary>
/// The person, signed in to their support plan and to their community space on the same browser,
/// chooses to connect the two: from now on the space's goals and mood check-ins show, read-only, in
/// their plan for the people supporting them. Their followed groups never do. A space connected to
/// this person before is disconnected: one space per person.
/// </summary>
public sealed record ConnectSpace(SpaceSignedIn? Space) : IRequest<ConnectOutcome>;

public enum ConnectOutcome
{
    Connected = 1,

    /// <summary>No live space session on this browser: sign in to the space first.</summary>
    SpaceNotSignedIn = 2,
}

public sealed class ConnectSpaceHandler(IApplicationDbContext db, ICurrentPerson person, AuditTrail audit, TimeProvider clock) : IRequestHandler<ConnectSpace, ConnectOutcome>
{
    public async Task<ConnectOutcome> Handle(ConnectSpace request, CancellationToken cancellationToken)
    {
        var personId = person.PersonId ?? throw new ForbiddenAccessException();
        if (!await db.SupportPlans.AnyAsync(p => p.PersonId == personId, cancellationToken))
        {
            throw new NotFoundException("Your plan");
        }
        var now = clock.GetUtcNow();
        var member = request.Space is { } space ? await SpaceSessions.LiveMemberAsync(db, space, now, cancellationToken) : null;
        if (member is null)
        {
            return ConnectOutcome.SpaceNotSignedIn;
        }
        var others = await db.SpaceMembers.Where(m => m.ConnectedPersonId == personId && m.Id != member.Id).ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.Disconnect(now);
            audit.Record(AuditAction.Update, personId, nameof(SpaceMember), other.Id, "Person: community space disconnected (another connected)");
        }
        var before = member.ConnectedPersonId;
        if (before is { } previous && previous != personId)
        {
            audit.Record(AuditAction.Update, previous, nameof(SpaceMember), member.Id, "Person: community space disconnected (connected to another plan)");
        }
        member.ConnectTo(personId, now);
        audit.Record(AuditAction.Create, personId, nameof(SpaceMember), member.Id, "Person: connected their community space to their plan");
        await db.SaveChangesAsync(cancellationToken);
        return ConnectOutcome.Connected;
    }
}
