using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Hub.Application.Connect;
using Hub.Application.Connect.GetWhatsOn;
using Hub.Application.Connect.OpenReferralApi;
using Hub.Application.Connect.OpenReferralApi.ListServices;
using Hub.Application.Connect.SearchGroups;
using Hub.Domain.CommunityOffers;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Hub.Benchmarks;

/// <summary>
/// The directory mode (<c>run.sh directory</c>): Connect and Do's public search (unfiltered and
/// filtered), the week view and the Open Referral UK service list (unfiltered and filtered), timed at
/// 50 and at 5,000 groups, against the bar "p95 at 5,000 / p95 at 50 &lt;= 1.5" (issue 16). The two
/// directories are timed in alternating turns (small then large, then large then small) so a burst of
/// load on the shared machine falls on both alike.
/// </summary>
internal static class DirectoryBenchmark
{
    public const string Usage = """
        Usage: tests/Hub.Benchmarks/run.sh directory [--small 50] [--large 5000] [--warm-up 20] [--runs 200] [--explain]
        Seeds two directories of invented groups (DirectoryGroups, as the command-count test) in a throwaway PostgreSQL cluster and
        prints p50/p95 of the public search, the week view and the Open Referral UK service list as markdown.
        --explain: after timing, print how PostgreSQL ran each command of each request on the large directory (EXPLAIN ANALYZE, BUFFERS).
        """;

    private const double Bar = 1.5;
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed record Request(string Name, Func<ApplicationHost, Task> Send);

    public static async Task<int> RunAsync(string[] args)
    {
        var (small, large, warmUp, runs) = (50, 5_000, 20, 200);
        var explain = args.Contains("--explain");
        args = args.Where(a => a != "--explain").ToArray();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1].Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--small": small = value; break;
                case "--large": large = value; break;
                case "--warm-up": warmUp = value; break;
                case "--runs": runs = value; break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
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

