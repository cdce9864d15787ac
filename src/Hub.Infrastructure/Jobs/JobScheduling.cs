using Hub.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hub.Infrastructure.Jobs;

/// <summary>
/// Quartz.NET for recurring work (docs/decisions/003): a clustered job store in the hub's own
/// database on PostgreSQL and SQL Server, so several web instances share one schedule; the in-memory
/// store on the embedded SQLite default. <c>Hub:Jobs:Enabled=false</c> turns the scheduler off.
/// </summary>
internal static class JobScheduling
{
    public static void AddHubJobs(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        if (!configuration.GetValue("Hub:Jobs:Enabled", true))
        {
            return;
        }
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

            if (provider is DatabaseProvider.Postgres or DatabaseProvider.SqlServer)
            {
                q.UsePersistentStore(store =>
                {
                    store.ConfigureStore(o =>
                    {
                        o.TablePrefix = QuartzSchema.TablePrefix;
                        // Our migrations own the tables; Quartz only checks they are right.
                        o.SchemaProvisioning = SchemaProvisioning.Validate;
                    });
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
