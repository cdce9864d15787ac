using Microsoft.Playwright;

namespace Hub.BrowserTests;

/// <summary>An invented person's way through the self-referral, one question page at a time, as the journeys need it.</summary>
internal static class PublicForm
{
    public const string CheckHeading = "Check your answers before sending";

    /// <summary>
    /// Answers the contact question (<paramref name="method"/> is the radio's label: "Phone call",
    /// "Text message", "Email" or "I would rather call you"), whether messages are safe when asked,
    /// the name and what has been happening, leaves the rest blank, checks and sends; returns the reference.
    /// </summary>
    public static async Task<string> SendSelfReferralAsync(IPage page, string method, string? contact = null, bool? safeToLeaveMessage = null,
        string? name = null, string? happening = null)
    {
        await page.GotoAsync("/refer");
        await AnswerContactAsync(page, method, contact);
        await ContinueAsync(page);
        if (method != "I would rather call you")
        {
            if (safeToLeaveMessage is { } safe)
            {
                await page.GetByLabel(safe ? "Yes" : "No", new() { Exact = true }).CheckAsync();
            }
            await ContinueAsync(page);
        }
        if (name is not null)
        {
            await page.GetByLabel("What should we call you?").FillAsync(name);
        }
        await ContinueAsync(page);
        if (happening is not null)
        {
            await page.GetByLabel("What has been happening?").FillAsync(happening);
        }
        await ContinueAsync(page);
        await ContinueToCheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await page.ShouldBeOnAsync("/refer/sent");
        return (await page.Locator(".hub-reference").InnerTextAsync()).Trim();
    }

    public static async Task AnswerContactAsync(IPage page, string method, string? contact)
    {
        await page.GetByLabel(method, new() { Exact = true }).CheckAsync();
        var box = method switch
        {
            "Phone call" => "Phone number",
            "Text message" => "Mobile phone number",
            "Email" => "Email address",
            _ => null,
        };
        if (box is not null && contact is not null)
        {
            await page.GetByLabel(box, new() { Exact = true }).FillAsync(contact);
        }
    }

    /// <summary>Presses "Continue" and waits for the page it leads to (the next question, or this one with its errors).</summary>
    public static Task ContinueAsync(IPage page) =>
        page.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));

    /// <summary>Clicks (or taps) and waits until the page it leads to has loaded: the old page's heading is gone and the new one is there.</summary>
    public static async Task ClickAndWaitForPageAsync(this IPage page, ILocator target, bool tap = false)
    {
        var before = await page.Locator("h1").First.ElementHandleAsync();
        await (tap ? target.TapAsync() : target.ClickAsync());
        try
        {
            await before.WaitForElementStateAsync(ElementState.Hidden);
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("not attached", StringComparison.Ordinal))
        {
            // Already gone with its page before the wait began: the new page is loading.
        }
        await page.WaitForNewPageParsedAsync();
    }

    /// <summary>
    /// Waits until the page that replaced the old one has its heading and has been parsed whole. Asks the
    /// document itself: a wait for the DOMContentLoaded event can miss one that fired just before it
    /// began, and then waits out the whole test (as it once did in a clean CI run).
    /// </summary>
    public static async Task WaitForNewPageParsedAsync(this IPage page)
    {
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitUntilParsedAsync();
    }

    /// <summary>Continues past the remaining questions, answering none, until the check page.</summary>
    public static async Task ContinueToCheckAsync(IPage page)
    {
        for (var pages = 0; pages < 20 && (await page.Locator("h1").InnerTextAsync()).Trim() != CheckHeading; pages++)
        {
            await ContinueAsync(page);
        }
        (await page.Locator("h1").InnerTextAsync()).Trim().ShouldBe(CheckHeading);
    }
}
