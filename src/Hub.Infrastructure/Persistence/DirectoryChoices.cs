using Hub.Application.Connect;
using Microsoft.EntityFrameworkCore;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// Reads the search form's choices one index step per name: a recursive query asks for the smallest
/// area (or neighbourhood) after the last one found, which the indexes of listed offers (Area, ...) and
/// (Area, Neighbourhood) answer by a seek, so the cost is a few seeks per distinct name rather than a
/// read of every listed group. PostgreSQL and SQLite share the query; SQL Server, which allows no
/// subquery in a recursive member, reads the distinct names plainly.
/// </summary>
internal sealed class DirectoryChoices(HubDbContext db, DatabaseSettings settings) : IDirectoryChoices
{
    public Task<List<string>> AreasAsync(CancellationToken cancellationToken) =>
        settings.Provider == DatabaseProvider.SqlServer
            ? db.CommunityOffers.AsNoTracking().Where(o => o.Active).Select(o => o.Area).Distinct().OrderBy(a => a).ToListAsync(cancellationToken)
            : db.Database.SqlQuery<string>($"""
                WITH RECURSIVE areas("Value") AS (
                    SELECT MIN("Area") FROM "CommunityOffers" WHERE "Active"
                    UNION ALL
                    SELECT (SELECT MIN(c."Area") FROM "CommunityOffers" AS c WHERE c."Active" AND c."Area" > a."Value")
                    FROM areas AS a WHERE a."Value" IS NOT NULL
                )
                SELECT "Value" FROM areas WHERE "Value" IS NOT NULL ORDER BY "Value"
                """).ToListAsync(cancellationToken);

    public Task<List<string>> NeighbourhoodsAsync(string area, CancellationToken cancellationToken) =>
        settings.Provider == DatabaseProvider.SqlServer
            ? db.CommunityOffers.AsNoTracking().Where(o => o.Active && o.Area == area && o.Neighbourhood != null)
                .Select(o => o.Neighbourhood!).Distinct().OrderBy(n => n).ToListAsync(cancellationToken)
            : db.Database.SqlQuery<string>($"""
                WITH RECURSIVE hoods("Value") AS (
                    SELECT MIN("Neighbourhood") FROM "CommunityOffers" WHERE "Area" = {area} AND "Active"
                    UNION ALL
                    SELECT (SELECT MIN(c."Neighbourhood") FROM "CommunityOffers" AS c WHERE c."Area" = {area} AND c."Active" AND c."Neighbourhood" > h."Value")
                    FROM hoods AS h WHERE h."Value" IS NOT NULL
                )
                SELECT "Value" FROM hoods WHERE "Value" IS NOT NULL ORDER BY "Value"
                """).ToListAsync(cancellationToken);
}
