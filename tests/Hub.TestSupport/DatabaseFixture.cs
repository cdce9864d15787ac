using Hub.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace Hub.TestSupport;

/// <summary>
/// A fresh migrated PostgreSQL database for one test class. Without PostgreSQL the class's
/// [SkippableFact] tests skip (fail under CI).
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;
    private string? _unavailable;

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

    public PostgresHubDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql(ConnectionString).Options);
}
