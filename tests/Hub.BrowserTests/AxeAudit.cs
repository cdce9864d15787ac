using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests;

/// <summary>
/// Runs an axe-core scan (WCAG 2.0, 2.1 and 2.2 A and AA rules, ADR 011) on each page a journey
/// reaches and collects the violations, so one run reports every page and rule at once. Only rule
/// ids, impacts and CSS selectors are reported, never the text on the page, which may be personal.
/// </summary>
/// <remarks>
/// axe needs timers, and a browser context with JavaScript switched off runs none (not even for
/// scripts Playwright injects), so the scan would never finish. For such a journey the page's
/// document, exactly as the server sent it and the browser parsed it, is replayed at the same URL
/// in a second context with the same viewport and device settings, where JavaScript runs only for
/// axe: every script the page itself asks for is blocked, so axe sees the page as the person did.
/// </remarks>
public sealed class AxeAudit(BrowserFixture hub, ITestOutputHelper output, BrowserNewContextOptions? javaScriptFreeOptions = null) : IAsyncDisposable
{
    private static readonly TimeSpan ScanTimeout = TimeSpan.FromSeconds(60);

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
    };

    private readonly List<string> _violations = [];
    private readonly List<string> _scanned = [];
    private IBrowserContext? _replayContext;
    private IPage? _replayPage;

    /// <summary>Scans the page as it is now, naming it <paramref name="pageName"/> in any failure.</summary>
    public async Task ScanAsync(IPage page, string pageName)
    {
        var target = javaScriptFreeOptions is null ? page : await ReplayAsync(page);
        var result = await target.RunAxe(Options).WaitAsync(ScanTimeout);
        _scanned.Add(pageName);
        foreach (var violation in result.Violations)
        {
            var targets = string.Join("; ", violation.Nodes.Select(n => n.Target?.ToString() ?? "?"));
            _violations.Add($"{pageName}: {violation.Id} ({violation.Impact}) at {targets}");
        }
        output.WriteLine($"axe: {pageName}: {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed");
    }

    /// <summary>Fails with every violation found on every page scanned so far.</summary>
    public void ShouldHaveFoundNoViolations()
    {
        _scanned.ShouldNotBeEmpty();
        if (_violations.Count > 0)
        {
            throw new ShouldAssertException(
                $"axe found {_violations.Count} violation(s) on the pages scanned ({string.Join(", ", _scanned)}):{Environment.NewLine}"
                + string.Join(Environment.NewLine, _violations));
        }
    }

    private async Task<IPage> ReplayAsync(IPage page)
    {
        if (_replayPage is null)
        {
            _replayContext = await hub.NewContextAsync(new BrowserNewContextOptions(javaScriptFreeOptions!) { JavaScriptEnabled = true });
            // The page's own scripts stay off; stylesheets and images still come from the hub.
            await _replayContext.RouteAsync(url => IsScript(url), route => route.AbortAsync());
            _replayPage = await _replayContext.NewPageAsync();
        }

        var html = await page.ContentAsync();
        var address = WithoutFragment(page.Url);
        Task Serve(IRoute route) => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
        bool IsThisPage(string url) => WithoutFragment(url) == address;
        await _replayPage.RouteAsync(IsThisPage, Serve);
        try
        {
            await _replayPage.GotoAsync(address);
        }
        finally
        {
            await _replayPage.UnrouteAsync(IsThisPage, Serve);
        }
        return _replayPage;
    }

    private static bool IsScript(string url) => new Uri(url).AbsolutePath.EndsWith(".js", StringComparison.OrdinalIgnoreCase);

    private static string WithoutFragment(string url) => url.Split('#')[0];

    public async ValueTask DisposeAsync()
    {
        if (_replayContext is not null)
        {
            await _replayContext.CloseAsync();
        }
    }
}
