using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Benchmarks.Web;

/// <summary>
/// The quality bar for the public form's POST: at least 0.2 of a bare single insert and at least 0.5
/// of a fair yardstick (a Razor Pages POST with antiforgery doing one insert). The hub runs as its
/// own process on PostgreSQL and wrk posts to the real "Send my request" handler and to both
/// yardsticks in turn, in rounds that rotate which goes first, after a warm-up of at least
/// 2,000 referrals (tiered compilation settles). Every response wrk counts as a success must be a
/// row in the database, and every row a counted success.
/// </summary>
internal static partial class ThroughputBenchmark
{
    private const double BareBar = 0.2;
    private const double PageBar = 0.5;

    /// <summary>
    /// Seconds wrk waits after the last request it starts, so every answer is in before it stops (the
    /// same as its timeout: an answer slower than that is counted as unanswered, and its row as extra).
    /// </summary>
    private const int Tail = 10;

    public static readonly IReadOnlyDictionary<string, int> Defaults = new Dictionary<string, int>
    {
        ["rounds"] = 3,
        ["seconds"] = 20,
        ["warm-up"] = 10,
        ["warm-up-referrals"] = 2000,
        ["connections"] = 16,
        ["threads"] = 1,
    };

    public const string Usage = """
        Usage: tests/Hub.Benchmarks/throughput.sh [--rounds 3] [--seconds 20] [--warm-up 10] [--warm-up-referrals 2000] [--connections 16] [--threads 1]
        Runs the hub on a throwaway PostgreSQL and wrk against the self-referral send, the bare insert and the Razor Pages insert in turn; prints markdown.
        """;

    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<int> RunAsync(string[] args)
    {
        if (!ModeOptions.TryParse(args, Defaults, out var options, out var problem))
        {
            Console.Error.WriteLine(problem + Environment.NewLine + Usage);
            return 2;
        }
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "tests", "Hub.Benchmarks", "Web", "throughput.lua");

        await using var hub = await HubProcess.StartAsync(root);
        // The GET makes the hub's key ring (antiforgery needs it) before the mint reads it from the database.
        var (cookie, token) = await OpenFormAsync(hub.BaseAddress);
        await using var mint = new JourneyMint(hub.ConnectionString);
        var runs = new List<WrkRun>();
        var fastestForm = 0.0;
        string? journeys = null;

        async Task<WrkRun> Run(string target, int seconds, string label)
        {
            if (target == "form" || journeys is null)
            {
                // Each send needs a journey of its own, never sent before: two and a half times the fastest
                // rate seen so far, and at first enough for 750 sends a second.
                var count = (int)Math.Ceiling(Math.Max(750.0, fastestForm * 2.5) * seconds);
                Console.Error.WriteLine($"{label}: making {count:N0} journey cookies with complete answers...");
                if (journeys is not null)
                {
                    File.Delete(journeys);
                }
                journeys = await mint.MintAsync(count);
            }
            Console.Error.WriteLine($"{label}: wrk on the {Name(target)} for {seconds} s...");
            var before = target == "form" ? await hub.CountReferralsAsync() : await hub.CountBareInsertsAsync();
            var processor = hub.ProcessorTime;
            var database = await hub.DatabaseProcessorTimeAsync();
            var result = await RunWrkAsync(hub.BaseAddress, script, target, cookie, token, journeys, seconds, options);
            processor = hub.ProcessorTime - processor;
            database = await hub.DatabaseProcessorTimeAsync() - database;
            var after = target == "form" ? await hub.CountReferralsAsync() : await hub.CountBareInsertsAsync();
            var run = result with { Label = label, Target = target, Stored = after - before, HubProcessorMilliseconds = processor.TotalMilliseconds,
                DatabaseProcessorMilliseconds = database?.TotalMilliseconds };
            Console.Error.WriteLine($"  {run.Ok:N0} answered with success ({run.PerSecond:N1} a second, hub {run.ProcessorPerSuccess:N2} ms of processor each, database {(run.DatabaseProcessorPerSuccess is { } db ? $"{db:N2} ms" : "not measured")}), {run.Other:N0} otherwise, {run.Stored:N0} rows stored" +
                (run.Exhausted > 0 ? $"; ran out of journeys on {run.Exhausted} connection(s): void" : string.Empty));
            if (target == "form")
            {
                // A run that used up its journeys was held back by them: the hub may be twice as fast.
                fastestForm = Math.Max(fastestForm, run.Exhausted > 0 ? 2 * run.PerSecond : run.PerSecond);
            }
            return run;
        }

