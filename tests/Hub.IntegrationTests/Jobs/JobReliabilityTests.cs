using Hub.Infrastructure.Email;
using Hub.Infrastructure.Jobs;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Hub.IntegrationTests.Jobs;

/// <summary>
/// The quality bar's job proofs (Reliability 6), through Hangfire's server and its PostgreSQL
/// storage, with the outbox drain as the job: each run's effect is an email a real SMTP server
/// receives. Each test has its own outbox marker; recurring jobs are taken away where the test
/// enqueues the runs itself.
/// </summary>
[Collection(JobServers.Name)]
public sealed class JobReliabilityTests(DatabaseFixture database, SmtpServer smtp, ITestOutputHelper output)
    : IClassFixture<DatabaseFixture>, IClassFixture<SmtpServer>
{
    private List<string> Received(string marker) => smtp.Messages().Where(m => m.Contains(marker, StringComparison.Ordinal)).ToList();

    [SkippableFact]
    public async Task Should_have_one_effect_when_a_job_fails_twice_and_then_succeeds()
    {
        smtp.Require();
        var faults = new FailsTheClaimTwice();
        using var host = JobHosts.Instance(database.ConnectionString, smtp.Port,
            configure: s => s.ConfigureDbContext<Hub.Infrastructure.Persistence.Providers.PostgresHubDbContext>(o => o.AddInterceptors(faults)));
        await host.StartWithoutRecurringJobsAsync();
        var marker = Guid.NewGuid().ToString("N");
        await host.QueueEmailsAsync(marker, 1);
        faults.Armed = true;

        var job = host.EnqueueOutboxRun();

        (await host.Succeeded(job)).ShouldBeTrue("retried by Hangfire until it succeeded");
        faults.Claims.ShouldBe(3, "two thrown, then the third claim went through");
        var states = host.States(job).Select(s => s.StateName).ToList();
        output.WriteLine(string.Join(" > ", states));
        states.Count(s => s == "Processing").ShouldBe(3, "two failed runs and the one that worked");
        states.Count(s => s == "Scheduled").ShouldBe(2, "each failure scheduled a retry");
        Received(marker).Count.ShouldBe(1);
        (await host.OutboxAsync(marker)).Single().SentAt.ShouldNotBeNull();
        await host.StopAsync();
    }

    [SkippableFact]
    public async Task Should_run_again_elsewhere_with_one_effect_when_a_worker_is_stopped_mid_job()
    {
        smtp.Require();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var stalls = new StallsUntilStopped();
        var marker = Guid.NewGuid().ToString("N");
        string job;
        string stoppedServer;
        using (var first = JobHosts.Instance(database.ConnectionString, smtp.Port, clock, s => s.Replace(ServiceDescriptor.Singleton<ISmtpSender>(stalls))))
        {
            await first.StartWithoutRecurringJobsAsync();
            await first.QueueEmailsAsync(marker, 1);
            job = first.EnqueueOutboxRun();
            (await stalls.Started.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue();
            stoppedServer = (string)first.States(job).Last(s => s.StateName == "Processing").Data["ServerId"];
            await first.StopAsync(); // a deploy: the job is cancelled mid-send and handed back to the queue
        }
        Received(marker).ShouldBeEmpty();
        // The first worker's claim on the message lapses, as it would after a real stop.
        clock.Advance(OutboxDispatcher.ClaimFor + TimeSpan.FromSeconds(1));

        using var second = JobHosts.Instance(database.ConnectionString, smtp.Port, clock);
        await second.StartWithoutRecurringJobsAsync();
        (await second.Succeeded(job)).ShouldBeTrue("the same job ran again on the other instance");

        var processing = second.States(job).Where(s => s.StateName == "Processing").Select(s => (string)s.Data["ServerId"]).ToList();
        output.WriteLine($"processed by: {string.Join(", ", processing)}");
        processing.First().ShouldBe(stoppedServer);
        processing.Last().ShouldNotBe(stoppedServer);
        Received(marker).Count.ShouldBe(1);
        var message = (await second.OutboxAsync(marker)).Single();
        (message.SentAt is not null, message.Attempts).ShouldBe((true, 1));
        await second.StopAsync();
    }

    [SkippableFact]
    public async Task Should_send_once_when_the_relay_is_down_for_two_runs_and_then_back()
    {
        smtp.Require();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var marker = Guid.NewGuid().ToString("N");
        using (var down = JobHosts.Instance(database.ConnectionString, ClosedPort(), clock))
        {
            await down.StartWithoutRecurringJobsAsync();
            await down.QueueEmailsAsync(marker, 1);
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                (await down.Succeeded(down.EnqueueOutboxRun())).ShouldBeTrue("a relay that is down is the outbox's business, not a failed job");
                var waiting = (await down.OutboxAsync(marker)).Single();
                (waiting.Attempts, waiting.SentAt, waiting.ClaimedUntil).ShouldBe((attempt, null, null));
                clock.Advance(OutboxDispatcher.Backoff(attempt) + TimeSpan.FromSeconds(1));
            }
            await down.StopAsync();
        }

        using var up = JobHosts.Instance(database.ConnectionString, smtp.Port, clock);
        await up.StartWithoutRecurringJobsAsync();
        (await up.Succeeded(up.EnqueueOutboxRun())).ShouldBeTrue();
        (await up.Succeeded(up.EnqueueOutboxRun())).ShouldBeTrue();

        Received(marker).Count.ShouldBe(1);
        var sent = (await up.OutboxAsync(marker)).Single();
        (sent.Attempts, sent.SentAt is not null).ShouldBe((3, true), "two failures and the send, each counted once");
        await up.StopAsync();
    }

    [SkippableFact]
    public async Task Should_register_every_recurring_job_in_uk_time_and_run_the_nightly_and_monthly_ones_when_triggered()
    {
        using var host = JobHosts.Instance(database.ConnectionString, smtpPort: null);
        await host.StartAsync();
        var storage = host.Services.GetRequiredService<Hangfire.JobStorage>();

        using (var connection = storage.GetConnection())
        {
            var recurring = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);
            recurring.Select(r => r.Id).ShouldBe([OutboxJob.Id, AuditSealJob.Id, ReportJob.Id, ReviewReminderJob.Id, MeetingReminderJob.Id, MonthlyReportJob.Id, RetentionJob.Id], ignoreOrder: true);
            recurring.ShouldAllBe(r => r.TimeZoneId == "Europe/London" || r.TimeZoneId == "GMT Standard Time");
            recurring.Single(r => r.Id == RetentionJob.Id).Cron.ShouldBe("30 2 * * *");
            recurring.Single(r => r.Id == MonthlyReportJob.Id).Cron.ShouldBe("0 6 1 * *");
        }
        var manager = (Hangfire.IRecurringJobManagerV2)host.Services.GetRequiredService<Hangfire.IRecurringJobManager>();
        foreach (var id in new[] { RetentionJob.Id, MonthlyReportJob.Id, ReviewReminderJob.Id, MeetingReminderJob.Id })
        {
            var job = manager.TriggerJob(id);
            (await host.Succeeded(job)).ShouldBeTrue($"{id} ran");
        }
        await host.StopAsync();
    }

    /// <summary>A loopback port nobody listens on: the relay is down.</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The outbox claim fails twice with an error no retry strategy recognises, so the whole job fails twice.</summary>
    private sealed class FailsTheClaimTwice : DbCommandInterceptor
    {
        private int _claims;
        public bool Armed { get; set; }
        public int Claims => _claims;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("\"ClaimedBy\" = ", StringComparison.Ordinal) && Interlocked.Increment(ref _claims) <= 2)
            {
                throw new InvalidOperationException("Injected: the database refused the claim");
            }
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    /// <summary>Holds the send until the worker is stopped, as a slow relay would when a deploy comes.</summary>
    private sealed class StallsUntilStopped : ISmtpSender
    {
        public TaskCompletionSource<bool> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool IsConfigured => true;

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Started.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
