using Hub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Web.Benchmark;

/// <summary>
/// The yardstick for the throughput benchmark (tests/Hub.Benchmarks/throughput.sh): a POST that does
/// one raw INSERT through the hub's own DbContext and connection pool and nothing else, so the public
/// form's throughput can be compared with the cheapest write this host can make on the same database.
/// It is mapped only when <c>Hub:Benchmark:Enabled</c> is true and the host runs in the
/// <c>Benchmark</c> environment; the setting in any other environment stops the host at start, so it
/// cannot reach a real deployment by accident. The table is created by the benchmark, never by the hub.
/// The same setting gives a route to the fair yardstick, a Razor Pages POST with antiforgery doing
/// the same insert (Pages/Benchmark/FormInsert).
/// </summary>
internal static class BareInsertEndpoint
{
    public const string Setting = "Hub:Benchmark:Enabled";
    public const string EnvironmentName = "Benchmark";
    public const string Path = "/benchmark/insert";
    public const string PagePath = "/benchmark/forminsert";

    public static void MapBareInsertEndpoint(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting))
        {
            return;
        }
        if (!app.Environment.IsEnvironment(EnvironmentName))
        {
            throw new InvalidOperationException(
                $"{Setting} is for the throughput benchmark only and is refused in the '{app.Environment.EnvironmentName}' environment " +
                $"(it needs ASPNETCORE_ENVIRONMENT={EnvironmentName}). Remove the setting.");
        }

        app.MapPost(Path, async (HubDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO benchmark_inserts (id, received_at) VALUES ({Guid.NewGuid()}, {clock.GetUtcNow()})", cancellationToken);
            return Results.NoContent();
        }).AllowAnonymous();
    }
}
