using Hangfire;
using Hub.Infrastructure.Jobs;
using Hub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Hub.IntegrationTests.Jobs;

/// <summary>
/// Two hub instances share Hangfire's storage in PostgreSQL: each occurrence of a recurring job
/// (the outbox drain, every second here) becomes one job, run once, by one instance or the other,
/// also when one instance stops halfway; and emails queued in between are delivered once. This is
/// the short form; the ten-minute run of the quality bar is a script item (docs/reliability.md).
/// </summary>
[Collection(JobServers.Name)]
public sealed class TwoInstanceTests(DatabaseFixture database, SmtpServer smtp, ITestOutputHelper output)
    : IClassFixture<DatabaseFixture>, IClassFixture<SmtpServer>
{
    private const int Ticks = 10;

    [SkippableFact]
    public async Task Should_run_each_occurrence_of_a_recurring_job_once_across_two_instances_and_deliver_each_email_once()
    {
        smtp.Require();
        using var first = JobHosts.Instance(database.ConnectionString, smtp.Port, outboxIntervalSeconds: 1);
        using var second = JobHosts.Instance(database.ConnectionString, smtp.Port, outboxIntervalSeconds: 1);
        await first.StartAsync(); // the first instance creates Hangfire's schema
        await second.StartAsync();
        (await JobHosts.Eventually(() => Task.FromResult(first.ServersAlive() == 2))).ShouldBeTrue("both servers announced themselves");
        var from = DateTime.UtcNow.AddSeconds(1);
        var marker = Guid.NewGuid().ToString("N");
        await first.QueueEmailsAsync(marker, 5);

        // Halfway, the instance that ran the most stops (a deploy, a crash) and the other must carry on.
        (await JobHosts.Eventually(() => Task.FromResult(Occurrences(first, from).Count >= Ticks / 2))).ShouldBeTrue();
        var busy = Occurrences(first, from).SelectMany(o => o.Servers).GroupBy(s => s).MaxBy(g => g.Count())!.Key;
        var (stopping, staying) = busy.StartsWith(first.Services.GetRequiredService<JobInstance>().Name + ":", StringComparison.Ordinal) ? (first, second) : (second, first);
        await stopping.StopAsync();
        await second.QueueEmailsAsync(marker + "-late", 5);
        (await JobHosts.Eventually(() => Task.FromResult(Occurrences(staying, from).Count(o => o.Succeeded) >= Ticks + 1))).ShouldBeTrue();
        await staying.StopAsync();

        var occurrences = Occurrences(staying, from).Where(o => o.Succeeded).OrderBy(o => o.Time).Take(Ticks).ToList();
        output.WriteLine(string.Join("\n", occurrences.Select(o => $"{o.Time:HH:mm:ss} {o.Jobs} job(s), run by {string.Join(", ", o.Servers)}")));
        occurrences.Count.ShouldBe(Ticks);
        occurrences.ShouldAllBe(o => o.Jobs == 1 && o.Servers.Count == 1, "each occurrence is one job, run once");
        occurrences.Zip(occurrences.Skip(1), (a, b) => b.Time - a.Time).ShouldAllBe(gap => gap <= TimeSpan.FromSeconds(2), "no occurrence was lost");
        occurrences.SelectMany(o => o.Servers).Distinct().Count().ShouldBe(2, "both instances ran occurrences");

        var received = smtp.Messages().Where(m => m.Contains(marker, StringComparison.Ordinal)).ToList();
        received.Count.ShouldBe(10);
        received.Select(m => SmtpServer.Header(m, "Message-ID")).Distinct().Count().ShouldBe(10);
    }

    private static string? Property(IDictionary<string, string> properties, string name) =>
        properties.TryGetValue(name, out var value) ? value?.Trim('"') : null;

    private sealed record Occurrence(DateTime Time, int Jobs, IReadOnlyList<string> Servers, bool Succeeded);

    /// <summary>The outbox job's occurrences since <paramref name="from"/>, read from the shared storage: the jobs made for each and who ran them.</summary>
    private static List<Occurrence> Occurrences(IHost host, DateTime from)
    {
        var storage = host.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        var ids = monitoring.SucceededJobs(0, 1000).Select(j => j.Key)
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Key))
            .Distinct();
        var jobs = new List<(DateTime Time, List<string> Servers, bool Succeeded)>();
        foreach (var id in ids)
        {
            var details = monitoring.JobDetails(id);
            if (Property(details.Properties, "RecurringJobId") != OutboxJob.Id
                || !long.TryParse(Property(details.Properties, "Time"), out var unix))
            {
                continue;
            }
            var time = DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime;
            if (time < from)
            {
                continue;
            }
            var servers = details.History.Where(h => h.StateName == "Processing").Select(h => h.Data["ServerId"]).ToList();
            jobs.Add((time, servers, details.History.FirstOrDefault()?.StateName == "Succeeded"));
        }
        return jobs.GroupBy(j => j.Time)
            .Select(g => new Occurrence(g.Key, g.Count(), g.SelectMany(j => j.Servers).ToList(), g.All(j => j.Succeeded)))
            .ToList();
    }
}
