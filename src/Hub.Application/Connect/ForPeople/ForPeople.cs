using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.ForPeople;

/// <summary>
/// Staff pointing a person to a Connect and Do group. The only address ever given to the person is
/// the group's public page, the same for everyone: nothing in it names or tracks the person, so the
/// public site never learns who is known to the hub.
/// </summary>
public static class GroupsForPeople
{
    /// <summary>The group's public page: no query string, nothing about who it was sent to.</summary>
    public static string PublicPath(Guid groupId) => $"/connect/groups/{groupId}";

    /// <summary>A published group (what the public directory shows); anything else reads as not found.</summary>
    public static async Task<(Guid Id, string Name)> PublishedGroup(this IApplicationDbContext db, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.CommunityOffers.AsNoTracking().Where(o => o.Id == groupId && o.Active).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The group");
        return (group.Id, group.Name);
    }
}
