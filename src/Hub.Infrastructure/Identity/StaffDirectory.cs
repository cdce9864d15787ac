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

    public async Task<IReadOnlyDictionary<Guid, string>> Emails(IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null && u.LockoutEnd == null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
    }

    public async Task<IReadOnlyList<StaffAccount>> All(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return users.Select(u => new StaffAccount(u.Id, u.DisplayName, u.Email,
            roles.Where(r => r.UserId == u.Id && r.Name != null).Select(r => r.Name!).Order().ToList())).ToList();
    }

    public async Task<IReadOnlyList<Guid>> InRole(string role, CancellationToken cancellationToken) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == role
               select ur.UserId).ToListAsync(cancellationToken);
}
