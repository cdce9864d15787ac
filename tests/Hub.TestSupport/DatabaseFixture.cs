using Hub.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Hub.TestSupport;

/// <summary>
/// A fresh migrated PostgreSQL database for one test class. Without PostgreSQL the class's
/// [SkippableFact] tests skip (fail under CI).
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;
    private string? _unavailable;
    private Respawner? _respawner;

    public string ConnectionString => _connectionString ?? throw new SkipException(_unavailable ?? "PostgreSQL is not available.");

    public async Task InitializeAsync()
    {
        try
        {
            var server = await PostgresServer.GetAsync();
            _connectionString = await server.CreateDatabaseAsync();
        }
        catch (SkipException ex)
        {
            _unavailable = ex.Message;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Empties the class's database between tests with Respawn (ADR 007): every table of the hub's
    /// schema but the migrations history, the audit chain back at its first link, and the directory's
    /// one-row version given a new value (the offers went without a save, and a host kept between tests
    /// must not give totals it remembered from before: docs/decisions/050). Hangfire's
    /// schema is left alone. The audit table refuses deletes by trigger; this session turns
    /// triggers off (a superuser's right, which the test cluster's user has) for the reset only.
    /// </summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("public", "__EFMigrationsHistory"), new Table("public", "AuditChainHead"), new Table("public", "DirectoryVersion")],
        });
        await _respawner.ResetAsync(connection);
        await using var head = new NpgsqlCommand(
            "UPDATE \"AuditChainHead\" SET \"LastHash\" = repeat('0', 64), \"LastSequence\" = 0, \"LeaseHolder\" = NULL, \"LeaseExpiresAt\" = NULL; " +
            "UPDATE \"DirectoryVersion\" SET \"Value\" = gen_random_uuid(); SET session_replication_role = DEFAULT", connection);
        await head.ExecuteNonQueryAsync();
    }

    public PostgresHubDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql(ConnectionString).Options);
}
