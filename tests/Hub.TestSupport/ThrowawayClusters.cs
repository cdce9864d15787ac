using System.Diagnostics;
using System.Globalization;

namespace Hub.TestSupport;

/// <summary>
/// The folders of throwaway PostgreSQL clusters. Each records the test process that owns it; a test
/// host that is killed (the test runner does so when a host is slow to exit) never runs its exit
/// handler, so every start first stops and removes the clusters whose owner has gone. Without this a
/// busy machine's temp folder fills with a gigabyte a run until the disk is full.
/// </summary>
public static class ThrowawayClusters
{
    private const string Prefix = "hub-pg-";
    private const string OwnerFile = "owner";

    /// <summary>Clusters from before owners were recorded are left alone until they are this old.</summary>
    private static readonly TimeSpan UnownedGrace = TimeSpan.FromHours(6);

    /// <summary>How far one process's start time may read differently in another process.</summary>
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(5);

    /// <summary>A new cluster folder, owned by this process.</summary>
    public static string Create()
    {
        var root = Directory.CreateTempSubdirectory(Prefix).FullName;
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(Path.Combine(root, OwnerFile), Describe(self));
        return root;
    }

    /// <summary>Stops (through <paramref name="stop"/>, given the data folder) and removes every abandoned cluster.</summary>
    public static async Task<int> SweepAbandonedAsync(Func<string, Task> stop, string? temp = null)
    {
        var removed = 0;
        foreach (var root in Directory.EnumerateDirectories(temp ?? Path.GetTempPath(), Prefix + "*"))
        {
            if (!IsAbandoned(root, DateTime.UtcNow))
            {
                continue;
            }
            try
            {
                var data = Path.Combine(root, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    await stop(data);
                }
                Directory.Delete(root, recursive: true);
                removed++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another user's cluster, or one still shutting down: the next sweep tries again.
            }
        }
        return removed;
    }

    /// <summary>True when the process that made the cluster has exited (or, unowned, it is old).</summary>
    public static bool IsAbandoned(string root, DateTime nowUtc)
    {
        var ownerPath = Path.Combine(root, OwnerFile);
        if (!File.Exists(ownerPath))
        {
            return nowUtc - Directory.GetLastWriteTimeUtc(root) > UnownedGrace;
        }

        var recorded = File.ReadAllText(ownerPath).Trim().Split(' ');
        if (recorded.Length != 2
            || !int.TryParse(recorded[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || !long.TryParse(recorded[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return true;
        }
        try
        {
            using var owner = Process.GetProcessById(processId);
            // A reused process id started later. Start times are not exact across processes (.NET works
            // them out from the time since boot, read at each call), so allow a little either way.
            return owner.HasExited || Math.Abs(owner.StartTime.ToUniversalTime().Ticks - startTicks) > StartTimeTolerance.Ticks;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static string Describe(Process process) =>
        string.Create(CultureInfo.InvariantCulture, $"{process.Id} {process.StartTime.ToUniversalTime().Ticks}");
}
