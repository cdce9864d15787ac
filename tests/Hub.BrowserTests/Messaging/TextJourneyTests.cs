using System.Text.RegularExpressions;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Seeding;
using Hub.TestSupport;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Messaging;

/// <summary>
/// A person who gave a mobile number only, chose texts and said messages are safe gets the link to
/// their plan by text (caught by the Notify stand-in), opens it on a 375 px phone and reaches their
/// plan; staff see the text queued, then sent. Every page is scanned with axe.
/// </summary>
public sealed partial class TextJourneyTests(TextJourneyFixture hub, ITestOutputHelper output) : IClassFixture<TextJourneyFixture>
{
    private const string Mobile = "07700 900 801";
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false };
    private static readonly BrowserNewContextOptions Phone = new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 375, Height = 740 } };

    [SkippableFact]
    public async Task Should_text_the_plan_link_to_a_person_with_a_mobile_only_who_opens_it_on_their_phone()
    {
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        Guid referralId;
        await using (var scope = hub.Factory.Services.CreateAsyncScope())
        {
            var answers = new SelfReferralAnswers { PreferredName = "Robin Invented", ContactMethod = ContactMethod.Text, Phone = Mobile, SafeToLeaveMessage = "yes" };
            var submitted = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SubmitSelfReferral(answers, Guid.NewGuid()));
            var db = scope.ServiceProvider.GetRequiredService<Hub.Infrastructure.Persistence.HubDbContext>();
            referralId = await db.Referrals.Where(r => r.Reference == submitted.Reference).Select(r => r.Id).SingleAsync();
        }

        await using var staffContext = await hub.NewContextAsync(NoJavaScript);
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync("/staff/account/sign-in");
        await staff.GetByLabel("Email address").FillAsync("practitioner@demo.livingwell.test");
        await staff.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await staff.ShouldBeOnAsync("/staff");
        await staff.GotoAsync($"/staff/triage/referrals/{referralId}");
        await axe.ScanAsync(staff, "record with messages");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Support plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Text the person a link to their plan" }).ClickAsync();
        await staff.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "A link is queued to go to the person by text" }).WaitForAsync();
        (await staff.Locator("[data-messages]").InnerTextAsync()).ShouldContain("Waiting to be sent", customMessage: "never 'sent' before it was");
        await axe.ScanAsync(staff, "staff plan, link queued");

        await using (var scope = hub.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync("text-journey", 10, CancellationToken.None);
        }
        hub.Notify.Refusals.ShouldBeEmpty();
        var text = hub.Notify.Texts.Single(t => t.To == Mobile && t.Personalisation.ContainsKey("link"));
        var linkPath = new Uri(text.Personalisation["link"]).AbsolutePath;
        LinkPattern().IsMatch(linkPath).ShouldBeTrue();

        await using var personContext = await hub.NewContextAsync(Phone);
        var me = await personContext.NewPageAsync();
        await me.GotoAsync(linkPath);
        (await me.Locator("h1").InnerTextAsync()).ShouldBe("Open your plan");
        await axe.ScanAsync(me, "open your plan from a text");
        await me.ShouldNotScrollSidewaysAsync("open your plan");
        await me.GetByRole(AriaRole.Button, new() { Name = "Open my plan" }).ClickAsync();
        await me.ShouldBeOnAsync("/my/plan");
        me.Url.ShouldNotContain("/my/link/");
        (await me.Locator("h1").InnerTextAsync()).ShouldBe("Robin Invented's plan");
        await axe.ScanAsync(me, "my plan, opened from a text");
        await me.ShouldNotScrollSidewaysAsync("my plan");
        Directory.CreateDirectory("/work/shots/notify");
        await me.ScreenshotAsync(new() { Path = "/work/shots/notify/my-plan-375.png", FullPage = true });

        await staff.ReloadAsync();
        (await staff.Locator("[data-messages]").InnerTextAsync()).ShouldContain("Sent");
        await staff.ScreenshotAsync(new() { Path = "/work/shots/notify/staff-plan-messages.png", FullPage = true });
    }

    [GeneratedRegex(@"^/my/link/[A-Za-z0-9_-]{43,}$")]
    private static partial Regex LinkPattern();
}
