using System.Collections.Concurrent;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Directory;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory.CommunityConnectors;

/// <summary>
/// Who is a community connector (docs/decisions/049): a member whose profile says so. The one query,
/// shared by the moderation policy (read on every request to a moderation page, so a change counts at
/// once) and the staff menu (read once, then remembered until the profile is saved or a few minutes pass).
/// </summary>
public static class CommunityConnectors
{
    /// <summary>Named in the SQL, so tests and a database's own statistics can tell the menu's read from the policy's.</summary>
    public const string MenuTag = "Staff menu: is a community connector";
    public const string PolicyTag = "Moderation policy: is a community connector";

    public static Task<bool> IsConnectorAsync(IApplicationDbContext db, Guid userId, string tag, CancellationToken cancellationToken) =>
        db.TeamMembers.AsNoTracking().TagWith(tag).AnyAsync(m => m.Id == userId && m.Group == ProfessionalGroup.CommunityConnector, cancellationToken);
}

/// <summary>
/// The staff menu's memory of who is a community connector, so a page does not ask the database each
/// time to decide whether to show "Connect and Do proposals" (docs/decisions/049). Saving a member's
/// profile forgets that member at once on this instance; another instance learns within
/// <see cref="Lifetime"/>. Only the menu reads it: the moderation pages themselves always ask the database.
/// </summary>
public sealed class CommunityConnectorMenu(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>A borough's staff are a few hundred; past this the memory starts again rather than grow.</summary>
    public const int MaxRemembered = 5_000;

    private readonly ConcurrentDictionary<Guid, (bool IsConnector, DateTimeOffset Until)> _known = new();

    public async Task<bool> IsConnectorAsync(IApplicationDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(userId, out var known) && known.Until > now)
        {
            return known.IsConnector;
        }
        var isConnector = await CommunityConnectors.IsConnectorAsync(db, userId, CommunityConnectors.MenuTag, cancellationToken);
        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }
        _known[userId] = (isConnector, now + Lifetime);
        return isConnector;
    }

    /// <summary>The member's profile changed: the next page asks the database again.</summary>
    public void Forget(Guid userId) => _known.TryRemove(userId, out _);
}
