using Hub.Domain.CommunityOffers;
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
        // The directory's indexes of listed offers carry every column a filter other than words tests
        // (docs/decisions/046): a search with words first finds the groups the other filters leave from
        // the index alone, then reads only those rows for the words (DirectoryQuery.Listed).
        var offers = builder.Entity<CommunityOffer>();
        foreach (var name in new[] { "IX_CommunityOffers_Listed_Area_IsFree_Name_Id", "IX_CommunityOffers_Listed_IsFree_Name_Id" })
        {
            NpgsqlIndexExtensions.SetIncludeProperties(offers.Metadata.GetIndexes().Single(i => i.GetDatabaseName() == name),
                new[] { nameof(CommunityOffer.WeekSlots), nameof(CommunityOffer.Access), nameof(CommunityOffer.Interests), nameof(CommunityOffer.PeerLed),
                    nameof(CommunityOffer.BringSomeoneFirstTime), nameof(CommunityOffer.Neighbourhood), nameof(CommunityOffer.UpdatedAt) });
        }
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
