using System.Text.RegularExpressions;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Seeding;
using Hub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Connect;

/// <summary>The browser hub with a real SMTP server, for a group's page sent to a person by email.</summary>
public sealed class GroupsForPeopleFixture : MailingBrowserFixture;

/// <summary>
/// Links to the hub from Connect and Do in a real browser without JavaScript: a practitioner finds a
/// group with the person, emails them its public page (which arrives as a real email carrying only
/// the group's name and link) and suggests it as a step in their plan; a community connector finds
/// the moderation queue in the staff menu, which a practitioner who is not one does not see.
/// </summary>
public sealed partial class GroupsForPeopleJourneyTests(GroupsForPeopleFixture hub, ITestOutputHelper output) : IClassFixture<GroupsForPeopleFixture>
{
    private const string Email = "ola.groups@example.org";
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false };

    [SkippableFact]
    public async Task Should_let_a_practitioner_send_a_groups_page_and_suggest_it_in_the_plan_and_a_connector_reach_the_moderation_queue()
    {
        hub.Smtp.Require();
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        string reference;
        await using (var form = await hub.NewContextAsync(NoJavaScript))
        {
            // Messages said to be safe, so the group's page may go by email.
            reference = await PublicForm.SendSelfReferralAsync(await form.NewPageAsync(), "Email", Email, safeToLeaveMessage: true, name: "Ola");
        }

        await using var staffContext = await hub.NewContextAsync(NoJavaScript);
        var staff = await staffContext.NewPageAsync();
        await SignInAsync(staff, "practitioner@demo.livingwell.test");
        (await staff.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Connect and Do proposals" }).CountAsync())
            .ShouldBe(0, "the moderation queue is for community connectors and administrators");
        await staff.GotoAsync("/staff/triage");
        await staff.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Support plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "find the group with them" }).ClickAsync();
        (await staff.Locator("h1").InnerTextAsync()).ShouldBe("Find a Connect and Do group for them");
        await axe.ScanAsync(staff, "find a group for the person");

        await staff.GetByLabel("Search by what they enjoy, a group's name or who runs it").FillAsync("walk");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var card = staff.Locator(".nhsuk-card").Filter(new() { HasTextString = "Walk and talk group" });
        var groupPath = await card.GetByRole(AriaRole.Link, new() { Name = "Walk and talk group" }).GetAttributeAsync("href");
        groupPath.ShouldNotBeNull().ShouldMatch("^/connect/groups/[0-9a-f-]{36}$", "the public page, with nothing about the person");
        await card.GetByRole(AriaRole.Button, new() { Name = "Send them the page for Walk and talk group by email" }).ClickAsync();
        await staff.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "queued to go to the person by email" }).WaitForAsync();
        await axe.ScanAsync(staff, "a group's page queued");
        (await staff.Locator("main").InnerTextAsync()).ShouldContain("Suggest as a step in their plan");
        await staff.Locator(".nhsuk-card").Filter(new() { HasTextString = "Walk and talk group" })
            .GetByRole(AriaRole.Button, new() { Name = "Suggest as a step in their plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Suggested as a step in their plan" }).WaitForAsync();

        // The suggestion waits on the staff plan page; the email arrives with the group's public link only.
        await staff.GotoAsync(staff.Url.Split('?')[0].Replace("/groups", "/plan", StringComparison.Ordinal));
        (await staff.Locator("main").InnerTextAsync()).ShouldContain("Go along to Walk and talk group");
        using (var scope = hub.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync("groups-journey", 20, CancellationToken.None);
        }
        var message = hub.Smtp.Messages().Single(m => SmtpServer.Header(m, "To")?.Contains(Email, StringComparison.OrdinalIgnoreCase) == true
            && SmtpServer.Body(m).Contains("/connect/groups/", StringComparison.Ordinal));
        var body = SmtpServer.Body(message);
        PublicLink().Match(body).Groups[1].Value.ShouldBe(groupPath);
        body.ShouldNotContain(reference);
        body.ShouldNotContain("?");

        // A community connector sees the moderation queue in the menu.
        await using var connectorContext = await hub.NewContextAsync(NoJavaScript);
        var connector = await connectorContext.NewPageAsync();
        await SignInAsync(connector, "connector@demo.livingwell.test");
        await connector.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Connect and Do proposals" }).ClickAsync();
        await connector.ShouldBeOnAsync("/staff/connect/proposals");
        await axe.ScanAsync(connector, "moderation queue from the menu");
        axe.ShouldHaveFoundNoViolations();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");
    }

    [GeneratedRegex(@"https?://[^\s/]+(/connect/groups/[0-9a-f-]{36})")]
    private static partial Regex PublicLink();
}
