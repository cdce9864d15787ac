using System.Text.RegularExpressions;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Connect;

/// <summary>
/// Someone on a 375 px phone (with and without JavaScript) proposes a group; a community connector
/// publishes it and it is listed; the organiser, from the link in their email, moves it to a later
/// time; the connector publishes the change and the group's page shows the new time. Every page is
/// scanned with axe.
/// </summary>
public sealed partial class StartAGroupJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_list_a_group_someone_proposes_once_a_connector_publishes_it_and_take_the_organisers_new_time(bool javaScript)
    {
        var name = $"Chess for beginners {(javaScript ? "A" : "B")}";
        var organiserEmail = $"chess-{(javaScript ? "a" : "b")}@example.test";
        var phone = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true, JavaScriptEnabled = javaScript };
        await using var axe = new AxeAudit(hub, output, javaScript ? null : phone);
        await using var context = await hub.NewContextAsync(phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/connect");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a group" }).TapAsync();
        await page.Locator("h1", new() { HasTextString = "Start a group" }).WaitForAsync();
        await Check(page, axe, "start a group");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send for checking" }).TapAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await Check(page, axe, "start a group with errors");

        await page.GetByLabel("Name of the group").FillAsync(name);
        await page.GetByLabel("Who runs it").FillAsync("Alex");
        await page.GetByLabel("What happens at the group").FillAsync("We learn chess together. Boards provided.");
        await page.GetByRole(AriaRole.Group, new() { Name = "Is it run by people with lived experience of mental health problems?" }).GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Day it meets").SelectOptionAsync("Tuesday");
        await page.GetByLabel("Start time").FillAsync("6pm");
        await page.GetByLabel("Finish time").FillAsync("7:30pm");
        await page.GetByLabel("Where it meets").FillAsync("Mill Road library");
        await page.GetByLabel("Step-free access").CheckAsync();
        await page.GetByLabel("Yes, it is free").CheckAsync();
        await page.GetByLabel("How to join").FillAsync("Just turn up.");
        await page.GetByRole(AriaRole.Group, new() { Name = "Can people bring someone with them the first time?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Your email address").FillAsync(organiserEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for checking" }).TapAsync();
        await page.ShouldBeOnAsync("/connect/start/sent");
        await Check(page, axe, "group sent for checking");

        await using (var staff = await hub.NewContextAsync())
        {
            var desk = await staff.NewPageAsync();
            await SignInAsync(desk, "connector@demo.livingwell.test");
            await PublishAsync(desk, name);
        }

        await page.GotoAsync("/connect?q=" + Uri.EscapeDataString(name));
        await page.GetByRole(AriaRole.Link, new() { Name = name }).TapAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Tuesdays, 6pm to 7:30pm");
        await Check(page, axe, "the new group's page");

        // The organiser opens the link from their email and moves the group to 7pm.
        await page.GotoAsync(new Uri(LinkIn(await EmailTo(organiserEmail))).PathAndQuery);
        await Check(page, axe, "organiser's link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).TapAsync();
        await page.ShouldBeOnAsync("/connect/organiser/listing");
        await Check(page, axe, "organiser's change form");
        await page.GetByLabel("Start time").FillAsync("19:00");
        await page.GetByLabel("Finish time").FillAsync("20:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my changes" }).TapAsync();
        await page.ShouldBeOnAsync("/connect/organiser/sent");
        await Check(page, axe, "changes sent for checking");

        await using (var staff = await hub.NewContextAsync())
        {
            var desk = await staff.NewPageAsync();
            await SignInAsync(desk, "connector@demo.livingwell.test");
            await PublishAsync(desk, name);
        }
        await page.GotoAsync("/connect?q=" + Uri.EscapeDataString(name));
        await page.GetByRole(AriaRole.Link, new() { Name = name }).TapAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Tuesdays, 7pm to 8:30pm");

        axe.ShouldHaveFoundNoViolations();
    }

    private static async Task PublishAsync(IPage desk, string name)
    {
        await desk.GotoAsync("/staff/connect/proposals");
        await desk.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await desk.GetByLabel("Publish it").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await desk.ShouldBeOnAsync("/staff/connect/proposals");
    }

    private async Task<string> EmailTo(string address)
    {
        using var scope = hub.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.To == address && m.Purpose == "Connect and Do: listing published")
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync();
    }

    private static string LinkIn(string body) => OrganiserLink().Match(body).Value;

    [GeneratedRegex(@"http\S+/connect/organiser/[A-Za-z0-9_-]+")]
    private static partial Regex OrganiserLink();

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");
    }

    private static async Task Check(IPage page, AxeAudit axe, string name)
    {
        await page.ShouldNotScrollSidewaysAsync(name);
        await axe.ScanAsync(page, name);
    }
}
