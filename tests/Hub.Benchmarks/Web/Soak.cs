using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Benchmarks.Web;

/// <summary>
/// The reliability bar "50 concurrent clients post self-referrals for 120 s on PostgreSQL: 0 responses
/// >= 500, 0 transport errors, referrals stored == successful responses, 0 duplicates". Each client
/// behaves like one person's browser after another: it opens the form, continues to "check your
/// answers", sends, and opens the confirmation. Some people send twice: a double click (both sends at
/// once) or a retry after the answer seemed lost (the same form again). No new person starts after
/// the time is up; everyone already started finishes, so every answer is counted.
/// </summary>
internal static partial class Soak
{
    public static readonly IReadOnlyDictionary<string, int> Defaults = new Dictionary<string, int>
    {
        ["clients"] = 50,
        ["seconds"] = 120,
        ["double-every"] = 10,
    };

    public const string Usage = """
        Usage: tests/Hub.Benchmarks/soak.sh [--clients 50] [--seconds 120] [--double-every 10]
        Runs the hub on a throwaway PostgreSQL and that many browser-like clients sending self-referrals; every
        double-every-th person sends their form twice (alternately a double click and a retry). Prints markdown.
        """;

    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<int> RunAsync(string[] args)
    {
        if (!ModeOptions.TryParse(args, Defaults, out var options, out var problem))
        {
            Console.Error.WriteLine(problem + Environment.NewLine + Usage);
            return 2;
        }
        await using var hub = await HubProcess.StartAsync(RepositoryRoot.Find());
        var before = await hub.CountReferralsAsync();
        var tally = new Tally();
        hub.ResetPeak();

        Console.Error.WriteLine($"Soak: {options["clients"]} clients for {options["seconds"]} s...");
        var started = DateTime.UtcNow;
        var deadline = started.AddSeconds(options["seconds"]);
        using (var progress = new Timer(_ => Console.Error.WriteLine($"  {(DateTime.UtcNow - started).TotalSeconds:N0} s: {tally.Forms.Count:N0} forms sent"), null, 15_000, 15_000))
        {
            await Task.WhenAll(Enumerable.Range(0, options["clients"]).Select(i => RunClientAsync(hub.BaseAddress, i, deadline, options["double-every"], tally)));
        }
        var elapsed = DateTime.UtcNow - started;

        var confirmed = tally.Forms.Where(f => f.Confirmations > 0).ToList();
        var (tokensStored, rowsStored) = await hub.CountStoredAsync(tally.Forms.Select(f => f.Token).ToList());
        var result = new SoakResult(options, elapsed, tally, confirmed.Count, tokensStored, rowsStored,
            await hub.CountReferralsAsync() - before, await hub.CountDuplicateFormTokensAsync(), hub.PeakWorkingSetBytes, hub.ReadLog(), hub.PostgresVersion);
        Console.Error.WriteLine("Waiting for the sealer job to seal every audit row...");
        var unsealed = await hub.WaitUntilAuditSealedAsync(TimeSpan.FromMinutes(2));
        var auditRows = await hub.CountAuditRowsAsync();
        var (verifyExit, verified) = await hub.VerifyAuditAsync();
        Console.WriteLine(result.Markdown());
        Console.WriteLine(string.Create(En, $"Audit trail after the soak: {auditRows:N0} rows, {unsealed:N0} left unsealed (bar: 0) once the sealer job had run; ") +
            string.Create(En, $"`verify-audit` (exit {verifyExit}, bar: 0): {verified}"));
        return result.Passed && unsealed == 0 && verifyExit == 0 ? 0 : 1;
    }

