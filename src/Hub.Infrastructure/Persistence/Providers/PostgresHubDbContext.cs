using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Hub.Infrastructure.Persistence.Providers;

/// <summary>PostgreSQL: the server the tests run against, and a production option.</summary>
public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options)
{
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>A batch ended by one Sync runs as one implicit transaction (Npgsql without error barriers).</summary>
    protected override bool BatchesAreAtomic => true;
}

public sealed class PostgresHubDbContextFactory : IDesignTimeDbContextFactory<PostgresHubDbContext>
{
    public PostgresHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
