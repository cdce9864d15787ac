using System.Net;
using System.Text.Json;
using Hub.TestSupport;
using Hub.WebTests.Security;
using Npgsql;

namespace Hub.WebTests.Operations;

/// <summary>
/// The load balancer's view: /health/live answers while the process runs; /health/ready checks the
/// database, the job storage and the email backlog, reports a database that stops taking connections
/// as unhealthy (503) and recovers with it. Open without signing in; names checks, nothing else.
/// </summary>
public sealed class HealthEndpointTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_report_live_and_ready_to_anyone_with_only_each_checks_name_and_status()
    {
        using var hub = new HubWebFactory(database.ConnectionString);
        var client = hub.NewClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await Read(ready);
        report.Status.ShouldBe("Healthy");
        report.Checks.Keys.Order().ShouldBe(["database", "job-storage", "outbox"]);
        report.Checks.Values.ShouldAllBe(s => s == "Healthy");
        (await ready.Content.ReadAsStringAsync()).ShouldNotContain("Host=", Case.Insensitive);
        ready.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Should_report_a_database_that_stopped_taking_connections_as_unhealthy_and_recover_with_it()
    {
        using var hub = new HubWebFactory(database.ConnectionString);
        var client = hub.NewClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SetAcceptingConnections(false);
        try
        {
            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health/live");

            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var report = await Read(ready);
            report.Status.ShouldBe("Unhealthy");
            report.Checks["database"].ShouldBe("Unhealthy");
            report.Checks["job-storage"].ShouldBe("Unhealthy", "on PostgreSQL the jobs live in the same database");
            live.StatusCode.ShouldBe(HttpStatusCode.OK, "the process itself is fine: restarting it would not help");
        }
        finally
        {
            await SetAcceptingConnections(true);
        }
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK, "ready again once the database is back");
    }

    [SkippableFact]
    public async Task Should_answer_ready_only_to_the_configured_network_and_live_to_anyone()
    {
        using var hub = new HubWebFactory(database.ConnectionString).With("Hub:Health:ReadyNetworks:0", "10.0.0.0/24").WithPeerAddresses();

        (await hub.Client(peer: "10.0.0.7").GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await hub.Client(peer: "192.0.2.10").GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await hub.Client(peer: "192.0.2.10").GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The database refuses new connections and loses its open ones, as when it is stopped; the shared test cluster keeps running.</summary>
    private async Task SetAcceptingConnections(bool accepting)
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        var name = target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal);
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {(accepting ? "true" : "false")}", connection))
        {
            await alter.ExecuteNonQueryAsync();
        }
        if (!accepting)
        {
            await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", connection);
            terminate.Parameters.AddWithValue("db", target.Database!);
            await terminate.ExecuteScalarAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task<(string Status, Dictionary<string, string> Checks)> Read(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return (json.RootElement.GetProperty("status").GetString()!, checks);
    }
}
