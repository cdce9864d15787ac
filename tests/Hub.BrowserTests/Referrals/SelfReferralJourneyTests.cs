using Hub.BrowserTests.Journeys;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Referrals;

/// <summary>
/// The front door's edges in a real browser against the real hub. The whole walk, from the start
/// page through every question to the confirmation email and on into the staff's work, is
/// <see cref="FrontDoorToConversationJourneyTests"/>, which shares this hub.
/// </summary>
[Collection(FrontDoorCollection.Name)]
public sealed class SelfReferralJourneyTests(FrontDoorFixture hub, ITestOutputHelper output)
{
    public const string HubPhone = "020 7946 0000";

    /// <summary>A small phone: 375 x 667 CSS pixels (an iPhone SE), the size the start button must fit.</summary>
    private static BrowserNewContextOptions Phone(bool javaScript) => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 667 },
        IsMobile = true,
        HasTouch = true,
        JavaScriptEnabled = javaScript,
    };

    [SkippableFact]
    public async Task Should_store_no_email_confirmation_when_the_person_chose_a_phone_call()
    {
        await using var context = await hub.NewContextAsync(Phone(javaScript: false));
        var page = await context.NewPageAsync();
        var reference = await PublicForm.SendSelfReferralAsync(page, "Phone call", "07700 900 731", safeToLeaveMessage: true, name: "Ari");

        using var scope = hub.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        (await db.Set<OutboxMessage>().AsNoTracking().CountAsync(m => m.Subject.Contains(reference))).ShouldBe(0, "a confirmation goes only by email, only when chosen");
    }

    /// <summary>
    /// Guards the guard: the scan of a page seen without JavaScript (replayed for axe, see
    /// <see cref="AxeAudit"/>) must still see that page, so a field without a label is reported.
    /// </summary>
    [SkippableFact]
    public async Task Should_report_a_violation_when_a_page_seen_without_javascript_has_a_field_without_a_label()
    {
        var noJavaScript = new BrowserNewContextOptions { JavaScriptEnabled = false };
        await using var axe = new AxeAudit(hub, output, noJavaScript);
        await using var context = await hub.NewContextAsync(noJavaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/help/accessibility");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\" id=\"axe-self-test\">')");

        await axe.ScanAsync(page, "page with a field without a label");

        var failure = Should.Throw<ShouldAssertException>(axe.ShouldHaveFoundNoViolations);
        failure.Message.ShouldContain("label");
        failure.Message.ShouldContain("#axe-self-test");
    }
}

/// <summary>The hub with a real SMTP server and its own phone number (<c>Hub:HubPhone</c>), as a deployed front door has.</summary>
public sealed class FrontDoorFixture : MailingBrowserFixture
{
    protected override void Configure(HubWebFactory factory)
    {
        base.Configure(factory);
        factory.With("Hub:HubPhone", SelfReferralJourneyTests.HubPhone);
    }
}
