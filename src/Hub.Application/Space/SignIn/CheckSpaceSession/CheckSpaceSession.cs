using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.SignIn.CheckSpaceSession;

/// <summary>Whether a space session is still good (not ended, idle or too old) and is the member's; notes that it was used (the sliding expiry).</summary>
public sealed record CheckSpaceSession(Guid SessionId, Guid MemberId) : IRequest<bool>;

public sealed class CheckSpaceSessionHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CheckSpaceSession, bool>
{
    public async Task<bool> Handle(CheckSpaceSession request, CancellationToken cancellationToken)
    {
        var session = await db.SpaceSessions.FirstOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken);
        var now = clock.GetUtcNow();
        if (session is null || session.MemberId != request.MemberId || !session.IsActiveAt(now))
        {
            return false;
        }
        if (now - session.LastSeenAt > TimeSpan.FromMinutes(1))
        {
            session.Seen(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }
}
