using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Hub.Benchmarks;

/// <summary>The 50th and 95th percentiles (nearest rank) of one query's timed runs on one hub, in milliseconds.</summary>
internal sealed record Timing(double P50, double P95)
{
    public static Timing Of(double[] milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Timing(At(0.50), At(0.95));
    }
}

internal sealed record QueryResult(string Name, Timing Small, Timing Large)
{
    public double Ratio => Large.P95 / Small.P95;
}

/// <summary>The results as markdown, with the machine and date, ready to paste into docs/performance.md.</summary>
internal static class Report
{
    /// <summary>The quality bar: p95 at the large size over p95 at the small size.</summary>
    private const double Bar = 1.5;

    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<string> Markdown(BenchmarkSettings settings, IReadOnlyList<SeededHub> hubs, IReadOnlyList<QueryResult> results, IReadOnlyList<ReportResult> reports, DateTimeOffset now)
    {
        var postgres = await hubs[0].Host.WithDb(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('server_version') AS \"Value\"").SingleAsync());
        var text = new StringBuilder();
        text.AppendLine(En, $"### Dashboard queries at {hubs[0].Referrals:N0} and {hubs[1].Referrals:N0} referrals ({now:yyyy-MM-dd})");
        text.AppendLine();
        text.AppendLine(En, $"Machine: {Environment.ProcessorCount} cores (nproc), {MemoryGiB():N1} GiB memory, {RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, PostgreSQL {postgres} (throwaway cluster as the tests start it: fsync off).");
        text.AppendLine(En, $"Data: `BulkSeeder`, {settings.PerWeek:N0} referrals a week back from now, seed {settings.Seed}. " +
            $"Each query: {settings.WarmUp} warm-up runs, then {settings.Runs} timed runs through MediatR, a fresh scope each, as the web host sends them.");
        text.AppendLine();
        text.AppendLine("| hub | referrals | history | rows | seeded in | referrals a second | VACUUM ANALYZE | database size |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var hub in hubs)
        {
            text.AppendLine(En, $"| {hub.Label} | {hub.Referrals:N0} | {Weeks(hub.Weeks)} | {hub.Rows:N0} | {hub.SeedTime:h\\:mm\\:ss} | " +
                $"{hub.Referrals / Math.Max(hub.SeedTime.TotalSeconds, 0.001):N0} | {hub.StatisticsTime:h\\:mm\\:ss} | {hub.DatabaseBytes / 1048576.0:N0} MB |");
        }
        text.AppendLine();
        text.AppendLine("| query | p50 small (ms) | p95 small (ms) | p50 large (ms) | p95 large (ms) | p95 large / small |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(En, $"| {r.Name} | {r.Small.P50:N1} | {r.Small.P95:N1} | {r.Large.P50:N1} | {r.Large.P95:N1} | " +
                $"{r.Ratio:N2}{(r.Ratio > Bar ? $" (over the {Bar} bar)" : string.Empty)} |");
        }
        text.AppendLine();
        text.AppendLine("Commissioner report, 12 months, whole hub (facts, figures, suppression, page, CSV and PDF; target under 10 s and 500 MB):");
        text.AppendLine();
        text.AppendLine("| hub | period | state | time | peak working set of the hub process | of which before it started | peak of Chromium's processes (PSS) | PDF size |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in reports)
        {
            text.AppendLine(En, $"| {r.Hub} | {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd} | {r.Status} | {r.Elapsed.TotalSeconds:N1} s | " +
                $"{r.PeakWorkingSetBytes / 1048576.0:N0} MB | {r.BaselineWorkingSetBytes / 1048576.0:N0} MB | {r.ChromiumPeakBytes / 1048576.0:N0} MB | {r.PdfBytes / 1024.0:N0} KB |");
        }
        return text.ToString();
    }

    private static string Weeks(double weeks) => weeks < 104 ? $"{weeks:N0} weeks" : $"{weeks / 52.18:N0} years";

    /// <summary>Total memory as `free` reports it, or what the runtime may use when /proc is not there.</summary>
    internal static double MemoryGiB()
    {
        const string meminfo = "/proc/meminfo";
        var line = File.Exists(meminfo) ? File.ReadLines(meminfo).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kib is not null && long.TryParse(kib, CultureInfo.InvariantCulture, out var value)
            ? value / 1048576.0
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
    }
}
