using System.Diagnostics;
using Hub.Application.Common;
using Hub.Application.Reports;
using Hub.Application.Reports.GenerateReports;
using Hub.Application.Reports.GetReports;
using Hub.Application.Reports.RequestReport;
using Hub.Domain.Reports;

namespace Hub.Benchmarks;

/// <summary>The time and the memory of the benchmark process (Chromium is measured apart) while one report is made.</summary>
internal sealed record ReportResult(string Hub, DateOnly From, DateOnly To, TimeSpan Elapsed, long PeakWorkingSetBytes, long BaselineWorkingSetBytes, long ChromiumPeakBytes, ReportStatus Status, int PdfBytes);

/// <summary>
/// A commissioner's 12-month report made on a seeded hub as the background worker makes it: facts,
/// figures, suppression, the page, the CSV and the PDF printed by Chromium.
/// </summary>
internal static class ReportBenchmark
{
    public static async Task<ReportResult> RunAsync(SeededHub hub)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLocal(hub.Host.Clock.GetUtcNow()));
        var to = ReportScopes.LastMonth(today).To;
        var from = to.AddDays(1).AddMonths(-12);
        var id = await hub.Host.Send(new RequestReport(from, to, null, null), hub.TeamLeader, Roles.TeamLeader);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var self = Process.GetCurrentProcess();
        self.Refresh();
        var baseline = self.WorkingSet64;
        long peak = baseline, chromiumPeak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                chromiumPeak = Math.Max(chromiumPeak, ChromiumWorkingSet());
                await Task.Delay(20);
            }
        });
        var stopwatch = Stopwatch.StartNew();
        await hub.Host.Send(new GenerateQueuedReports(), hub.TeamLeader, Roles.TeamLeader);
        stopwatch.Stop();
        await sampling.CancelAsync();
        await sampler;

        var detail = await hub.Host.Send(new GetReport(id), hub.TeamLeader, Roles.TeamLeader);
        var pdf = detail.Files.FirstOrDefault(f => f.Kind == ReportFileKind.Pdf);
        return new ReportResult(hub.Label, from, to, stopwatch.Elapsed, peak, baseline, chromiumPeak, detail.Summary.Status, pdf?.Bytes ?? 0);
    }

    /// <summary>
    /// The proportional set size (PSS) of every Chromium process running now: each shared page is
    /// divided among the processes sharing it, so the sum is the memory Chromium really holds.
    /// </summary>
    private static long ChromiumWorkingSet()
    {
        long total = 0;
        foreach (var process in Process.GetProcessesByName("chromium"))
        {
            try
            {
                var rollup = $"/proc/{process.Id}/smaps_rollup";
                var pss = File.Exists(rollup) ? File.ReadLines(rollup).FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal)) : null;
                total += pss is null ? process.WorkingSet64 : long.Parse(pss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // It ended between listing and reading.
            }
            finally
            {
                process.Dispose();
            }
        }
        return total;
    }
}
