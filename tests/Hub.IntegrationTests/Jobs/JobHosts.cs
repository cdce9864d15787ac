using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Hub.Application;
using Hub.Application.Common.Interfaces;
using Hub.Infrastructure;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Jobs;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.IntegrationTests.Jobs;

/// <summary>Tests that start Hangfire servers take turns: on two shared cores their timings stay meaningful.</summary>
[CollectionDefinition(Name)]
public sealed class JobServers
{
    public const string Name = "Job servers";
}

/// <summary>
/// A hub instance as production runs it, with Hangfire's server on and its storage in the test's
/// database (PostgreSQL unless another provider is named), polling every fifth of a second and retrying after a second so a proof
/// takes seconds. Without an SMTP port, email waits unsent.
/// </summary>
internal static class JobHosts
{
    public static IHost Instance(string connectionString, int? smtpPort, TimeProvider? clock = null,
        Action<IServiceCollection>? configure = null, int outboxIntervalSeconds = 1800, string provider = "Postgres") => Host.CreateDefaultBuilder()
        .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Hub"] = connectionString,
            ["Hub:Jobs:Enabled"] = "true",
            ["Hub:Jobs:OutboxIntervalSeconds"] = outboxIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:Jobs:PollSeconds"] = "0.2",
            ["Hub:Jobs:Workers"] = "2",
            ["Hub:Jobs:RetryDelaysSeconds:0"] = "1",
            ["Hub:Jobs:RetryDelaysSeconds:1"] = "1",
            ["Hub:Jobs:RetryDelaysSeconds:2"] = "1",
            ["Hub:Smtp:Host"] = smtpPort is null ? null : "127.0.0.1",
            ["Hub:Smtp:Port"] = smtpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        .ConfigureLogging(l => l.ClearProviders())
        .ConfigureServices((context, services) =>
        {
            services.AddApplication();
            services.AddInfrastructure(context.Configuration, AppContext.BaseDirectory);
            services.AddScoped<ICurrentUser, NoUser>();
            // Accounts as the web host has them: the retention job removes the accounts of volunteers it erases.
            services.AddIdentityCore<Hub.Infrastructure.Identity.StaffUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>().AddHubIdentityStores();
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
            configure?.Invoke(services);
        })
        .Build();

    /// <summary>Starts the instance and takes away its recurring jobs, so only what the test enqueues runs.</summary>
    public static async Task StartWithoutRecurringJobsAsync(this IHost host)
    {
        await host.StartAsync();
        var recurring = host.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var id in new[] { OutboxJob.Id, ReportJob.Id, ReviewReminderJob.Id, MeetingReminderJob.Id, MonthlyReportJob.Id, RetentionJob.Id })
        {
            recurring.RemoveIfExists(id);
        }
    }

    public static string EnqueueOutboxRun(this IHost host) =>
        host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxJob>(j => j.RunAsync(CancellationToken.None));

    public static async Task QueueEmailsAsync(this IHost host, string marker, int count)
    {
        using var scope = host.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        for (var i = 0; i < count; i++)
        {
            outbox.Enqueue(new OutgoingEmail($"person{i}@hub.test", $"Job {marker} {i}", "Hello", "test"));
        }
        await scope.ServiceProvider.GetRequiredService<HubDbContext>().SaveChangesAsync();
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(this IHost host, string marker)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Subject.Contains(marker)).ToListAsync();
    }

    public static JobDetailsDto Details(this IHost host, string jobId) =>
        host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId);

    /// <summary>The job's states, oldest first (the monitoring API lists them newest first).</summary>
    public static List<StateHistoryDto> States(this IHost host, string jobId) =>
        host.Details(jobId).History.OrderBy(h => h.CreatedAt).ToList();

    /// <summary>Polls every 100 ms until the condition holds, for at most <paramref name="seconds"/>.</summary>
    public static async Task<bool> Eventually(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return await condition();
    }

    public static Task<bool> Succeeded(this IHost host, string jobId, int seconds = 30) =>
        Eventually(() => Task.FromResult(host.Details(jobId)?.History.FirstOrDefault()?.StateName == "Succeeded"), seconds);

    public static int ServersAlive(this IHost host) =>
        host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count;

    private sealed class NoUser : ICurrentUser
    {
        public Guid? UserId => null;
        public string Role => "System";
        public bool IsInRole(string role) => false;
    }
}
