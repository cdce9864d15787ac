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
/// behaves like one person's browser after another: it opens the form, answers each question page
/// and follows the redirect to the next, sends from "check your answers", and opens the confirmation. Some people send twice: a double click (both sends at
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
        Console.Error.WriteLine("Waiting for the sealer job to seal every audit row...");
        var unsealed = await hub.WaitUntilAuditSealedAsync(TimeSpan.FromMinutes(2));
        var auditRows = await hub.CountAuditRowsAsync();
        var (verifyExit, verified) = await hub.VerifyAuditAsync();
        var result = new SoakResult(options, elapsed, tally, confirmed.Count, tokensStored, rowsStored,
            await hub.CountReferralsAsync() - before, await hub.CountDuplicateFormTokensAsync(), hub.PeakWorkingSetBytes, hub.ReadLog(), hub.PostgresVersion,
            new AuditAfterSoak(auditRows, unsealed, verifyExit, verified));
        Console.WriteLine(result.Markdown());
        return result.Passed ? 0 : 1;
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
            var check = await AnswerEveryQuestionAsync(browser, InventedAnswers.Next(random));
            if (check is null)
            {
                continue;
            }
            var fields = HiddenFields(check.Html);
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
                // A retry: the first answer seemed lost, so the person presses "Send" on the same page again
                // (the browser still holds the cookies it had when the page was shown).
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

    /// <summary>
    /// Opens <c>/refer</c> and answers each question page as a person would: types the answers the
    /// page's form asks for, presses "Continue" and follows the redirect to the next page, until
    /// "check your answers". Returns that page, or null (counted) when a page was not shown or an
    /// answer not accepted.
    /// </summary>
    private static async Task<Page?> AnswerEveryQuestionAsync(Browser browser, Hub.Application.Referrals.SelfReferralAnswers answers)
    {
        var path = "/refer";
        var page = await browser.GetAsync(path);
        for (var pages = 0; pages < 30; pages++)
        {
            if (page is not { Status: HttpStatusCode.OK })
            {
                browser.Tally.Count("question page not shown");
                return null;
            }
            if (path == "/refer/check")
            {
                if (page.Html.Contains("Check your answers before sending", StringComparison.Ordinal))
                {
                    return page;
                }
                browser.Tally.Count("check page without the answers");
                return null;
            }
            var names = FieldNames().Matches(page.Html).Select(m => m.Groups[1].Value).Distinct().ToList();
            var answered = await browser.PostAsync(path,
                [.. InventedAnswers.Fields(answers, names), new("Website", string.Empty), new("__RequestVerificationToken", HiddenFields(page.Html)["__RequestVerificationToken"])]);
            if (answered is not { Status: HttpStatusCode.Redirect or HttpStatusCode.SeeOther, Location: { } next } || !next.StartsWith("/refer/", StringComparison.Ordinal))
            {
                browser.Tally.Count("answer not accepted");
                return null;
            }
            browser.Tally.Count("question pages answered");
            path = next;
            page = await browser.GetAsync(path);
        }
        browser.Tally.Count("question pages never ended");
        return null;
    }

    /// <summary>Sends the checked answers and opens the confirmation the redirect leads to; returns the reference shown.</summary>
    private static async Task<string?> SendAsync(Browser browser, IReadOnlyDictionary<string, string> fields, SentForm form)
    {
        // What the "Send my request" button posts: the form token, the empty honeypot and the antiforgery token.
        var sent = await browser.PostAsync("/refer/check", [new("FormToken", fields["FormToken"]), new("Website", string.Empty), new("__RequestVerificationToken", fields["__RequestVerificationToken"])], timed: true);
        if (sent is not { Status: HttpStatusCode.Redirect or HttpStatusCode.SeeOther } || sent.Location != "/refer/sent")
        {
            browser.Tally.Count("send not confirmed");
            return null;
        }
        browser.Tally.Count("sends confirmed");
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

    /// <summary>The names of a page's form fields (inputs, radios, selects, text areas).</summary>
    [GeneratedRegex("<(?:input|select|textarea)\\b[^>]*\\bname=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FieldNames();

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
        long ReferralsAdded, long DuplicateTokens, long HubPeakBytes, LogSummary Log, string PostgresVersion, AuditAfterSoak Audit)
    {
        private int Sends => Tally.Get("sends confirmed");

        /// <summary>People shown a reference whose referral is not stored.</summary>
        private long Lost => FormsConfirmed - TokensStored;

        /// <summary>Referrals stored more than once for one form (a token on two rows).</summary>
        private long Duplicated => RowsStored - TokensStored + DuplicateTokens;

        private int SecondSends => Tally.Forms.Sum(f => Math.Max(0, f.Confirmations - 1));

        public bool Passed => Tally.Get("responses >= 500") == 0 && Tally.Get("transport errors") == 0
            && RowsStored == FormsConfirmed && TokensStored == FormsConfirmed && ReferralsAdded == FormsConfirmed && DuplicateTokens == 0
            && Sends - SecondSends == RowsStored && Tally.Get("double click: references differ") == 0 && Tally.Get("retry: references differ") == 0
            && Audit.Passed && Problems.Count == 0;

        private List<KeyValuePair<string, int>> Problems => Tally.Counts
            .Where(c => c.Key is "question page not shown" or "answer not accepted" or "question pages never ended" or "check page without the answers"
                or "send not confirmed" or "confirmation without a reference").ToList();

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
            text.AppendLine(En, $"| question pages answered (each a POST and the GET of the page it leads to) | {Tally.Get("question pages answered"):N0} | |");
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
            text.AppendLine(En, $"| referrals lost (a reference shown, nothing stored) / duplicated (one form stored twice) | {Lost:N0} / {Duplicated:N0} | 0 / 0 |");
            text.AppendLine(En, $"| audit rows after the soak / left unsealed once the sealer job had run | {Audit.Rows:N0} / {Audit.Unsealed:N0} | all sealed: 0 |");
            text.AppendLine(En, $"| `verify-audit` on the whole chain | exit {Audit.VerifyExitCode}: {Audit.Verified} | exit 0 |");
            text.AppendLine(En, $"| problems on the way (a page not shown, an answer or send refused, a confirmation without a reference) | {(Problems.Count == 0 ? "0" : string.Join(", ", Problems.Select(c => $"{c.Key}: {c.Value}")))} | 0 |");
            text.AppendLine();
            text.AppendLine(Passed
                ? string.Create(En, $"Every bar met: 0 responses >= 500, 0 transport errors, every audit row sealed ({Audit.Rows:N0}), the chain verified by `verify-audit`, 0 referrals lost or duplicated.")
                : "**A bar was NOT met** (see the table).");
            return text.ToString();
        }
    }
}

/// <summary>The audit trail once the soak is over and the sealer job has caught up.</summary>
internal sealed record AuditAfterSoak(long Rows, long Unsealed, int VerifyExitCode, string Verified)
{
    public bool Passed => Unsealed == 0 && VerifyExitCode == 0;
}
