using DotNet.Testcontainers.Builders;
using Hub.Infrastructure.Persistence.Providers;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Testcontainers.MsSql;

namespace Hub.TestSupport;

/// <summary>
/// A migrated SQL Server database of its own for one test class: on the server in
/// <c>HUB_TEST_SQLSERVER</c> (a connection string with rights to create databases) when set, or else
/// in a throwaway SQL Server container started by Testcontainers.MsSql wherever a Docker engine can
/// be reached. With neither, the class's tests are skipped with that reason, under CI too: these
/// are the only tests allowed to skip there (ADR 007).
/// </summary>
public sealed class SqlServerFixture : IAsyncLifetime
{
    public const string Variable = "HUB_TEST_SQLSERVER";
    public const string Image = "mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04";

    private MsSqlContainer? _container;
    private string? _connectionString;
    private string? _unavailable;

    public string ConnectionString => _connectionString ?? throw new SkipException(_unavailable ?? "SQL Server is not available.");

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            try
            {
                _container = new MsSqlBuilder(Image).Build();
                await _container.StartAsync();
                server = _container.GetConnectionString();
            }
            catch (Exception ex) when (ex is DockerUnavailableException || ex.GetType().Name.Contains("Docker", StringComparison.Ordinal))
            {
                _unavailable = $"SQL Server tests need a Docker engine (for Testcontainers.MsSql) or {Variable}: no Docker engine can be reached here and {Variable} is not set.";
                return;
            }
        }

        var database = new SqlConnectionStringBuilder(server) { InitialCatalog = $"hub_test_{Guid.NewGuid():N}", TrustServerCertificate = true };
        _connectionString = database.ConnectionString;
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public SqlServerHubDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqlServerHubDbContext>().UseSqlServer(ConnectionString).Options);

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
        else if (_connectionString is not null)
        {
            await using var db = NewContext();
            await db.Database.EnsureDeletedAsync();
        }
    }
}
