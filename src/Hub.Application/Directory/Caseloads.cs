using Hub.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory;

public static class Caseloads
{
    /// <summary>
    /// Each member's live caseload: the care teams they are on for spells still open (one grouped
    /// query, whatever the number of members).
    /// </summary>
    public static async Task<Dictionary<Guid, int>> CaseloadsByMember(this IApplicationDbContext db, CancellationToken cancellationToken) =>
        await (
            from c in db.CareTeamMembers.AsNoTracking()
            join s in db.Spells on c.SpellId equals s.Id
            where c.LeftAt == null && s.EndedAt == null
            group c by c.MemberId into g
            select new { MemberId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.MemberId, x => x.Count, cancellationToken);
}
