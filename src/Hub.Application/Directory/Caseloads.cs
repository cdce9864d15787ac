using Hub.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory;

public static class Caseloads
{
    /// <summary>
    /// Each member's live caseload: the care teams they are on for spells still open (one grouped
    /// query, whatever the number of members); with <paramref name="neighbourhood"/>, only people living there.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> CaseloadsByMember(this IApplicationDbContext db, string? neighbourhood, CancellationToken cancellationToken)
    {
        var byNeighbourhood = neighbourhood is not null;
        return await (
            from c in db.CareTeamMembers.AsNoTracking()
            join s in db.Spells on c.SpellId equals s.Id
            join p in db.People on c.PersonId equals p.Id
            where c.LeftAt == null && s.EndedAt == null && (!byNeighbourhood || p.Neighbourhood == neighbourhood)
            group c by c.MemberId into g
            select new { MemberId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.MemberId, x => x.Count, cancellationToken);
    }
}
