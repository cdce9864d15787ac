using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Infrastructure.Persistence;

/// <summary>Applies the provider's migrations: at start for SQLite, by the <c>migrate</c> command for servers.</summary>
public sealed class DatabaseMigrator(HubDbContext db, ILogger<DatabaseMigrator> logger)
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
        await db.Database.MigrateAsync(cancellationToken);
    }
}
