using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.Infrastructure.Jobs;

/// <summary>
/// Hangfire for background work (docs/decisions/021): its PostgreSQL or SQL Server storage in the
/// hub's own database (schema <c>hangfire</c>), so several web instances share one queue and one
/// schedule; its in-memory storage on the embedded SQLite default. Recurring jobs keep UK time.
/// <c>Hub:Jobs:Enabled=false</c> runs no job server and registers no recurring jobs.
/// </summary>
public static class JobScheduling
{
    public const string Schema = "hangfire";

    public static void AddHubJobs(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        var settings = configuration.GetSection("Hub:Jobs").Get<JobSettings>() ?? new JobSettings();
        services.AddSingleton(settings);

        // Each host builds its own storage and filters rather than Hangfire's process-wide statics, so
        // two instances in one test process behave as two machines would. The storage and client are
        // there even with the server off, for the dashboard: an instance may show the shared queue
        // without working it.
        services.AddSingleton<JobStorage>(_ => Storage(provider, connectionString, settings));
        services.AddSingleton<IJobFilterProvider>(_ => new HubJobFilters(settings));
        services.AddHangfire((_, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!settings.Enabled)
        {
            services.AddSingleton<IReportQueue, NoReportQueue>();
            return;
        }
        services.AddSingleton<IReportQueue, HangfireReportQueue>();
        services.AddSingleton(JobInstance.ForThisProcess());
        services.AddHostedService<RecurringJobRegistration>();
        services.AddHangfireServer((sp, o) =>
        {
            o.ServerName = sp.GetRequiredService<JobInstance>().Name; // the name its outbox claims carry
            o.WorkerCount = settings.Workers;
            o.SchedulePollingInterval = settings.Poll;
            o.ServerCheckInterval = TimeSpan.FromSeconds(Math.Min(60, settings.PollSeconds * 6));
            o.ServerTimeout = TimeSpan.FromMinutes(5);
        });
    }

    private static JobStorage Storage(DatabaseProvider provider, string connectionString, JobSettings settings) => provider switch
    {
        DatabaseProvider.Postgres => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, PostgresOptions(settings)), PostgresOptions(settings)),
        DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
            QueuePollInterval = TimeSpan.Zero, // long polling: picked up as soon as enqueued
            SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
            UseRecommendedIsolationLevel = true,
            DisableGlobalLocks = true,
        }),
        // The embedded default is one process by definition; the outbox and report queue are its
        // durable record, and recurring jobs are registered again at every start (ADR 021).
        _ => new InMemoryStorage(new InMemoryStorageOptions()),
    };

    private static PostgreSqlStorageOptions PostgresOptions(JobSettings settings) => new()
    {
        SchemaName = Schema,
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = settings.Poll,
        EnableLongPolling = true, // LISTEN/NOTIFY: an enqueued job starts at once on any instance
        // A job held by an instance that died becomes visible again after this (a stopped one is
        // given back at once); every job here is idempotent, so a second run is harmless.
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
        UseSlidingInvisibilityTimeout = true,
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
    };

    /// <summary>A cron expression for "every n seconds" (n dividing 60) or every n minutes.</summary>
    public static string Every(int seconds) => seconds < 60
        ? (60 % seconds == 0 ? $"*/{seconds} * * * * *" : throw new ArgumentOutOfRangeException(nameof(seconds), "Under a minute, the interval must divide 60."))
        : $"*/{Math.Max(1, seconds / 60)} * * * *";

    /// <summary>Registers (or updates) every recurring job at start; two instances doing so at once is harmless.</summary>
    private sealed class RecurringJobRegistration(IRecurringJobManager jobs, JobSettings settings) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var uk = new RecurringJobOptions { TimeZone = UkTime.Zone };
            jobs.AddOrUpdate<OutboxJob>(OutboxJob.Id, j => j.RunAsync(CancellationToken.None), Every(settings.OutboxIntervalSeconds), uk);
            jobs.AddOrUpdate<AuditSealJob>(AuditSealJob.Id, j => j.RunAsync(CancellationToken.None), Every(settings.AuditSealIntervalSeconds), uk);
            jobs.AddOrUpdate<ReportJob>(ReportJob.Id, j => j.RunAsync(CancellationToken.None), Every(settings.ReportIntervalSeconds), uk);
            jobs.AddOrUpdate<ReviewReminderJob>(ReviewReminderJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly(), uk);
            jobs.AddOrUpdate<MeetingReminderJob>(MeetingReminderJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly(30), uk);
            jobs.AddOrUpdate<MonthlyReportJob>(MonthlyReportJob.Id, j => j.RunAsync(CancellationToken.None), MonthlyReportJob.Schedule, uk);
            jobs.AddOrUpdate<RetentionJob>(RetentionJob.Id, j => j.RunAsync(CancellationToken.None), RetentionJob.Schedule, uk);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// Hangfire's filters with the hub's own retry policy in place of the global default (ten tries
    /// over about a day): a handful of tries with the configured waits.
    /// </summary>
    private sealed class HubJobFilters(JobSettings settings) : IJobFilterProvider
    {
        private readonly JobFilter _retry = new(new AutomaticRetryAttribute
        {
            Attempts = settings.RetryDelays.Length,
            DelaysInSeconds = settings.RetryDelays,
            LogEvents = true,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        }, JobFilterScope.Global, null);

        private readonly JobFilter _telemetry = new(new Telemetry.JobTelemetryFilter(), JobFilterScope.Global, null);

        public IEnumerable<JobFilter> GetFilters(Job job) =>
            JobFilterProviders.Providers.GetFilters(job).Where(f => f.Instance is not AutomaticRetryAttribute).Append(_retry).Append(_telemetry);
    }
}

/// <summary>Asks for the report job to run now rather than at its next round.</summary>
internal sealed class HangfireReportQueue(IBackgroundJobClient jobs) : IReportQueue
{
    public Task NudgeAsync(CancellationToken cancellationToken)
    {
        jobs.Enqueue<ReportJob>(j => j.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}

/// <summary>With the job server switched off (Hub:Jobs:Enabled=false) reports wait in the queue for whoever runs the worker.</summary>
internal sealed class NoReportQueue : IReportQueue
{
    public Task NudgeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
