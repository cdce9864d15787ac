using Hub.Application.Common.Interfaces;
using Hub.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hub.Infrastructure.Jobs;

/// <summary>
/// Quartz.NET for recurring work (docs/decisions/003): a clustered job store in the hub's own
/// database on PostgreSQL and SQL Server (tables prefixed <c>qrtz_</c>), so several web instances
/// share one schedule; the in-memory store on the embedded SQLite default.
/// <c>Hub:Jobs:Enabled=false</c> turns the scheduler off.
/// </summary>
internal static class JobScheduling
{
    public const string TablePrefix = "qrtz_";

    public static void AddHubJobs(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        if (!configuration.GetValue("Hub:Jobs:Enabled", true))
        {
            services.AddSingleton<IReportQueue, NoReportQueue>();
            return;
        }
        services.AddSingleton<IReportQueue, QuartzReportQueue>();
        var outboxSeconds = configuration.GetValue("Hub:Jobs:OutboxIntervalSeconds", 15);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "LivingWellHub";
                o.GenerateInstanceId = true;
            });
            q.AddJob<OutboxJob>(j => j.WithIdentity(OutboxJob.Key).StoreDurably(true));
            q.AddTrigger(t => t
                .ForJob(OutboxJob.Key)
                .WithIdentity("email-outbox-recurring", "hub")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(outboxSeconds)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<ReviewReminderJob>(j => j.WithIdentity(ReviewReminderJob.Key).StoreDurably(true));
            q.AddTrigger(t => t
                .ForJob(ReviewReminderJob.Key)
                .WithIdentity("plan-review-reminders-hourly", "hub")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<ReportJob>(j => j.WithIdentity(ReportJob.Key).StoreDurably(true));
            q.AddTrigger(t => t
                .ForJob(ReportJob.Key)
                .WithIdentity("commissioner-reports-recurring", "hub")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<MonthlyReportJob>(j => j.WithIdentity(MonthlyReportJob.Key).StoreDurably(true));
            q.AddTrigger(t => t
                .ForJob(MonthlyReportJob.Key)
                .WithIdentity("commissioner-reports-monthly", "hub")
                .WithCronSchedule(MonthlyReportJob.Schedule, c => c.InTimeZone(Application.Common.UkTime.Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).StoreDurably(true));
            q.AddTrigger(t => t
                .ForJob(RetentionJob.Key)
                .WithIdentity("retention-nightly", "hub")
                .WithCronSchedule(RetentionJob.Schedule, c => c.InTimeZone(Application.Common.UkTime.Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

            if (provider is DatabaseProvider.Postgres or DatabaseProvider.SqlServer)
            {
                q.UsePersistentStore(store =>
                {
                    store.ConfigureStore(o => o.TablePrefix = TablePrefix);
                    // Quartz 4.7 knows its own schema, which has grown release by release; it creates
                    // any missing tables at first start and validates them every start (ADR 003).
                    store.ProvisionSchema();
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                    store.UseSystemTextJsonSerializer(_ => { });
                    if (provider == DatabaseProvider.Postgres)
                    {
                        store.UsePostgres(connectionString);
                    }
                    else
                    {
                        store.UseSqlServer(connectionString);
                    }
                });
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
