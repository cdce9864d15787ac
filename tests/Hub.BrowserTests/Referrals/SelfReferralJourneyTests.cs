using System.Text.RegularExpressions;
using Hub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Referrals;

/// <summary>
/// A person refers themselves in a real browser against the real hub: on a phone without
/// JavaScript, and on a keyboard alone. Every page reached is scanned with axe.
/// </summary>
public sealed class SelfReferralJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string ReferencePattern = "^[A-Z0-9]{4}-[A-Z0-9]{4}$";

    /// <summary>Invented words: an emoji, Arabic (right to left) and a line break, which must all survive unchanged.</summary>
    private const string WhatIsHappening = "I have not slept properly for weeks 😔\nMy mum says: أشعر بالتعب الشديد كل يوم";

    [SkippableFact]
    public async Task Should_send_a_referral_and_show_its_reference_when_a_person_on_a_phone_without_javascript_fills_in_the_form()
    {
        var phone = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            JavaScriptEnabled = false,
        };
        await using var axe = new AxeAudit(hub, output, phone);
        await using var context = await hub.NewContextAsync(phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Get support with your mental health");
        await Scan(page, axe, "start page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).TapAsync();
        await page.ShouldBeOnAsync("/refer");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Ask the Living Well Hub for support");
        await Scan(page, axe, "self-referral form");

        // Continue with nothing filled in: the NHS error summary, linked to the fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).TapAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync())
            .ShouldContain("Select how you would like us to get in touch");
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await Scan(page, axe, "self-referral form with errors");

        await page.GetByLabel("Phone call", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Phone number (for a call or text)").FillAsync("07700 900 731");
        await page.GetByRole(AriaRole.Group, new() { Name = "Is it safe for us to leave a message?" })
            .GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("What should we call you? (optional)").FillAsync("Noor");
        await page.GetByLabel("What has been happening? (optional)").FillAsync(WhatIsHappening);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).TapAsync();

        await page.Locator("h1", new() { HasTextString = "Check your answers before sending" }).WaitForAsync();
        (await AnswerTo(page, "Name we should use")).ShouldBe("Noor");
        (await AnswerTo(page, "How to get in touch")).ShouldBe("Phone call: 07700 900 731");
        (await AnswerTo(page, "Safe to leave a message")).ShouldBe("No");
        (await AnswerTo(page, "What has been happening")).ShouldBe(WhatIsHappening);
        await Scan(page, axe, "check your answers");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).TapAsync();
        await page.ShouldBeOnAsync("/refer/sent");
        var reference = (await page.Locator(".hub-reference").InnerTextAsync()).Trim();
        reference.ShouldMatch(ReferencePattern);
        await Scan(page, axe, "request sent");

        await page.GetByRole(AriaRole.Link, new() { Name = "More about urgent help" }).TapAsync();
        await page.ShouldBeOnAsync("/help/urgent");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Get help now");
        await Scan(page, axe, "urgent help");

        // The other public pages, from the footer every page carries.
        var footer = page.GetByRole(AriaRole.Contentinfo);
        await footer.GetByRole(AriaRole.Link, new() { Name = "How we use your information" }).TapAsync();
        await page.ShouldBeOnAsync("/help/privacy");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("How we use your information");
        await Scan(page, axe, "how we use your information");
        await footer.GetByRole(AriaRole.Link, new() { Name = "Accessibility" }).TapAsync();
        await page.ShouldBeOnAsync("/help/accessibility");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Accessibility");
        await Scan(page, axe, "accessibility statement");

        using (var scope = hub.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var stored = await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference);
            stored.WhatIsHappening.ShouldBe(WhatIsHappening);
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == stored.PersonId);
            person.PreferredName.ShouldBe("Noor");
            person.Contact.Phone.ShouldBe("07700 900 731");
            person.Contact.SafeToLeaveMessage.ShouldBe(false);
        }

        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_send_a_referral_when_a_person_uses_only_the_keyboard()
    {
        await using var context = await hub.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        // The first Tab reaches the skip link, as the NHS.UK design system expects.
        await page.Keyboard.PressAsync("Tab");
        (await page.FocusedMatchesAsync("a.nhsuk-skip-link")).ShouldBeTrue("the first Tab should reach the skip link");

        await page.TabToAsync("a[href='/refer']");
        await page.Keyboard.PressAsync("Enter");
        await page.ShouldBeOnAsync("/refer");

        // Into the first radio group; Space chooses "Phone call".
        await page.TabToAsync("#Answers_ContactMethod");
        await page.Keyboard.PressAsync("Space");
        (await page.IsCheckedAsync("#Answers_ContactMethod")).ShouldBeTrue();

        await page.TabToAsync("#Answers_Phone");
        await page.Keyboard.TypeAsync("07700 900 742");

        // Tab enters the yes/no group on "Yes"; an arrow key moves to "No" and chooses it.
        await page.TabToAsync("input[name='Answers.SafeToLeaveMessage']");
        await page.Keyboard.PressAsync("ArrowRight");
        (await page.IsCheckedAsync("input[name='Answers.SafeToLeaveMessage'][value='no']")).ShouldBeTrue();

        await page.TabToAsync("#Answers_PreferredName");
        await page.Keyboard.TypeAsync("Kai");
        await page.TabToAsync("#Answers_WhatIsHappening");
        await page.Keyboard.InsertTextAsync(WhatIsHappening);

        await page.TabToAsync("form button[type='submit']");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("h1", new() { HasTextString = "Check your answers before sending" }).WaitForAsync();
        (await AnswerTo(page, "Name we should use")).ShouldBe("Kai");
        (await AnswerTo(page, "What has been happening")).ShouldBe(WhatIsHappening);

        await page.TabToAsync("button[formaction='/refer?handler=send']");
        await page.Keyboard.PressAsync("Enter");
        await page.ShouldBeOnAsync("/refer/sent");
        var reference = (await page.Locator(".hub-reference").InnerTextAsync()).Trim();
        reference.ShouldMatch(ReferencePattern);

        using var scope = hub.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var stored = await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference);
        stored.WhatIsHappening.ShouldBe(WhatIsHappening);
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

    private static async Task Scan(IPage page, AxeAudit axe, string pageName)
    {
        await axe.ScanAsync(page, pageName);
        await page.ShouldNotScrollSidewaysAsync(pageName);
    }

    /// <summary>The answer shown against <paramref name="question"/> on the check-your-answers list.</summary>
    private static Task<string> AnswerTo(IPage page, string question) =>
        page.Locator(".nhsuk-summary-list__row")
            .Filter(new() { Has = page.Locator("dt", new() { HasTextRegex = new Regex("^" + Regex.Escape(question) + "$") }) })
            .Locator(".nhsuk-summary-list__value")
            .InnerTextAsync();
}
