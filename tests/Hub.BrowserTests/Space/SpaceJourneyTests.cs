using System.Text.RegularExpressions;
using Hub.Domain.Space;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Space;

/// <summary>The browser hub with a real SMTP server on loopback, so the space's sign-in link arrives as a real email.</summary>
public sealed class SpaceJourneyFixture : MailingBrowserFixture;

/// <summary>
/// A person's community space on a 375 px phone without JavaScript (docs/decisions/040): they press
/// "Follow" on a group's page, are asked to sign in, get a link by real email, open their space, find
/// the group with its next sessions, add a goal and rate it, and say how they feel. Then, signed in to
/// their support plan on the same phone, they connect the two; staff see the space's goals and mood
/// in the plan, labelled as from the space, until the person stops sharing. axe scans every page.
/// </summary>
public sealed partial class SpaceJourneyTests(SpaceJourneyFixture hub, ITestOutputHelper output) : IClassFixture<SpaceJourneyFixture>
{
    private const string Email = "alex.space@example.org";
    private static readonly BrowserNewContextOptions Phone = new()
    {
        JavaScriptEnabled = false,
        ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        IsMobile = true,
        HasTouch = true,
    };
    private static readonly BrowserNewContextOptions Desk = new() { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };

    [SkippableFact]
    public async Task Should_follow_a_group_sign_in_by_email_keep_goals_and_mood_and_share_them_with_the_plan_only_when_connected()
    {
        hub.Smtp.Require();
        await using var axe = new AxeAudit(hub, output, Phone);
        var (groupId, groupName) = await GroupWithSessionsAsync();

        // A group's page: "Follow" leads to the space's sign-in.
        await using var phone = await hub.NewContextAsync(Phone);
        var me = await phone.NewPageAsync();
        await me.GotoAsync($"/connect/groups/{groupId}");
        await Check(me, axe, "group page, not signed in");
        await me.GetByRole(AriaRole.Link, new() { Name = "Follow this group" }).TapAsync();
        await me.ShouldBeOnAsync("/space/sign-in");
        await Check(me, axe, "your space: sign in");
        await me.ScreenshotAsync(new() { Path = Screenshot("space-sign-in.png"), FullPage = true });
        await me.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).TapAsync();
        await me.Locator(".nhsuk-error-summary").WaitForAsync();
        (await me.Locator(".nhsuk-error-summary li").CountAsync()).ShouldBe(2, "the address and the safety question are needed");
        await Check(me, axe, "sign in with errors");
        await me.GetByLabel("Your email address or UK mobile number").FillAsync(Email);
        await me.GetByLabel("Yes, it is safe").CheckAsync();
        await me.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).TapAsync();
        await me.GetByRole(AriaRole.Heading, new() { Name = "Check your messages", Level = 1 }).WaitForAsync();
        await Check(me, axe, "check your messages");

        // The link arrives by real email and signs in once, to a clean address.
        var link = await DispatchAndReadLinkAsync(Email, SpaceLinkPattern());
        await me.GotoAsync(link);
        await Check(me, axe, "space link");
        await me.GetByRole(AriaRole.Button, new() { Name = "Sign in to my space" }).TapAsync();
        await me.ShouldBeOnAsync("/space");
        me.Url.ShouldNotContain("/space/link/");

        // The group pressed before signing in is followed, with its next sessions and a calendar link.
        var groups = me.Locator("#groups + ul");
        (await groups.InnerTextAsync()).ShouldContain(groupName);
        (await groups.InnerTextAsync()).ShouldContain("Next:");
        (await groups.GetByRole(AriaRole.Link, new() { Name = $"Add {groupName} to your calendar" }).GetAttributeAsync("href")).ShouldBe($"/connect/groups/{groupId}?handler=calendar");
        await Check(me, axe, "my space, first time");

        // A goal in their own words, rated; a mood check-in.
        await me.GetByLabel("A new goal").FillAsync("Go to the group on my own");
        await me.GetByRole(AriaRole.Button, new() { Name = "Add goal" }).TapAsync();
        await me.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Your goal is added" }).WaitForAsync();
        await me.GetByRole(AriaRole.Group, new() { Name = "How is this going now? (Go to the group on my own)" }).GetByLabel("5", new() { Exact = true }).CheckAsync();
        await me.GetByRole(AriaRole.Button, new() { Name = "Save rating" }).TapAsync();
        await me.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Your rating is saved" }).WaitForAsync();
        (await me.Locator("#goals ~ .nhsuk-card").First.InnerTextAsync()).ShouldContain("Now: 5 out of 10");
        await me.GetByLabel("Good", new() { Exact = true }).CheckAsync();
        await me.GetByLabel("Anything you want to say (optional)").FillAsync("Went to the shop <b>today</b>");
        await me.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).TapAsync();
        await me.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Your check-in is saved" }).WaitForAsync();
        (await me.Locator("#recent-moods").InnerTextAsync()).ShouldContain("Went to the shop <b>today</b>", customMessage: "their words, shown as typed");
        await me.GetByText("How it has gone over time").TapAsync();
        await Check(me, axe, "my space with a goal and a check-in");
        await me.ScreenshotAsync(new() { Path = Screenshot("space.png"), FullPage = true });

        // The group's page now says they follow it.
        await me.GotoAsync($"/connect/groups/{groupId}");
        (await me.GetByText("You follow this group").CountAsync()).ShouldBe(1);
        await Check(me, axe, "group page, following");
        await me.ScreenshotAsync(new() { Path = Screenshot("space-group-following.png"), FullPage = true });

        // Known to the hub too: staff start a plan and send its link.
        var reference = await SendSelfReferralAsync();
        await using var desk = await hub.NewContextAsync(Desk);
        var staff = await desk.NewPageAsync();
        await staff.GotoAsync("/staff/account/sign-in");
        await staff.GetByLabel("Email address").FillAsync("practitioner@demo.livingwell.test");
        await staff.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await staff.ShouldBeOnAsync("/staff");
        await staff.GotoAsync("/staff/triage");
        await staff.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Support plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Email the person a link to their plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "A link is queued" }).WaitForAsync();
        var planAddress = staff.Url.Split('#')[0];
        (await staff.GetByRole(AriaRole.Heading, new() { Name = "From their community space" }).CountAsync()).ShouldBe(0, "nothing is shared before the person chooses");
        (await SpaceViewsAsync()).ShouldBe(0);

        // On the same phone, the person opens their plan and connects their space.
        await me.GotoAsync(await DispatchAndReadLinkAsync(Email, PlanLinkPattern()));
        await me.GetByRole(AriaRole.Button, new() { Name = "Open my plan" }).TapAsync();
        await me.ShouldBeOnAsync("/my/plan");
        await me.GetByRole(AriaRole.Link, new() { Name = "Connect my community space" }).TapAsync();
        await me.ShouldBeOnAsync("/my/connect-space");
        await Check(me, axe, "connect my community space");
        await me.GetByRole(AriaRole.Button, new() { Name = "Yes, connect my space" }).TapAsync();
        await me.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Your space is connected" }).WaitForAsync();
        await Check(me, axe, "space connected");
        await me.ScreenshotAsync(new() { Path = Screenshot("space-connected.png"), FullPage = true });

        // Staff see the space's goal and mood in the plan, labelled, and the view is audited.
        await staff.GotoAsync(planAddress);
        var shared = staff.GetByRole(AriaRole.Heading, new() { Name = "From their community space" });
        (await shared.CountAsync()).ShouldBe(1);
        var planText = await staff.Locator("main").InnerTextAsync();
        planText.ShouldContain("Go to the group on my own: 5 on");
        planText.ShouldContain("Went to the shop <b>today</b>");
        planText.ShouldNotContain(groupName, customMessage: "the groups a person follows are never shared");
        await axe.ScanAsync(staff, "staff plan with the shared space");
        await shared.ScrollIntoViewIfNeededAsync();
        await staff.ScreenshotAsync(new() { Path = Screenshot("space-staff-plan-shared.png"), FullPage = true });
        (await SpaceViewsAsync()).ShouldBe(1);

        // The person stops sharing from their space: staff see nothing of it again.
        await me.GotoAsync("/space");
        await me.GetByRole(AriaRole.Button, new() { Name = "Stop sharing" }).TapAsync();
        await me.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "no longer shared" }).WaitForAsync();
        await Check(me, axe, "my space after stopping sharing");
        await staff.GotoAsync(planAddress);
        (await staff.GetByRole(AriaRole.Heading, new() { Name = "From their community space" }).CountAsync()).ShouldBe(0);
        (await SpaceViewsAsync()).ShouldBe(1);

        // Signing out ends the session on the server.
        await me.GotoAsync("/space");
        await me.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).TapAsync();
        await me.ShouldBeOnAsync("/space/signed-out");
        await Check(me, axe, "signed out of my space");
        await me.GotoAsync("/space");
        await me.ShouldBeOnAsync("/space/sign-in");

        axe.ShouldHaveFoundNoViolations();
    }

    private static async Task Check(IPage page, AxeAudit axe, string name)
    {
        await axe.ScanAsync(page, name);
        await page.ShouldNotScrollSidewaysAsync(name);
    }

    private async Task<(Guid Id, string Name)> GroupWithSessionsAsync()
    {
        using var scope = hub.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var groups = await db.CommunityOffers.AsNoTracking().Where(o => o.Active).OrderBy(o => o.Name).ToListAsync();
        var group = groups.First(o => o.Sessions.Count > 0);
        return (group.Id, group.Name);
    }

    private async Task<string> DispatchAndReadLinkAsync(string to, Regex pattern)
    {
        using (var scope = hub.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync("space-journey", 20, CancellationToken.None);
        }
        var bodies = hub.Smtp.Messages().Where(m => SmtpServer.Header(m, "To")?.Contains(to, StringComparison.OrdinalIgnoreCase) == true).Select(SmtpServer.Body).ToList();
        var link = bodies.Select(b => pattern.Match(b)).LastOrDefault(m => m.Success)?.Value;
        link.ShouldNotBeNull("the email carries the link");
        return link;
    }

    private async Task<int> SpaceViewsAsync()
    {
        using var scope = hub.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.AuditEvents.CountAsync(a => a.RecordType == nameof(SpaceMember) && a.Action == Hub.Domain.Audit.AuditAction.View);
    }

    private async Task<string> SendSelfReferralAsync()
    {
        await using var context = await hub.NewContextAsync(Desk);
        var page = await context.NewPageAsync();
        return await PublicForm.SendSelfReferralAsync(page, "Email", Email, safeToLeaveMessage: null, name: "Alex");
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [GeneratedRegex(@"/space/link/[A-Za-z0-9_-]+")]
    private static partial Regex SpaceLinkPattern();

    [GeneratedRegex(@"/my/link/[A-Za-z0-9_-]+")]
    private static partial Regex PlanLinkPattern();
}
