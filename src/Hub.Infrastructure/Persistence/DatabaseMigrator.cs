using Hub.Application.Connect;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Hub.Infrastructure.Persistence;

/// <summary>Applies the provider's migrations: at start for SQLite, by the <c>migrate</c> command for servers.</summary>
public sealed class DatabaseMigrator(HubDbContext db, HomeArea home, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Database is up to date");
            return;
        }
        logger.LogInformation("Applying {Count} migration(s)", pending.Count);
        if (pending.FirstOrDefault(m => m.EndsWith("_OfferAreaRequired", StringComparison.Ordinal)) is { } areaRequired)
        {
            await PlaceOffersWithoutAnAreaAsync(areaRequired, pending, cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Any(m => m.EndsWith("_ConnectAndDo", StringComparison.Ordinal)))
        {
            await FillWeekSlotsAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Offers recorded before areas were required belonged to the hub's own area by default; they are
    /// given that area by name (<c>Hub:Area</c>, which no migration can know) just before the migration
    /// that makes the column required, so the directory's area test is one equality (docs/decisions/043).
    /// </summary>
    private async Task PlaceOffersWithoutAnAreaAsync(string areaRequired, List<string> pending, CancellationToken cancellationToken)
    {
        var all = db.Database.GetMigrations().ToList();
        var before = all[all.IndexOf(areaRequired) - 1];
        if (pending.Contains(before))
        {
            await db.GetService<IMigrator>().MigrateAsync(before, cancellationToken: cancellationToken);
        }
        var placed = await db.Database.ExecuteSqlAsync($"UPDATE \"CommunityOffers\" SET \"Area\" = {home.Name} WHERE \"Area\" IS NULL", cancellationToken);
        logger.LogInformation("Placed {Count} community offer(s) without an area in the hub's own", placed);
    }

    /// <summary>
    /// Offers recorded before the public directory have their schedule only as JSON; the week slots
    /// the directory searches on are worked out from it once, by the domain, when that migration is
    /// applied (docs/decisions/033). Reading JSON in SQL would need one dialect per provider.
    /// </summary>
    private async Task FillWeekSlotsAsync(CancellationToken cancellationToken)
    {
        var offers = await db.CommunityOffers.Where(o => o.WeekSlots == 0).ToListAsync(cancellationToken);
        foreach (var offer in offers.Where(o => o.Sessions.Count > 0))
        {
            offer.Schedule(offer.Sessions.ToList(), offer.ScheduleNote);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Worked out the week slots of {Count} community offer(s)", offers.Count);
    }
}
