using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hub.TestSupport;
using Npgsql;

namespace Hub.Benchmarks.Web;

/// <summary>
/// The hub as its own process, the Release build as it would be deployed, on a fresh database in the
/// throwaway PostgreSQL cluster (or HUB_TEST_POSTGRES). It runs in the Benchmark environment with the
/// bare-insert yardstick switched on and the public form's rate limit lifted: every benchmark client
/// comes from 127.0.0.1, where real people come from many addresses. Its console output goes to a log
/// file, whose warnings and errors are counted at the end.
/// </summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _logFile;
    private long _peakWorkingSet;
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;

    private HubProcess(Process process, string logFile, string connectionString, Uri baseAddress)
    {
        (_process, _logFile, ConnectionString, BaseAddress) = (process, logFile, connectionString, baseAddress);
        _sampler = SampleMemoryAsync(_sampling.Token);
    }

    public Uri BaseAddress { get; }
    public string ConnectionString { get; }
    public string PostgresVersion { get; private set; } = string.Empty;

    /// <summary>The hub process's peak working set since it started or since <see cref="ResetPeak"/>.</summary>
    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    public void ResetPeak() => Interlocked.Exchange(ref _peakWorkingSet, 0);

    /// <summary>Processor time the hub process has used so far (all its threads): less noisy than wall time on a shared machine.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// The database server's processor time so far: its postmaster and every process it started,
    /// finished ones included (read from /proc; the postmaster found as the parent of a backend).
    /// Null when the server is not on this machine or /proc cannot say.
    /// </summary>
    public async Task<TimeSpan?> DatabaseProcessorTimeAsync()
    {
        try
        {
            _postmaster ??= ParentOf(await ScalarAsync<int>("SELECT pg_backend_pid()"));
            if (_postmaster is not { } postmaster)
            {
                return null;
            }
            var ticks = 0L;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var pid) && (pid == postmaster || ParentOf(pid) == postmaster)
                    && Stat(pid) is { } fields)
                {
                    // utime, stime, and for the postmaster cutime and cstime: the children that have ended.
                    ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                    if (pid == postmaster)
                    {
                        ticks += long.Parse(fields[13], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[14], System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }
            return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or Npgsql.NpgsqlException)
        {
            return null;
        }
    }

    private int? _postmaster;

    /// <summary>Linux's USER_HZ: what /proc counts processor time in.</summary>
    private const int ClockTicksPerSecond = 100;

    /// <summary>The fields of /proc/pid/stat after the command name (state first), or null when the process has gone.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int? ParentOf(int pid) => Stat(pid) is { } fields && int.TryParse(fields[1], out var parent) ? parent : null;

    public static async Task<HubProcess> StartAsync(string repositoryRoot)
    {
        Console.Error.WriteLine("Starting a throwaway PostgreSQL cluster (or using HUB_TEST_POSTGRES)...");
        var server = await PostgresServer.GetAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync()) { MaxPoolSize = 100 }.ToString();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // The yardstick's table: created here, never by the hub (no migration carries it).
            await using var create = new NpgsqlCommand("CREATE TABLE benchmark_inserts (id uuid PRIMARY KEY, received_at timestamptz NOT NULL)", connection);
            await create.ExecuteNonQueryAsync();
        }

        var webProject = Path.Combine(repositoryRoot, "src", "Hub.Web");
        var dll = Path.Combine(webProject, "bin", "Release", "net10.0", "Hub.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build in Release first (the scripts beside this file do).");
        }
        var port = FreePort();
        var logFile = Path.Combine(Path.GetTempPath(), $"hub-benchmark-{Environment.ProcessId}.log");
        // The hub writes its console log straight into the file (the shell's redirect, then exec: the
        // process is the hub itself), as a service manager would take it: not through a pipe this
        // process must drain, whose back-pressure would block the hub's logger under load.
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec dotnet \"$0\" > \"$1\" 2>&1", dll, logFile])
        {
            WorkingDirectory = webProject, // the content root: appsettings.json and wwwroot
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Hub"] = connectionString,
            ["Hub__Benchmark__Enabled"] = "true",
            ["Hub__RateLimits__PublicForm__Permits"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // As in a real deployment, each referral also queues the triage team's email (no SMTP host: it waits in the outbox).
            ["Hub__Notifications__TriageInbox"] = "triage@benchmark.invalid",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the hub.");

        var hub = new HubProcess(process, logFile, connectionString, new Uri($"http://127.0.0.1:{port}")) { _dll = dll, _webProject = webProject, _environment = environment };
        await hub.WaitUntilReadyAsync();
        hub.PostgresVersion = await hub.ScalarAsync<string>("SELECT current_setting('server_version')");
        Console.Error.WriteLine($"The hub is running at {hub.BaseAddress} (log: {logFile}).");
        return hub;
    }

    private string _dll = string.Empty;
    private string _webProject = string.Empty;
    private Dictionary<string, string> _environment = [];

    /// <summary>Waits (up to <paramref name="within"/>) until the sealer job has sealed every audit row; returns how many are still unsealed.</summary>
    public async Task<long> WaitUntilAuditSealedAsync(TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var unsealed = await ScalarAsync<long>("SELECT count(*) FROM \"AuditEvents\" WHERE \"Sequence\" IS NULL");
            if (unsealed == 0 || DateTime.UtcNow > until)
            {
                return unsealed;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public Task<long> CountAuditRowsAsync() => ScalarAsync<long>("SELECT count(*) FROM \"AuditEvents\"");

    /// <summary>Runs the operator's <c>verify-audit</c> command against the hub's database; its exit code (0: intact) and its line.</summary>
    public async Task<(int ExitCode, string Output)> VerifyAuditAsync()
    {
        var start = new ProcessStartInfo("dotnet", [_dll, "verify-audit"])
        {
            WorkingDirectory = _webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["Hub__Jobs__Enabled"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start verify-audit.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = ((await output) + (await error)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (process.ExitCode, lines.LastOrDefault(l => l.StartsWith("Audit trail", StringComparison.Ordinal)) ?? string.Join(" ", lines.TakeLast(3)));
    }

    public async Task<long> CountReferralsAsync() => await ScalarAsync<long>("SELECT count(*) FROM \"Referrals\"");

    public async Task<long> CountBareInsertsAsync() => await ScalarAsync<long>("SELECT count(*) FROM benchmark_inserts");

    /// <summary>Form tokens stored on more than one referral (the unique index should make this 0).</summary>
    public async Task<long> CountDuplicateFormTokensAsync() =>
        await ScalarAsync<long>("SELECT count(*) FROM (SELECT 1 FROM \"Referrals\" WHERE \"FormToken\" IS NOT NULL GROUP BY \"FormToken\" HAVING count(*) > 1) d");

    /// <summary>How many of <paramref name="tokens"/> are stored on a referral, and how many referrals carry them.</summary>
    public async Task<(long Tokens, long Referrals)> CountStoredAsync(IReadOnlyCollection<Guid> tokens)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT \"FormToken\"), count(*) FROM \"Referrals\" WHERE \"FormToken\" = ANY(@tokens)", connection);
        command.Parameters.AddWithValue("tokens", tokens.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Entries of the hub's log at warning level or above (the console logger's "warn:", "fail:",
    /// "crit:"), telling apart the errors EF Core logs when two sends of one form race for the form
    /// token's unique index: the handler catches that and shows the stored reference, but EF Core has
    /// already logged the failed command and the failed save.
    /// </summary>
    public LogSummary ReadLog()
    {
        using var stream = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        foreach (var line in reader.ReadToEnd().Split('\n'))
        {
            if (line.Length > 5 && line[4] == ':' && !char.IsWhiteSpace(line[0]))
            {
                entries.Add(line);
            }
            else if (entries.Count > 0)
            {
                entries[^1] += "\n" + line;
            }
        }
        int Count(string level) => entries.Count(e => e.StartsWith(level + ":", StringComparison.Ordinal));
        var races = entries.Count(e => e.StartsWith("fail: Microsoft.EntityFrameworkCore.Update", StringComparison.Ordinal) && e.Contains("IX_Referrals_FormToken", StringComparison.Ordinal));
        var failedCommands = entries.Count(e => e.StartsWith("fail: Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        return new LogSummary(Count("warn"), Count("fail"), Count("crit"), races, races + Math.Min(races, failedCommands));
    }

    public async ValueTask DisposeAsync()
    {
        await _sampling.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        NpgsqlConnection.ClearAllPools();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The hub stopped at start (exit code {_process.ExitCode}); see {_logFile}.");
            }
            try
            {
                if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The hub did not answer within 90 s; see {_logFile}.");
    }

    private async Task SampleMemoryAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                _process.Refresh();
                if (!_process.HasExited)
                {
                    var now = _process.WorkingSet64;
                    long peak;
                    do
                    {
                        peak = Interlocked.Read(ref _peakWorkingSet);
                    }
                    while (now > peak && Interlocked.CompareExchange(ref _peakWorkingSet, now, peak) != peak);
                }
                await Task.Delay(200, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the hub.
        }
        catch (InvalidOperationException)
        {
            // The process has gone.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <param name="FormTokenRaces">Double sends of one form caught by the form token's unique index.</param>
/// <param name="ErrorsFromRaces">The error entries EF Core logged for those (a failed command and a failed save each).</param>
internal sealed record LogSummary(int Warnings, int Errors, int Critical, int FormTokenRaces, int ErrorsFromRaces)
{
    public override string ToString() => FormTokenRaces == 0
        ? $"{Warnings} warnings, {Errors} errors, {Critical} critical"
        : $"{Warnings} warnings, {Errors} errors ({ErrorsFromRaces} of them EF Core logging {FormTokenRaces} double sends that the form token's " +
          $"unique index stopped and the handler answered with the stored reference; {Errors - ErrorsFromRaces} others), {Critical} critical";
}
