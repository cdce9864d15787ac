using Hub.Application.Common.Interfaces;
using Hub.Domain.Space;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.Sharing;

internal static class SpaceSessions
{
    /// <summary>The space behind a live session of that space, or null.</summary>
    public static async Task<SpaceMember?> LiveMemberAsync(IApplicationDbContext db, SpaceSignedIn space, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = await db.SpaceSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == space.SessionId && s.MemberId == space.MemberId, cancellationToken);
        return session is not null && session.IsActiveAt(now)
            ? await db.SpaceMembers.FirstOrDefaultAsync(m => m.Id == session.MemberId, cancellationToken)
            : null;
    }
}
