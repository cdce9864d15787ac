using System.Diagnostics;
using Hub.Benchmarks;
using Hub.Benchmarks.Web;
using Hub.Infrastructure.Seeding.Bulk;
using Hub.TestSupport;
using Xunit;

// Seeds a small and a large hub in a throwaway PostgreSQL cluster, times each dashboard query on
// both and prints the results as markdown for docs/performance.md. Progress goes to stderr, the
// report to stdout. See README.md beside this file. Two more modes run the hub as a web server:
// `throughput` (wrk against the public form and a bare insert) and `soak` (browser-like clients).
// `directory` times Connect and Do's search, week view and Open Referral UK list at 50 and 5,000 groups.
switch (args.FirstOrDefault())
{
    case "throughput" when args.Contains("--help"):
        Console.WriteLine(ThroughputBenchmark.Usage);
        return 0;
    case "throughput":
        return await ThroughputBenchmark.RunAsync(args[1..]);
    case "soak" when args.Contains("--help"):
        Console.WriteLine(Soak.Usage);
        return 0;
    case "soak":
        return await Soak.RunAsync(args[1..]);
    case "directory" when args.Contains("--help"):
        Console.WriteLine(DirectoryBenchmark.Usage);
        return 0;
    case "directory":
        return await DirectoryBenchmark.RunAsync(args[1..]);
}
if (args.Contains("--help"))
{
    Console.WriteLine(BenchmarkSettings.Usage);
    return 0;
}
// --explain: after timing, print how PostgreSQL ran each command of each query on the large hub.
var explain = args.Contains("--explain");
args = args.Where(a => a != "--explain").ToArray();
// --only <words>: time only the queries whose name contains the words, and skip the report (a quick, lean run).
var onlyAt = Array.IndexOf(args, "--only");
var only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : null;
if (onlyAt >= 0)
{
    args = args.Where((_, i) => i != onlyAt && i != onlyAt + 1).ToArray();
}
var queries = DashboardQueries.All.Where(q => only is null || q.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
if (!BenchmarkSettings.TryParse(args, out var settings, out var problem))
{
    Console.Error.WriteLine(problem + Environment.NewLine + BenchmarkSettings.Usage);
    return 2;
}

PostgresServer server;
try
{
    Console.Error.WriteLine("Starting a throwaway PostgreSQL cluster (or using HUB_TEST_POSTGRES)...");
    server = await PostgresServer.GetAsync();
}
catch (Exception ex) when (ex is SkipException or InvalidOperationException)
{
    Console.Error.WriteLine("PostgreSQL is not available: " + ex.Message);
    return 1;
}

// One "now" for both, so their most recent weeks line up.
var now = DateTimeOffset.UtcNow;
var sizes = new[] { ("small", settings.Small), ("large", settings.Large) };
var hubs = new List<SeededHub>();
foreach (var (label, referrals) in sizes)
{
    Console.Error.WriteLine($"Seeding the {label} hub: {referrals:N0} referrals, {settings.PerWeek:N0} a week...");
    hubs.Add(await SeededHub.CreateAsync(server, label, new BulkSeedOptions { Referrals = referrals, PerWeek = settings.PerWeek, Seed = settings.Seed }, now));
}

var results = new List<QueryResult>();
foreach (var query in queries)
{
    var timings = new List<Timing>();
    foreach (var hub in hubs)
    {
        Console.Error.WriteLine($"Timing '{query.Name}' on the {hub.Label} hub...");
        timings.Add(await Time(query, hub, settings));
    }
    results.Add(new QueryResult(query.Name, timings[0], timings[1]));
}

var reports = new List<ReportResult>();
foreach (var hub in only is null ? hubs : [])
{
    Console.Error.WriteLine($"Making a 12-month commissioner report on the {hub.Label} hub...");
    reports.Add(await ReportBenchmark.RunAsync(hub));
}

Console.WriteLine(await Report.Markdown(settings, hubs, results, reports, now));
if (explain)
{
    var large = hubs[^1];
    foreach (var query in queries)
    {
        large.Plans.Recording = true;
        await query.Send(large, 0);
        large.Plans.Recording = false;
        Console.WriteLine(await large.Plans.ExplainAsync(large.ConnectionString, query.Name));
    }
}
foreach (var hub in hubs)
{
    await hub.DisposeAsync();
}
return 0;

static async Task<Timing> Time(BenchmarkQuery query, SeededHub hub, BenchmarkSettings settings)
{
    for (var run = 0; run < settings.WarmUp; run++)
    {
        await query.Send(hub, run);
    }
    var milliseconds = new double[settings.Runs];
    var stopwatch = new Stopwatch();
    for (var run = 0; run < settings.Runs; run++)
    {
        stopwatch.Restart();
        await query.Send(hub, settings.WarmUp + run);
        milliseconds[run] = stopwatch.Elapsed.TotalMilliseconds;
    }
    return Timing.Of(milliseconds);
}
