using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MySession.EndMySession;

/// <summary>The person signs out: the session ends at once and the link that started it stays used.</summary>
public sealed record EndMySession : IRequest<Unit>;

public sealed class EndMySessionHandler(IApplicationDbContext db, ICurrentPerson person, TimeProvider clock) : IRequestHandler<EndMySession, Unit>
{
    public async Task<Unit> Handle(EndMySession request, CancellationToken cancellationToken)
    {
        if (person.SessionId is { } id && await db.PersonSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } session)
        {
            session.End(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }
}
