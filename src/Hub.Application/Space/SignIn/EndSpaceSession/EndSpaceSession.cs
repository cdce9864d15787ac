using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.SignIn.EndSpaceSession;

/// <summary>The person signs out of their space: the session ends at once, on the server.</summary>
public sealed record EndSpaceSession : IRequest<Unit>;

public sealed class EndSpaceSessionHandler(IApplicationDbContext db, ICurrentSpaceMember member, TimeProvider clock) : IRequestHandler<EndSpaceSession, Unit>
{
    public async Task<Unit> Handle(EndSpaceSession request, CancellationToken cancellationToken)
    {
        if (member.SessionId is { } id && await db.SpaceSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } session)
        {
            session.End(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }
}
