using Hub.Application.Common.Interfaces;
using Hub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Infrastructure.Identity;

internal sealed class StaffDirectory(HubDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNames(IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
