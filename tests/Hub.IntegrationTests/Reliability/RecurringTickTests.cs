using System.Collections.Concurrent;
using Hub.Infrastructure.Jobs;
using Hub.IntegrationTests.Email;
using Hub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Xunit.Abstractions;

namespace Hub.IntegrationTests.Reliability;

/// <summary>
/// Two hub instances share Quartz's clustered store in PostgreSQL: every tick of a recurring job
/// (the outbox job, every second here) runs once, on one instance or the other, and none is lost.
/// This is the short form; the ten-minute run of the quality bar is a script item (docs/reliability.md).
/// </summary>
// Quartz keeps schedulers by name for the whole process: tests that start clustered instances take turns.
[Collection("Clustered Quartz")]
public sealed class RecurringTickTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Ticks = 10;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [SkippableFact]
    public async Task Should_run_each_tick_of_a_recurring_job_once_across_two_instances()
    {
        using var first = ClusteredSchedulerTests.Instance(database.ConnectionString, smtpPort: null);
        using var second = ClusteredSchedulerTests.Instance(database.ConnectionString, smtpPort: null);
        await first.StartAsync();
        await ClusteredSchedulerTests.WaitForCheckIns(first, 1); // the first instance provisions Quartz's tables
        await second.StartAsync();
        await ClusteredSchedulerTests.WaitForCheckIns(first, 2);

        var log = new TickLog();
        var schedulers = new List<IScheduler>();
        foreach (var instance in new[] { first, second })
        {
            var scheduler = await instance.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            scheduler.ListenerManager.AddJobListener(log, Matchers.Key(OutboxJob.Key));
            schedulers.Add(scheduler);
        }
        schedulers.Select(s => s.SchedulerInstanceId).Distinct().Count().ShouldBe(2, "two schedulers, one per instance");

        // Count only the ticks due after both instances were listening. Halfway, the instance running
        // the ticks stops (a deploy, a crash) and the other must carry on: still once each, none lost.
        var from = DateTimeOffset.UtcNow + Interval;
        await WaitForTicks(log, from, Ticks / 2);
        var busy = log.DueAfter(from).GroupBy(t => t.Instance).MaxBy(g => g.Count())!.Key;
        var (stopping, staying) = schedulers[0].SchedulerInstanceId == busy ? (first, second) : (second, first);
        await stopping.StopAsync();
        var handover = DateTimeOffset.UtcNow;
        await WaitForTicks(log, from, Ticks + 1);
        await staying.StopAsync();

        var due = log.DueAfter(from).Select(t => t.Due).Distinct().Order().Take(Ticks).ToList();
        var runs = log.DueAfter(from).Where(t => t.Due <= due[^1]).ToList();
        due.Count.ShouldBe(Ticks, "enough ticks were due in the time allowed");
        runs.GroupBy(t => t.Due).Where(g => g.Count() > 1).ShouldBeEmpty("no tick ran twice");
        // Each instance schedules the recurring trigger again as it starts; when that lands while the
        // other holds the trigger, the schedule can run at two phases a fraction of a second apart for
        // a while (ticks closer than the interval). Never further apart: no tick is lost.
        due.Zip(due.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap <= Interval, "no tick was lost between the first and the last counted");
        runs.Select(r => r.Instance).Distinct().Count().ShouldBe(2, "the other instance took over after the first stopped");
        output.WriteLine($"{runs.Count} runs for {due.Count} ticks; by instance: "
            + string.Join(", ", runs.GroupBy(r => r.Instance).Select(g => g.Count()))
            + $"; the other instance's first run started {(runs.Where(r => r.Instance != busy).Min(r => r.Started) - handover).TotalSeconds:0.0} s after the handover");
    }

    private static async Task WaitForTicks(TickLog log, DateTimeOffset from, int ticks)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && log.DueAfter(from).Select(t => t.Due).Distinct().Count() < ticks)
        {
            await Task.Delay(250);
        }
    }

    /// <summary>Each run of the job as it starts: which instance ran it, the tick it was due for and when it started.</summary>
    private sealed class TickLog : IJobListener
    {
        private readonly ConcurrentQueue<(string Instance, DateTimeOffset Due, DateTimeOffset Started)> _runs = new();

        public string Name => "tick-log";

        public IEnumerable<(string Instance, DateTimeOffset Due, DateTimeOffset Started)> DueAfter(DateTimeOffset from) => _runs.Where(r => r.Due >= from);

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            _runs.Enqueue((context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.FireTimeUtc));
            return ValueTask.CompletedTask;
        }
    }
}
