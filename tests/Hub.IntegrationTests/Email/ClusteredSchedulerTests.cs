using Hub.Application;
using Hub.Application.Common.Interfaces;
using Hub.Infrastructure;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.IntegrationTests.Email;

/// <summary>
/// Two hub instances share Quartz's clustered job store in PostgreSQL (tables provisioned and
/// validated by Quartz at start): the recurring outbox job drains the outbox and every email is
/// delivered once.
/// </summary>
// Quartz keeps schedulers by name for the whole process: tests that start clustered instances take turns.
[Collection("Clustered Quartz")]
public sealed class ClusteredSchedulerTests(DatabaseFixture database, SmtpServer smtp) : IClassFixture<DatabaseFixture>, IClassFixture<SmtpServer>
{
    private IHost Instance() => Instance(database.ConnectionString, smtp.Port);

    /// <summary>
    /// A hub instance with the scheduler on and the outbox job every second, sharing Quartz's clustered
    /// store in <paramref name="connectionString"/>'s database; without an SMTP port, email waits unsent.
    /// </summary>
    internal static IHost Instance(string connectionString, int? smtpPort) => Host.CreateDefaultBuilder()
        .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Hub"] = connectionString,
            ["Hub:Jobs:Enabled"] = "true",
            ["Hub:Jobs:OutboxIntervalSeconds"] = "1",
            ["Hub:Smtp:Host"] = smtpPort is null ? null : "127.0.0.1",
            ["Hub:Smtp:Port"] = smtpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        .ConfigureLogging(l => l.ClearProviders())
        .ConfigureServices((context, services) =>
        {
            services.AddApplication();
            services.AddInfrastructure(context.Configuration, AppContext.BaseDirectory);
            services.AddScoped<ICurrentUser, NoUser>();
        })
        .Build();

    [SkippableFact]
    public async Task Should_deliver_every_email_once_when_two_instances_share_the_clustered_schedule()
    {
        smtp.Require();
        var marker = Guid.NewGuid().ToString("N");
        using var first = Instance();
        using var second = Instance();
        await first.StartAsync();
        await WaitForCheckIns(first, 1); // the first instance provisions Quartz's tables
        await second.StartAsync();
        await WaitForCheckIns(first, 2);

        using (var scope = first.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            for (var i = 0; i < 10; i++)
            {
                outbox.Enqueue(new OutgoingEmail($"person{i}@hub.test", $"Scheduled {marker} {i}", "Hello", "test"));
            }
            await scope.ServiceProvider.GetRequiredService<HubDbContext>().SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && smtp.Messages().Count(m => m.Contains(marker, StringComparison.Ordinal)) < 10)
        {
            await Task.Delay(250);
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // any duplicate would arrive in this time

        var received = smtp.Messages().Where(m => m.Contains(marker, StringComparison.Ordinal)).ToList();
        received.Count.ShouldBe(10);
        received.Select(m => SmtpServer.Header(m, "Message-ID")).Distinct().Count().ShouldBe(10);

        using (var scope = first.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var instances = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM qrtz_scheduler_state").SingleAsync();
            instances.ShouldBe(2, "both instances checked in to the cluster");
            (await db.OutboxMessages.CountAsync(m => m.Subject.Contains(marker) && m.SentAt == null)).ShouldBe(0);
        }

        await second.StopAsync();
        await first.StopAsync();
    }

    /// <summary>Waits (up to 30 seconds) until this many scheduler instances have checked in to the cluster.</summary>
    internal static async Task WaitForCheckIns(IHost host, int instances)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if (await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM qrtz_scheduler_state").SingleAsync() >= instances)
                {
                    return;
                }
            }
            catch (Npgsql.PostgresException)
            {
                // Tables not created yet.
            }
            await Task.Delay(250);
        }
    }

    private sealed class NoUser : ICurrentUser
    {
        public Guid? UserId => null;
        public string Role => "System";
        public bool IsInRole(string role) => false;
    }
}
