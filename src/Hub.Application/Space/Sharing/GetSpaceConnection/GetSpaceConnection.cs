using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.Sharing.GetSpaceConnection;

/// <summary>For the person signed in to their plan: whether a community space is connected to it, and whether the space signed in on this browser is the one.</summary>
public sealed record GetSpaceConnection(SpaceSignedIn? Space) : IRequest<SpaceConnectionView>;

/// <param name="SpaceSignedIn">A live space session on this browser.</param>
/// <param name="Connected">A space is connected to this person's plan.</param>
/// <param name="ThisSpaceConnected">The space signed in on this browser is the connected one.</param>
public sealed record SpaceConnectionView(bool SpaceSignedIn, bool Connected, bool ThisSpaceConnected, DateTimeOffset? ConnectedAt);

public sealed class GetSpaceConnectionHandler(IApplicationDbContext db, ICurrentPerson person, TimeProvider clock) : IRequestHandler<GetSpaceConnection, SpaceConnectionView>
{
    public async Task<SpaceConnectionView> Handle(GetSpaceConnection request, CancellationToken cancellationToken)
    {
        var personId = person.PersonId ?? throw new ForbiddenAccessException();
        var member = request.Space is { } space ? await SpaceSessions.LiveMemberAsync(db, space, clock.GetUtcNow(), cancellationToken) : null;
        var connected = await db.SpaceMembers.AsNoTracking().Where(m => m.ConnectedPersonId == personId)
            .Select(m => new { m.Id, m.ConnectedAt }).FirstOrDefaultAsync(cancellationToken);
        return new SpaceConnectionView(member is not null, connected is not null, connected is not null && member?.Id == connected.Id, connected?.ConnectedAt);
    }
}