    private static async Task RunClientAsync(Uri baseAddress, int client, DateTime deadline, int doubleEvery, Tally tally)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var random = new Random(client);
        for (var person = 1; DateTime.UtcNow < deadline; person++)
        {
            var browser = new Browser(http, tally);
            var form = await browser.GetAsync("/refer");
            if (form is not { Status: HttpStatusCode.OK })
            {
                continue;
            }
            var review = await browser.PostAsync("/refer?handler=review",
                [.. InventedAnswers.Next(random), new("Website", string.Empty), new("__RequestVerificationToken", HiddenFields(form.Html)["__RequestVerificationToken"])]);
            if (review is not { Status: HttpStatusCode.OK } || !review.Html.Contains("Check your answers before sending", StringComparison.Ordinal))
            {
                tally.Count("review not accepted");
                continue;
            }
            var fields = HiddenFields(review.Html);
            var sent = new SentForm(Guid.Parse(fields["FormToken"]));
            tally.Forms.Add(sent);
            var twice = doubleEvery > 0 && person % doubleEvery == 0;
            if (twice && person / doubleEvery % 2 == 1)
            {
                // A double click: two sends of the same page at the same moment, sharing the cookies.
                sent.Sends = 2;
                var both = await Task.WhenAll(SendAsync(browser.Tab(), fields, sent), SendAsync(browser.Tab(), fields, sent));
                tally.Count(both[0] is not null && both[0] == both[1] ? "double click: same reference shown twice" : "double click: references differ");
            }
            else if (twice)
            {
                // A retry: the first answer seemed lost, so the person presses "Send" on the same page again.
                sent.Sends = 2;
                var first = await SendAsync(browser.Tab(), fields, sent);
                var second = await SendAsync(browser.Tab(), fields, sent);
                tally.Count(first is not null && first == second ? "retry: same reference shown twice" : "retry: references differ");
            }
            else
            {
                sent.Sends = 1;
                await SendAsync(browser, fields, sent);
            }
        }
    }

    /// <summary>Sends the checked answers and opens the confirmation the redirect leads to; returns the reference shown.</summary>
    private static async Task<string?> SendAsync(Browser browser, IReadOnlyDictionary<string, string> fields, SentForm form)
    {
        var sent = await browser.PostAsync("/refer?handler=send", fields.ToList(), timed: true);
        if (sent is not { Status: HttpStatusCode.Redirect or HttpStatusCode.SeeOther } || sent.Location != "/refer/sent")
        {
            return null;
        }
        Interlocked.Increment(ref form.Confirmations);
        var confirmation = await browser.GetAsync(sent.Location);
        var reference = confirmation is { Status: HttpStatusCode.OK } && ReferenceShown().Match(confirmation.Html) is { Success: true } match ? match.Groups[1].Value : null;
        if (reference is null)
        {
            browser.Tally.Count("confirmation without a reference");
        }
        return reference;
    }

    private static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputElement().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.OrdinalIgnoreCase);
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
            {
                fields[name] = attributes.GetValueOrDefault("value") ?? string.Empty;
            }
        }
        return fields;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputElement();

    [GeneratedRegex("([a-zA-Z_-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("class=\"hub-reference\"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})<")]
    private static partial Regex ReferenceShown();

    /// <summary>One checked form: its token, how many times it was sent and how many sends were confirmed.</summary>
    private sealed class SentForm(Guid token)
    {
        public Guid Token { get; } = token;
        public int Sends { get; set; }
        public int Confirmations;
    }

    /// <summary>What every client saw, counted across clients.</summary>
    private sealed class Tally
    {
        private readonly ConcurrentDictionary<string, int> _counts = new();
        private readonly ConcurrentBag<double> _sendMilliseconds = [];

        public ConcurrentBag<SentForm> Forms { get; } = [];
        public IReadOnlyDictionary<string, int> Counts => _counts;
        public IReadOnlyCollection<double> SendMilliseconds => _sendMilliseconds;

        public void Count(string what) => _counts.AddOrUpdate(what, 1, (_, n) => n + 1);

        public void Answered(string method, HttpStatusCode status, double milliseconds, bool timed)
        {
            Count($"{method} {(int)status}");
            if ((int)status >= 500)
            {
                Count("responses >= 500");
            }
            if (timed)
            {
                _sendMilliseconds.Add(milliseconds);
            }
        }

        public int Get(string what) => _counts.GetValueOrDefault(what);
    }

    private sealed record Page(HttpStatusCode Status, string Html, string? Location);

    /// <summary>One person's browser: a cookie jar over the client's connections, as a browser tab keeps it.</summary>
    private sealed class Browser(HttpClient http, Tally tally)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public Tally Tally => tally;

        /// <summary>A second tab of the same browser: the cookies so far, then its own.</summary>
        public Browser Tab()
        {
            var tab = new Browser(http, tally);
            foreach (var (name, value) in _cookies)
            {
                tab._cookies[name] = value;
            }
            return tab;
        }

        public Task<Page?> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), timed: false);

        public Task<Page?> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool timed = false) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) }, timed);

        private async Task<Page?> SendAsync(HttpRequestMessage request, bool timed)
        {
            using (request)
            {
                if (_cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
                }
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request);
                    var html = await response.Content.ReadAsStringAsync();
                    tally.Answered(request.Method.Method, response.StatusCode, stopwatch.Elapsed.TotalMilliseconds, timed);
                    if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
                    {
                        foreach (var pair in setCookies.Select(c => c.Split(';')[0].Split('=', 2)).Where(p => p.Length == 2))
                        {
                            _cookies[pair[0]] = pair[1];
                        }
                    }
                    return new Page(response.StatusCode, html, response.Headers.Location?.ToString());
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    tally.Count("transport errors");
                    tally.Count("transport error: " + ex.GetType().Name);
                    return null;
                }
            }
        }
    }

    private sealed record SoakResult(ModeOptions Options, TimeSpan Elapsed, Tally Tally, int FormsConfirmed, long TokensStored, long RowsStored,
        long ReferralsAdded, long DuplicateTokens, long HubPeakBytes, LogSummary Log, string PostgresVersion)
    {
        private int Sends => Tally.Get("POST 302");

        private int SecondSends => Tally.Forms.Sum(f => Math.Max(0, f.Confirmations - 1));

        public bool Passed => Tally.Get("responses >= 500") == 0 && Tally.Get("transport errors") == 0
            && RowsStored == FormsConfirmed && TokensStored == FormsConfirmed && ReferralsAdded == FormsConfirmed && DuplicateTokens == 0
            && Sends - SecondSends == RowsStored && Tally.Get("double click: references differ") == 0 && Tally.Get("retry: references differ") == 0;

        public string Markdown()
        {
            var times = Tally.SendMilliseconds.Order().ToArray();
            double At(double p) => times.Length == 0 ? 0 : times[Math.Max(0, (int)Math.Ceiling(p * times.Length) - 1)];
            var text = new StringBuilder();
            text.AppendLine(En, $"### Soak: {Options["clients"]} clients sending self-referrals for {Options["seconds"]} s ({DateTime.UtcNow:yyyy-MM-dd})");
            text.AppendLine();
            text.AppendLine(En, $"Machine: {Environment.ProcessorCount} cores (nproc), {Report.MemoryGiB():N1} GiB memory, {RuntimeInformation.OSDescription}, " +
                $".NET {Environment.Version}, PostgreSQL {PostgresVersion} (throwaway cluster: fsync off); hub (Release, Benchmark environment, rate limit lifted) and clients on the same machine.");
            text.AppendLine(En, $"Command: `tests/Hub.Benchmarks/soak.sh {Options}`; ran {Elapsed.TotalSeconds:N0} s (no one new after {Options["seconds"]} s; those started finish).");
            text.AppendLine();
            text.AppendLine("| what | figure | bar |");
            text.AppendLine("|---|---:|---|");
            text.AppendLine(En, $"| people (forms checked and sent) | {Tally.Forms.Count:N0} ({Tally.Forms.Count(f => f.Sends == 2):N0} of them sent twice) | |");
            text.AppendLine(En, $"| requests answered | {Tally.Counts.Where(c => c.Key.StartsWith("GET ", StringComparison.Ordinal) || c.Key.StartsWith("POST ", StringComparison.Ordinal)).Sum(c => c.Value):N0} " +
                $"({string.Join(", ", Tally.Counts.Where(c => c.Key.StartsWith("GET ", StringComparison.Ordinal) || c.Key.StartsWith("POST ", StringComparison.Ordinal)).OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value:N0}"))}) | |");
            text.AppendLine(En, $"| responses >= 500 | {Tally.Get("responses >= 500"):N0} | 0 |");
            text.AppendLine(En, $"| transport errors | {Tally.Get("transport errors"):N0}{string.Concat(Tally.Counts.Where(c => c.Key.StartsWith("transport error:", StringComparison.Ordinal)).Select(c => $" ({c.Key}: {c.Value})"))} | 0 |");
            text.AppendLine(En, $"| sends answered with the confirmation (302) | {Sends:N0}, of which {SecondSends:N0} second sends of the same form | |");
            text.AppendLine(En, $"| referrals stored for the forms sent | {RowsStored:N0} (forms confirmed {FormsConfirmed:N0}; successful sends less second sends {Sends - SecondSends:N0}; whole table grew by {ReferralsAdded:N0}) | equal |");
            text.AppendLine(En, $"| duplicates | {RowsStored - TokensStored:N0} referrals sharing a form token; {DuplicateTokens:N0} tokens stored twice in the table | 0 |");
            text.AppendLine(En, $"| double clicks / retries showing the same reference both times | {Tally.Get("double click: same reference shown twice"):N0} of {Tally.Get("double click: same reference shown twice") + Tally.Get("double click: references differ"):N0} / " +
                $"{Tally.Get("retry: same reference shown twice"):N0} of {Tally.Get("retry: same reference shown twice") + Tally.Get("retry: references differ"):N0} | all |");
            text.AppendLine(En, $"| referrals a second | {FormsConfirmed / Elapsed.TotalSeconds:N1} | |");
            text.AppendLine(En, $"| send, p50 / p95 / max | {At(0.50):N0} / {At(0.95):N0} / {At(1.0):N0} ms | |");
            text.AppendLine(En, $"| hub process peak working set | {HubPeakBytes / 1048576.0:N0} MB | |");
            text.AppendLine(En, $"| hub log | {Log} | |");
            var other = Tally.Counts.Where(c => c.Key is "review not accepted" or "confirmation without a reference").ToList();
            if (other.Count > 0)
            {
                text.AppendLine(En, $"| other problems | {string.Join(", ", other.Select(c => $"{c.Key}: {c.Value}"))} | 0 |");
            }
            text.AppendLine();
            text.AppendLine(Passed ? "Every bar met." : "**A bar was NOT met** (see the table).");
            return text.ToString();
        }
    }
}