        var warmedUp = 0L;
        while (warmedUp < options["warm-up-referrals"])
        {
            warmedUp += (await Run("form", options["warm-up"], "warm-up")).Ok;
        }
        await Run("bare", options["warm-up"], "warm-up");
        await Run("page", options["warm-up"], "warm-up");
        string[] targets = ["bare", "page", "form"];
        for (var round = 1; round <= options["rounds"]; round++)
        {
            // Rotate which goes first, so a drift in the machine's load does not favour one side.
            var order = targets.Skip((round - 1) % 3).Concat(targets.Take((round - 1) % 3)).ToArray();
            foreach (var target in order)
            {
                runs.Add(await Run(target, options["seconds"], $"round {round}"));
            }
        }

        if (journeys is not null)
        {
            File.Delete(journeys);
        }
        var duplicates = await hub.CountDuplicateFormTokensAsync();
        var log = hub.ReadLog();
        Console.WriteLine(Markdown(options, hub, runs, duplicates, log, warmedUp));
        var exact = runs.All(r => r.Stored == r.Ok);
        return exact && duplicates == 0 && runs.All(r => r.Other == 0 && r.TransportErrors == 0 && r.Sent == r.Ok && r.Exhausted == 0) ? 0 : 1;
    }

    /// <summary>form successes a second over the yardstick's successes a second, over all rounds.</summary>
    private static double Ratio(IEnumerable<WrkRun> runs, string yardstick)
    {
        double Rate(string target) => runs.Where(r => r.Target == target).Sum(r => r.Ok) / runs.Where(r => r.Target == target).Sum(r => r.ActiveSeconds);
        return Rate("form") / Rate(yardstick);
    }

    private static string Name(string target) => target switch
    {
        "bare" => "bare insert",
        "page" => "Razor Pages insert",
        _ => "self-referral send",
    };

    /// <summary>One visit to the form: the antiforgery cookie and the token that goes with it, reused by every request of the session.</summary>
    private static async Task<(string Cookie, string Token)> OpenFormAsync(Uri baseAddress)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var response = await client.GetAsync("/refer");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /refer answered {(int)response.StatusCode}.");
        }
        var html = await response.Content.ReadAsStringAsync();
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("hub.af=", StringComparison.Ordinal));
        var token = AntiforgeryField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The form at /refer carries no antiforgery token.");
        return (cookie, token);
    }

    private static async Task<WrkRun> RunWrkAsync(Uri baseAddress, string script, string target, string cookie, string token, string journeys, int seconds, ModeOptions options)
    {
        var start = new ProcessStartInfo("wrk",
            [$"-t{options["threads"]}", $"-c{options["connections"]}", $"-d{seconds + Tail}s", "--timeout", $"{Tail}s", "-s", script, baseAddress.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["HUB_TARGET"] = target;
        start.Environment["HUB_COOKIE"] = cookie;
        start.Environment["HUB_TOKEN"] = token;
        start.Environment["HUB_JOURNEYS"] = journeys;
        start.Environment["HUB_THREADS"] = options["threads"].ToString(CultureInfo.InvariantCulture);
        start.Environment["HUB_ACTIVE_MS"] = (seconds * 1000).ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk (tests/Hub.Benchmarks/throughput.sh installs it).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("HUB-RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no result (exit {process.ExitCode}): {output}{await stderr}");
        var fields = line["HUB-RESULT ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        long Number(string key) => long.Parse(fields[key], CultureInfo.InvariantCulture);
        return new WrkRun(string.Empty, target, Number("active_ms") / 1000.0, Number("sent"), Number("ok"), Number("other"), fields["others"],
            Number("connect") + Number("read") + Number("write"), Number("timeout"),
            Number("p50") / 1000.0, Number("p95") / 1000.0, Number("p99") / 1000.0, 0) { Exhausted = Number("exhausted") };
    }

    private static string Markdown(ModeOptions options, HubProcess hub, IReadOnlyList<WrkRun> runs, long duplicates, LogSummary log, long warmedUp)
    {
        var text = new StringBuilder();
        var ratio = Ratio(runs, "bare");
        var pageRatio = Ratio(runs, "page");
        text.AppendLine(En, $"### Public form POST throughput against a bare insert and a Razor Pages insert ({DateTime.UtcNow:yyyy-MM-dd})");
        text.AppendLine();
        text.AppendLine(En, $"Machine: {Environment.ProcessorCount} cores (nproc), {Report.MemoryGiB():N1} GiB memory, {RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, PostgreSQL {hub.PostgresVersion} (throwaway cluster: fsync off), {WrkVersion()}; hub, database and wrk on the same machine.");
        text.AppendLine(En, $"Command: `tests/Hub.Benchmarks/throughput.sh {options}`: {options["threads"]} wrk thread(s), {options["connections"]} connections, " +
            $"a warm-up of {warmedUp:N0} referrals (runs of {options["warm-up"]} s until at least {options["warm-up-referrals"]:N0}) and {options["warm-up"]} s of each yardstick, " +
            $"then {options["rounds"]} rounds of {options["seconds"]} s each, rotating which endpoint goes first.");
        text.AppendLine();
        text.AppendLine("| round | endpoint | successes | a second | hub processor per success (ms) | database processor per success (ms) | other answers | unanswered | transport errors | rows stored | p50 (ms) | p95 (ms) | p99 (ms) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            var name = r.Target switch { "bare" => "bare insert (204)", "page" => "Razor Pages insert (302)", _ => "self-referral send (302)" };
            var other = r.Other == 0 ? "0" : $"{r.Other:N0} ({r.OtherStatuses})";
            var stored = r.Stored == r.Ok ? $"{r.Stored:N0}" : $"{r.Stored:N0} (not equal)";
            if (r.Exhausted > 0)
            {
                stored += " (ran out of journeys: void)";
            }
            text.AppendLine(En, $"| {r.Label} | {name} | {r.Ok:N0} | {r.PerSecond:N1} | {r.ProcessorPerSuccess:N2} | {(r.DatabaseProcessorPerSuccess is { } db ? db.ToString("N2", En) : "-")} | {other} | {r.Sent - r.Ok - r.Other:N0} | {r.TransportErrors + r.Timeouts:N0} | {stored} | {r.P50:N1} | {r.P95:N1} | {r.P99:N1} |");
        }
        text.AppendLine();
        foreach (var round in runs.GroupBy(r => r.Label))
        {
            var form = round.Single(r => r.Target == "form");
            var bare = round.Single(r => r.Target == "bare");
            var page = round.Single(r => r.Target == "page");
            text.AppendLine(En, $"- {round.Key} (first: {Name(round.First().Target)}): form / bare = {form.PerSecond:N1} / {bare.PerSecond:N1} = {form.PerSecond / bare.PerSecond:N2}; " +
                $"form / Razor Pages insert = {form.PerSecond:N1} / {page.PerSecond:N1} = {form.PerSecond / page.PerSecond:N2}");
        }
        text.AppendLine(En, $"- **all rounds: form / bare = {ratio:N2}** (bar: at least {BareBar}; {(ratio >= BareBar ? "met" : "NOT met")})");
        text.AppendLine(En, $"- **all rounds: form / Razor Pages insert = {pageRatio:N2}** (bar: at least {PageBar}; {(pageRatio >= PageBar ? "met" : "NOT met")})");
        // The same comparison by what each success costs the machine, which varies less from run to run than
        // throughput does when hub, database and wrk share two cores.
        var cost = runs.GroupBy(r => r.Target).ToDictionary(g => g.Key, g => (g.Sum(r => r.HubProcessorMilliseconds + (r.DatabaseProcessorMilliseconds ?? 0)) / g.Sum(r => r.Ok)));
        text.AppendLine(En, $"- all rounds, hub and database processor per success: send {cost["form"]:N2} ms, bare insert {cost["bare"]:N2} ms, Razor Pages insert {cost["page"]:N2} ms; " +
            $"by that measure form / bare = {cost["bare"] / cost["form"]:N2} and form / Razor Pages insert = {cost["page"] / cost["form"]:N2}");
        text.AppendLine();
        text.AppendLine(En, $"Every success was a stored row and every stored row a success: {(runs.All(r => r.Stored == r.Ok) ? "yes" : "NO")}. " +
            $"Form tokens stored twice: {duplicates}. Hub log: {log}.");
        return text.ToString();
    }

    private static string WrkVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var first = process.StandardOutput.ReadLine() ?? string.Empty;
            process.WaitForExit();
            return first.Split('[')[0].Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "wrk";
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>One wrk run as its Lua script reports it, with the rows the database gained meanwhile.</summary>
internal sealed record WrkRun(string Label, string Target, double ActiveSeconds, long Sent, long Ok, long Other, string OtherStatuses,
    long TransportErrors, long Timeouts, double P50, double P95, double P99, long Stored, double HubProcessorMilliseconds = 0)
{
    public double PerSecond => Ok / ActiveSeconds;

    /// <summary>Connections that ran out of journeys before the time was up (the run is then void: the supply, not the hub, limited it).</summary>
    public long Exhausted { get; init; }

    /// <summary>The hub process's processor time over the run (its background jobs included), per success.</summary>
    public double ProcessorPerSuccess => Ok == 0 ? 0 : HubProcessorMilliseconds / Ok;

    /// <summary>The database server's processor time over the run, when it runs on this machine.</summary>
    public double? DatabaseProcessorMilliseconds { get; init; }

    /// <summary>The database server's processor time per success: with the hub's, what the machine spends on one.</summary>
    public double? DatabaseProcessorPerSuccess => Ok == 0 || DatabaseProcessorMilliseconds is null ? null : DatabaseProcessorMilliseconds / Ok;
}
