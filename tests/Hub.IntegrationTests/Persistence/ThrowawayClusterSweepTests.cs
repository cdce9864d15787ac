using System.Diagnostics;
using Hub.TestSupport;

namespace Hub.IntegrationTests.Persistence;

/// <summary>
/// The test fixture's clean-up: clusters left by killed test hosts are stopped and removed by the
/// next run, while a cluster whose owner still runs is never touched.
/// </summary>
public sealed class ThrowawayClusterSweepTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("sweep-test-").FullName;

    [Fact]
    public async Task A_cluster_whose_owner_has_exited_is_stopped_and_removed_and_a_live_ones_is_kept()
    {
        var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await exited.WaitForExitAsync();
        var exitedPid = exited.Id;
        var startTicks = DateTime.UtcNow.Ticks;
        exited.Dispose();

        var abandoned = MakeCluster("hub-pg-abandoned", $"{exitedPid} {startTicks}", running: true);
        var abandonedStopped = MakeCluster("hub-pg-stopped", $"{exitedPid} {startTicks}", running: false);
        using var self = Process.GetCurrentProcess();
        var live = MakeCluster("hub-pg-live", $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}", running: true);
        // The same process id, but a process that started an hour earlier: the id has been reused.
        var reusedPid = MakeCluster("hub-pg-reused", $"{self.Id} {self.StartTime.ToUniversalTime().AddHours(-1).Ticks}", running: false);
        // This process, its start time read a second off (as another process may read it): still live.
        var liveReadOff = MakeCluster("hub-pg-live-read-off", $"{self.Id} {self.StartTime.ToUniversalTime().AddSeconds(1).Ticks}", running: true);
        var unownedRecent = MakeCluster("hub-pg-unowned", owner: null, running: true);
        var unrelated = Directory.CreateDirectory(Path.Combine(_temp, "other-folder")).FullName;

        var stopped = new List<string>();
        var removed = await ThrowawayClusters.SweepAbandonedAsync(data =>
        {
            stopped.Add(data);
            return Task.CompletedTask;
        }, _temp);

        Assert.Equal(3, removed);
        Assert.False(Directory.Exists(abandoned));
        Assert.False(Directory.Exists(abandonedStopped));
        Assert.False(Directory.Exists(reusedPid));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(liveReadOff));
        Assert.True(Directory.Exists(unownedRecent));
        Assert.True(Directory.Exists(unrelated));
        // Only the one with a server still recorded as running is asked to stop.
        Assert.Equal([Path.Combine(abandoned, "data")], stopped);
    }

    [Fact]
    public void An_unowned_cluster_from_before_owners_were_recorded_counts_as_abandoned_only_when_old()
    {
        var unowned = MakeCluster("hub-pg-old", owner: null, running: false);
        var written = Directory.GetLastWriteTimeUtc(unowned);

        Assert.False(ThrowawayClusters.IsAbandoned(unowned, written.AddHours(1)));
        Assert.True(ThrowawayClusters.IsAbandoned(unowned, written.AddHours(7)));
    }

    [Fact]
    public void The_cluster_this_run_creates_is_owned_by_this_process()
    {
        var root = ThrowawayClusters.Create();
        try
        {
            Assert.False(ThrowawayClusters.IsAbandoned(root, DateTime.UtcNow.AddDays(1)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private string MakeCluster(string name, string? owner, bool running)
    {
        var root = Path.Combine(_temp, name);
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        if (owner is not null)
        {
            File.WriteAllText(Path.Combine(root, "owner"), owner);
        }
        if (running)
        {
            File.WriteAllText(Path.Combine(data, "postmaster.pid"), "12345\n");
        }
        return root;
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
