using System.Net;
using System.Text.Json;
using Hangfire;
using Hub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hub.Web.Operations;

/// <summary>
/// For load balancers and operators: <c>/health/live</c> (the process answers; checks nothing else, so a
/// database outage does not get every instance restarted) and <c>/health/ready</c> (the database, the
/// job storage and the email outbox's backlog). Both are open without signing in and say only each
/// check's name and status: no personal data, no error text, no connection details.
/// <c>Hub:Health:ReadyNetworks</c> (CIDR) keeps <c>/health/ready</c> to the proxy's network.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";

    public static IServiceCollection AddHubHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HealthSettings>(configuration.GetSection("Hub:Health"));
        services.AddHealthChecks()
            .AddDbContextCheck<HubDbContext>("database", HealthStatus.Unhealthy, [Ready])
            .AddCheck<JobStorageCheck>("job-storage", HealthStatus.Unhealthy, [Ready])
            .AddCheck<OutboxBacklogCheck>("outbox", HealthStatus.Unhealthy, [Ready]);
        return services;
    }

    public static WebApplication MapHubHealth(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<HealthSettings>>().Value;
        var networks = settings.ReadyNetworks.Select(System.Net.IPNetwork.Parse).ToList();
        app.Use(async (context, next) =>
        {
            // Ready names what the hub depends on: only the proxy's network may ask, when so configured.
            if (networks.Count > 0 && context.Request.Path.Equals(ReadyPath, StringComparison.OrdinalIgnoreCase)
                && !(context.Connection.RemoteIpAddress is { } client && networks.Any(n => n.Contains(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client))))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next();
        });
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write })
            .AllowAnonymous().WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = Write })
            .AllowAnonymous().WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return app;
    }

    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }

    /// <summary>Hangfire's storage answers (on PostgreSQL and SQL Server, the hub's own database).</summary>
    private sealed class JobStorageCheck(JobStorage storage) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var connection = storage.GetConnection();
                connection.GetAllItemsFromSet("recurring-jobs");
                return Task.FromResult(HealthCheckResult.Healthy());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("Job storage did not answer"));
            }
        }
    }

    /// <summary>
    /// Emails that should have gone long ago: a few is degraded (the relay is slow or down); more than
    /// <see cref="HealthSettings.OutboxOverdueLimit"/> is unhealthy.
    /// </summary>
    private sealed class OutboxBacklogCheck(HubDbContext db, TimeProvider clock, IOptions<HealthSettings> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var settings = options.Value;
            var overdueSince = clock.GetUtcNow() - TimeSpan.FromMinutes(settings.OutboxOverdueMinutes);
            var overdue = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.CreatedAt < overdueSince, cancellationToken);
            var data = new Dictionary<string, object> { ["overdue"] = overdue };
            return overdue == 0 ? HealthCheckResult.Healthy(data: data)
                : overdue <= settings.OutboxOverdueLimit ? HealthCheckResult.Degraded(data: data)
                : HealthCheckResult.Unhealthy(data: data);
        }
    }
}

/// <summary>Settings under <c>Hub:Health</c>.</summary>
public sealed class HealthSettings
{
    /// <summary>Networks (CIDR) allowed to ask <c>/health/ready</c>; none: anyone.</summary>
    public List<string> ReadyNetworks { get; set; } = [];

    /// <summary>An unsent email older than this is overdue.</summary>
    public int OutboxOverdueMinutes { get; set; } = 15;

    /// <summary>More overdue emails than this and the hub is not ready.</summary>
    public int OutboxOverdueLimit { get; set; } = 100;
}
