using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Hub.BrowserTests;

/// <summary>Small checks and keyboard moves shared by the journeys.</summary>
public static class PageChecks
{
    /// <summary>
    /// The page does not scroll sideways at the viewport width (WCAG 1.4.10 reflow). Evaluated by
    /// Playwright, so it works with the page's own JavaScript switched off.
    /// </summary>
    public static async Task ShouldNotScrollSidewaysAsync(this IPage page, string pageName)
    {
        var width = page.ViewportSize!.Width;
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(width, $"{pageName} scrolls sideways at {width}px");
    }

    /// <summary>
    /// Waits until the address matches and the page there has been parsed, asking the document itself:
    /// Playwright's own wait for the load event after a matching address has, in clean CI runs, waited
    /// out the whole test on a page that had loaded.
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, Regex url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitUntilParsedAsync();
    }

    /// <inheritdoc cref="WaitForAddressAsync(IPage, Regex)"/>
    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitUntilParsedAsync();
    }

    /// <summary>Waits until the document says it has been parsed whole (asked, not an event waited for, so none is missed).</summary>
    public static Task WaitUntilParsedAsync(this IPage page) => page.WaitForFunctionAsync("() => document.readyState !== 'loading'");

    /// <summary>
    /// Waits until the browser is on <paramref name="path"/> (query and fragment ignored; paths are
    /// case-insensitive, as in ASP.NET Core routing). On a timeout it says where the browser is
    /// instead and what that page's heading says, so a failure shows what happened.
    /// </summary>
    public static async Task ShouldBeOnAsync(this IPage page, string path)
    {
        try
        {
            await page.WaitForAddressAsync(new Regex("^[^?#]*?//[^/]+" + Regex.Escape(path) + "([?#].*)?$", RegexOptions.IgnoreCase));
        }
        catch (TimeoutException ex)
        {
            var heading = await page.Locator("h1").AllInnerTextsAsync();
            throw new ShouldAssertException($"Expected to be on {path} but the browser is on {new Uri(page.Url).PathAndQuery} (heading: {string.Join(" | ", heading)})", ex);
        }
    }

    /// <summary>
    /// Presses Tab until the focused element matches <paramref name="selector"/>, as someone using
    /// only a keyboard would. Fails if it is not reached within <paramref name="maxPresses"/>.
    /// </summary>
    public static async Task TabToAsync(this IPage page, string selector, int maxPresses = 80)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.FocusedMatchesAsync(selector))
            {
                return;
            }
        }
        throw new ShouldAssertException($"Tab did not reach '{selector}' within {maxPresses} presses.");
    }

    public static Task<bool> FocusedMatchesAsync(this IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector);

    /// <summary>The error summary's links all lead to a field on the page.</summary>
    public static async Task ErrorSummaryLinksShouldLeadToFieldsAsync(this IPage page)
    {
        var missing = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.nhsuk-error-summary a[href^=\"#\"]')]" +
            ".map(a => a.getAttribute('href').substring(1)).filter(id => !document.getElementById(id))");
        missing.ShouldBeEmpty("error summary links to ids that are not on the page");
    }
}
