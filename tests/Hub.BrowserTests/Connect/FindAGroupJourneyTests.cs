using Microsoft.Playwright;
using Xunit.Abstractions;
using IcalCalendar = Ical.Net.Calendar;

namespace Hub.BrowserTests.Connect;

/// <summary>
/// Someone on a 375 px phone, with and without JavaScript, finds a free, step-free group on a
/// Tuesday evening in the public Connect and Do directory, opens its page, looks at what's on this
/// week and adds the group to their calendar (the file parsed back with Ical.Net). Every page is
/// scanned with axe and must not scroll sideways.
/// </summary>
public sealed class FindAGroupJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_find_a_free_step_free_group_on_a_tuesday_evening_and_add_it_to_a_calendar_on_a_phone(bool javaScript)
    {
        var phone = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
            JavaScriptEnabled = javaScript,
        };
        await using var axe = new AxeAudit(hub, output, javaScript ? null : phone);
        await using var context = await hub.NewContextAsync(phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/connect");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Find a group or activity");
        (await page.Locator(".hub-urgent-help").CountAsync()).ShouldBe(1);
        await Check(page, axe, "directory");

        await page.GetByLabel("Day", new() { Exact = true }).SelectOptionAsync("Tuesday");
        await page.GetByLabel("Time of day").SelectOptionAsync("Evening");
        await page.GetByLabel("Free only").CheckAsync();
        await page.GetByLabel("Step-free access").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show groups" }).TapAsync();
        await page.Locator("#results", new() { HasTextString = "1 group found" }).WaitForAsync();
        await Check(page, axe, "directory search results");

        await page.GetByRole(AriaRole.Link, new() { Name = "Evening peer support circle" }).TapAsync();
        await page.Locator("h1", new() { HasTextString = "Evening peer support circle" }).WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Tuesdays, 6pm to 8pm");
        (await page.Locator(".hub-urgent-help").CountAsync()).ShouldBe(1);
        await Check(page, axe, "group page");

        var calendarLink = page.GetByRole(AriaRole.Link, new() { Name = "Add Evening peer support circle to your calendar" });
        var feed = await context.APIRequest.GetAsync(await calendarLink.GetAttributeAsync("href") ?? throw new InvalidOperationException("No calendar link."));
        feed.Status.ShouldBe(200);
        var calendar = IcalCalendar.Load(await feed.TextAsync())!;
        var session = calendar.Events.Single();
        session.Summary.ShouldBe("Evening peer support circle");
        session.DtStart!.Value.DayOfWeek.ShouldBe(DayOfWeek.Tuesday);
        session.DtStart.Value.Hour.ShouldBe(18);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to all groups" }).TapAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See what's on this week" }).TapAsync();
        await page.Locator("h1", new() { HasTextString = "What's on this week" }).WaitForAsync();
        await Check(page, axe, "what's on this week");

        axe.ShouldHaveFoundNoViolations();
    }

    private static async Task Check(IPage page, AxeAudit axe, string name)
    {
        await page.ShouldNotScrollSidewaysAsync(name);
        await axe.ScanAsync(page, name);
    }
}
