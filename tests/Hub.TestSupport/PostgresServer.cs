using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hub.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.TestSupport;

/// <summary>
/// A real PostgreSQL for the tests: a throwaway cluster started once per test run from the
/// machine's PostgreSQL binaries (or the server named by HUB_TEST_POSTGRES). A template database
/// is migrated once; each test class gets its own copy of it, which takes milliseconds.
/// </summary>
public sealed class PostgresServer
{
    private const string TemplateDatabase = "hub_template";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static int _databaseCounter;

    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    /// <summary>The shared server, or a skip (a failure under CI) when PostgreSQL is not installed.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>A new database, migrated, empty but for the seeded audit chain head. Returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"hub_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateDatabase}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var admin = Environment.GetEnvironmentVariable("HUB_TEST_POSTGRES") ?? await StartThrowawayClusterAsync();
        var server = new PostgresServer(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres", Pooling = false }.ToString());
        await server.CreateTemplateAsync();
        return server;
    }

    private async Task CreateTemplateAsync()
    {
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{TemplateDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{TemplateDatabase}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var templateConnection = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = TemplateDatabase }.ToString();
        var options = new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql(templateConnection).Options;
        await using (var db = new PostgresHubDbContext(options))
        {
            await db.Database.MigrateAsync();
        }
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<string> StartThrowawayClusterAsync()
    {
        var bin = FindPostgresBin();
        if (bin is null)
        {
            TestEnvironment.SkipOrFail("PostgreSQL server binaries were not found (install the Debian package 'postgresql', or set HUB_TEST_POSTGRES).");
        }

        var asRoot = Environment.UserName == "root";
        await ThrowawayClusters.SweepAbandonedAsync(
            dataDirectory => RunAsDbUser(asRoot, Path.Combine(bin!, "pg_ctl"), $"-D {dataDirectory} -m immediate -w stop"));

        var root = ThrowawayClusters.Create();
        var data = Path.Combine(root, "data");
        var port = FreePort();
        if (asRoot)
        {
            await Run("chown", $"postgres:postgres {root}");
        }

        await RunAsDbUser(asRoot, Path.Combine(bin!, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await RunAsDbUser(asRoot, Path.Combine(bin!, "pg_ctl"),
            $"-D {data} -l {Path.Combine(root, "server.log")} -w -t 60 start -o \"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\"");

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsDbUser(asRoot, Path.Combine(bin!, "pg_ctl"), $"-D {data} -m immediate -w stop").GetAwaiter().GetResult();
                Directory.Delete(root, recursive: true);
            }
            catch (Exception)
            {
                // Best effort: a test host killed before this runs leaves the cluster behind, and
                // the next run's sweep stops it and removes it.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres";
    }

    private static string? FindPostgresBin()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }
        return Directory.GetDirectories(debianRoot)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsDbUser(bool asRoot, string program, string arguments) =>
        asRoot ? Run("runuser", $"-u postgres -- {program} {arguments}") : Run(program, arguments);

    private static async Task Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
