using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MySession.CheckPersonSession;

/// <summary>Whether a person's session is still good (not ended, revoked, idle or too old); notes that it was used.</summary>
public sealed record CheckPersonSession(Guid SessionId) : IRequest<bool>;

public sealed class CheckPersonSessionHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CheckPersonSession, bool>
{
    public async Task<bool> Handle(CheckPersonSession request, CancellationToken cancellationToken)
    {
        var session = await db.PersonSessions.FirstOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken);
        var now = clock.GetUtcNow();
        if (session is null || !session.IsActiveAt(now))
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
