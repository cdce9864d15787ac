using Hangfire;
using Hub.Infrastructure.Jobs;
using Hub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.IntegrationTests.Jobs;

/// <summary>
/// The jobs that run every few seconds write nothing at Information or above when they find
/// nothing to do: an idle hub's log stays empty instead of gaining a line a tick (issue 18). The
/// report job is left out: its handler needs the web host's document renderer, which this worker
/// host does not have; its request is a routine one like the rest.
/// </summary>
[Collection(JobServers.Name)]
public sealed class QuietTickTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_log_the_frequent_jobs_idle_ticks_at_debug_only()
    {
        var logs = new CapturingLoggerProvider();
        using var host = JobHosts.Instance(database.ConnectionString, smtpPort: null,
            configure: s => s.AddLogging(b => b.AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)));
        await host.StartWithoutRecurringJobsAsync();
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var before = logs.Entries.Count;

        string[] runs =
        [
            jobs.Enqueue<OutboxJob>(j => j.RunAsync(CancellationToken.None)),
            jobs.Enqueue<AuditSealJob>(j => j.RunAsync(CancellationToken.None)),
            jobs.Enqueue<ReviewReminderJob>(j => j.RunAsync(CancellationToken.None)),
            jobs.Enqueue<MeetingReminderJob>(j => j.RunAsync(CancellationToken.None)),
        ];
        foreach (var run in runs)
        {
            (await host.Succeeded(run, seconds: 60)).ShouldBeTrue(Outcome(host, run));
        }
        await host.StopAsync();

        var ticks = logs.Entries.Skip(before).Where(e => e.Category.StartsWith("Hub.", StringComparison.Ordinal)).ToList();
        ticks.ShouldContain(e => e.Level == LogLevel.Debug && e.Text.Contains("Handled", StringComparison.Ordinal),
            "the capture sees the ticks' own lines, so one at a louder level would be found");
        ticks.Where(e => e.Level >= LogLevel.Information).Select(e => $"{e.Category}: {e.Text}").ShouldBeEmpty();
    }

    private static string Outcome(Microsoft.Extensions.Hosting.IHost host, string run)
    {
        var details = host.Details(run);
        var latest = details.History.FirstOrDefault();
        var reason = latest?.Data is { } data && data.TryGetValue("ExceptionMessage", out var message) ? message : string.Empty;
        return $"the idle tick of {details.Job.Type.Name} ran ({latest?.StateName} {reason})";
    }
}
