using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Hub.Infrastructure.Persistence.Providers;

/// <summary>PostgreSQL: the server the tests run against, and a production option.</summary>
public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Searching the queues by part of a name: a trigram index serves LIKE '%part%' on the
        // normalised name, so a search reads only the people it finds however many are known (ADR 027).
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Hub.Domain.People.Person>().HasIndex(p => p.NameKey)
            .HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("IX_People_NameKey_Trigram");
    }

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>A batch ended by one Sync runs as one implicit transaction (Npgsql without error barriers).</summary>
    protected override bool BatchesAreAtomic => true;

    /// <summary>Npgsql's command makes Npgsql's parameters, which the direct inserts need (docs/decisions/047).</summary>
    protected override System.Data.Common.DbCommand? NewParameterFactory() => new NpgsqlCommand();
}

public sealed class PostgresHubDbContextFactory : IDesignTimeDbContextFactory<PostgresHubDbContext>
{
    public PostgresHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