        var hosts = new List<(int Groups, ApplicationHost Host)>();
        var visible = new List<string>();
        var plans = new QueryPlans();
        string? largeConnection = null;
        foreach (var groups in new[] { small, large })
        {
            Console.Error.WriteLine($"Seeding a directory of {groups:N0} groups...");
            var connection = await server.CreateDatabaseAsync();
            largeConnection = connection;
            var host = new ApplicationHost(connection, new TestClock(Now), interceptors: groups == large && explain ? [plans] : null);
            foreach (var chunk in DirectoryGroups.Generate(groups, Now).Chunk(1_000))
            {
                await host.WithDb(db =>
                {
                    db.CommunityOffers.AddRange(chunk);
                    return db.SaveChangesAsync();
                });
            }
            // VACUUM marks a page all-visible only when no snapshot in the database is older than its rows: an
            // autovacuum worker analysing the freshly seeded table holds one, and VACUUM then leaves the visibility
            // map part-empty, so index-only reads go to the table too (a real server's autovacuum puts it right
            // later). Vacuum again until every page is all-visible, and report it.
            await host.WithDb(db => db.Database.ExecuteSqlRawAsync("CHECKPOINT"));
            var seen = "";
            for (var attempt = 0; attempt < 20; attempt++)
            {
                await host.WithDb(db => db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE"));
                var pages = await host.WithDb(db => db.Database.SqlQueryRaw<int>(
                    "SELECT relallvisible AS \"Value\" FROM pg_class WHERE relname = 'CommunityOffers' UNION ALL SELECT relpages FROM pg_class WHERE relname = 'CommunityOffers'").ToListAsync());
                seen = $"{pages[0]} of {pages[1]}";
                if (pages[0] >= pages[1])
                {
                    break;
                }
                await Task.Delay(500);
            }
            visible.Add(seen);
            hosts.Add((groups, host));
        }

        var home = new DirectoryFilter("Home");
        var filtered = home with { Day = DayOfWeek.Tuesday, PartOfDay = PartOfDay.Evening, FreeOnly = true, Access = OfferAccess.StepFree, Text = "group" };
        var stepFree = OpenReferralTaxonomies.Terms.Single(t => t.Code == nameof(OfferAccess.StepFree)).Id;
        Request[] requests =
        [
            new("Directory search, first page, no filter", h => h.SendAsPublic(new SearchGroups(home))),
            new("Directory search, filtered: words, Tuesday evening, free, step-free", h => h.SendAsPublic(new SearchGroups(filtered))),
            new("Directory search, page 3", h => h.SendAsPublic(new SearchGroups(home, 3))),
            new("What's on: one day of the week view", h => h.SendAsPublic(new GetWhatsOn(home, 1))),
            new("What's on: one day, filtered", h => h.SendAsPublic(new GetWhatsOn(filtered, 1))),
            new("Open Referral UK services, first page of 50, every area", h => h.SendAsPublic(new ListOpenReferralServices())),
            new("Open Referral UK services, filtered: search, step-free term, Tuesday, one area", h => h.SendAsPublic(new ListOpenReferralServices(Search: "group", TaxonomyTermId: stepFree, Day: "TU", Area: "Home"))),
        ];

        var rows = new List<(string Name, Timing Small, Timing Large)>();
        var explained = new List<string>();
        foreach (var request in requests)
        {
            Console.Error.WriteLine($"Timing '{request.Name}'...");
            var timed = hosts.Select(_ => new double[runs]).ToArray();
            for (var run = 0; run < warmUp; run++)
            {
                foreach (var (_, host) in hosts)
                {
                    await request.Send(host);
                }
            }
            var stopwatch = new Stopwatch();
            for (var run = 0; run < runs; run++)
            {
                // Alternate which directory goes first, so neither always follows the other.
                foreach (var index in run % 2 == 0 ? new[] { 0, 1 } : [1, 0])
                {
                    stopwatch.Restart();
                    await request.Send(hosts[index].Host);
                    timed[index][run] = stopwatch.Elapsed.TotalMilliseconds;
                }
            }
            rows.Add((request.Name, Timing.Of(timed[0]), Timing.Of(timed[1])));
            if (explain)
            {
                plans.Recording = true;
                await request.Send(hosts[1].Host);
                plans.Recording = false;
                explained.Add(await plans.ExplainAsync(largeConnection!, $"{request.Name} ({large:N0} groups)"));
            }
        }

        var postgres = await hosts[0].Host.WithDb(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('server_version') AS \"Value\"").SingleAsync());
        var text = new StringBuilder();
        text.AppendLine(En, $"### Connect and Do directory at {small:N0} and {large:N0} groups ({DateTime.UtcNow:yyyy-MM-dd})");
        text.AppendLine();
        text.AppendLine(En, $"Machine: {Environment.ProcessorCount} cores (nproc), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
            $"PostgreSQL {postgres} (throwaway cluster: fsync off); load average at the end {LoadAverage()}.");
        text.AppendLine(En, $"Data: `DirectoryGroups` (three areas, five neighbourhoods, two sessions a week each), CHECKPOINT and VACUUM ANALYZE after seeding, repeated until every page is all-visible (pages all-visible: {string.Join(" and ", visible)}). " +
            $"Each request: {warmUp} warm-up runs, then {runs} timed runs through MediatR, the two directories in alternating turns.");
        text.AppendLine();
        text.AppendLine("| request | p50 small (ms) | p95 small (ms) | p50 large (ms) | p95 large (ms) | p95 large / small |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, s, l) in rows)
        {
            var ratio = l.P95 / s.P95;
            text.AppendLine(En, $"| {name} | {s.P50:N1} | {s.P95:N1} | {l.P50:N1} | {l.P95:N1} | {ratio:N2}{(ratio > Bar ? $" (over the {Bar} bar)" : string.Empty)} |");
        }
        Console.WriteLine(text.ToString());
        foreach (var plan in explained)
        {
            Console.WriteLine(plan);
        }

        foreach (var (_, host) in hosts)
        {
            await host.DisposeAsync();
        }
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
