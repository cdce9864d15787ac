using System.Text.RegularExpressions;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Referrals;

/// <summary>
/// A person refers themselves in a real browser against the real hub: on a phone without
/// JavaScript, and on a keyboard alone. Every page reached is scanned with axe.
/// </summary>
public sealed class SelfReferralJourneyTests(FrontDoorFixture hub, ITestOutputHelper output) : IClassFixture<FrontDoorFixture>
{
    public const string HubPhone = "020 7946 0000";

    private const string ReferencePattern = "^[A-Z0-9]{4}-[A-Z0-9]{4}$";

    /// <summary>Invented words: an emoji, Arabic (right to left) and a line break, which must all survive unchanged.</summary>
    private const string WhatIsHappening = "I have not slept properly for weeks 😔\nMy mum says: أشعر بالتعب الشديد كل يوم";

    /// <summary>A small phone: 375 x 667 CSS pixels (an iPhone SE), the size the start button must fit.</summary>
    private static BrowserNewContextOptions Phone(bool javaScript) => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 667 },
        IsMobile = true,
        HasTouch = true,
        JavaScriptEnabled = javaScript,
    };

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_take_a_person_on_a_phone_through_every_question_to_a_reference_and_a_confirmation_email(bool javaScript)
    {
        hub.Smtp.Require();
        var email = $"noor.{(javaScript ? "js" : "nojs")}@example.org";
        await using var axe = new AxeAudit(hub, output, Phone(javaScript));
        await using var context = await hub.NewContextAsync(Phone(javaScript));
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Get support with your mental health");
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start now" });
        var box = (await start.BoundingBoxAsync()).ShouldNotBeNull();
        (box.Y + box.Height).ShouldBeLessThanOrEqualTo(667, "the start button is above the fold on a 375 x 667 phone");
        (await page.Locator("main").InnerTextAsync()).ShouldContain(HubPhone, Case.Sensitive, "the hub's number for someone who would rather talk");
        (await page.Locator(".hub-urgent-help").InnerTextAsync()).ShouldNotContain("refer yourself below");
        await Scan(page, axe, "start page");

        await start.TapAsync();
        await page.ShouldBeOnAsync("/refer");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("How would you like us to contact you?");
        // The contact details sit under the method chosen: hidden until chosen with JavaScript, all shown without.
        (await page.GetByLabel("Email address", new() { Exact = true }).IsVisibleAsync()).ShouldBe(!javaScript);
        await Scan(page, axe, "question: contact");

        // Continue with nothing chosen: the NHS error summary, linked to the question.
        await PublicForm.ContinueAsync(page);
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync()).ShouldBe(["Select how you would like us to get in touch"]);
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await Scan(page, axe, "question: contact, with an error");

        await page.GetByLabel("Email", new() { Exact = true }).CheckAsync();
        (await page.GetByLabel("Email address", new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue("revealed under the method chosen");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await PublicForm.ContinueAsync(page);

        await page.ShouldBeOnAsync("/refer/messages");
        await Scan(page, axe, "question: messages");
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await PublicForm.ContinueAsync(page);

        await page.ShouldBeOnAsync("/refer/name");
        await Scan(page, axe, "question: name");
        // Back goes to the question before, with the answer kept.
        await page.ClickAndWaitForPageAsync(page.Locator("a.nhsuk-back-link"));
        await page.ShouldBeOnAsync("/refer/messages");
        (await page.GetByLabel("Yes", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue("Back keeps what was answered");
        await PublicForm.ContinueAsync(page);
        await page.GetByLabel("What should we call you?").FillAsync("Noor");
        await PublicForm.ContinueAsync(page);

        await page.ShouldBeOnAsync("/refer/happening");
        await Scan(page, axe, "question: what has been happening");
        await page.GetByLabel("What has been happening?").FillAsync(WhatIsHappening);
        await PublicForm.ContinueAsync(page);

        // Every other question is optional: each page is scanned and left blank.
        foreach (var (path, name) in new[]
        {
            ("/refer/help", "what would help"), ("/refer/language", "language"), ("/refer/talking", "making talking easier"),
            ("/refer/before", "been in touch before"), ("/refer/ethnic-group", "ethnic group"), ("/refer/gender", "gender"),
            ("/refer/sexual-orientation", "sexual orientation"), ("/refer/disability", "disability"), ("/refer/sharing", "sharing"),
        })
        {
            await page.ShouldBeOnAsync(path);
            await Scan(page, axe, "question: " + name);
            await PublicForm.ContinueAsync(page);
        }

        await page.ShouldBeOnAsync("/refer/check");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(PublicForm.CheckHeading);
        (await AnswerTo(page, "Name we should use")).ShouldBe("Noor");
        (await AnswerTo(page, "How to get in touch")).ShouldBe($"Email: {email}");
        (await AnswerTo(page, "Safe to leave a message")).ShouldBe("Yes");
        (await AnswerTo(page, "What has been happening")).ShouldBe(WhatIsHappening);
        (await AnswerTo(page, "Language")).ShouldBe("Not given");
        (await AnswerTo(page, "Interpreter")).ShouldBe("Not given");
        await Scan(page, axe, "check your answers");

        // Change goes to the question and straight back to the check page.
        await page.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Change name we should use" }));
        await page.ShouldBeOnAsync("/refer/name");
        (await page.GetByLabel("What should we call you?").InputValueAsync()).ShouldBe("Noor");
        await page.GetByLabel("What should we call you?").FillAsync("Noor A");
        await PublicForm.ContinueAsync(page);
        await page.ShouldBeOnAsync("/refer/check");
        (await AnswerTo(page, "Name we should use")).ShouldBe("Noor A");

        await page.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }), tap: true);
        await page.ShouldBeOnAsync("/refer/sent");
        var reference = (await page.Locator(".hub-reference").InnerTextAsync()).Trim();
        reference.ShouldMatch(ReferencePattern);
        (await page.Locator(".hub-urgent-help").InnerTextAsync()).ShouldNotContain("refer yourself below");
        await Scan(page, axe, "request sent");

        // Back after sending shows a page, never the browser's "resubmit" prompt: the check page, now saying it was sent.
        await page.GoBackAsync();
        await page.ShouldBeOnAsync("/refer/check");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("You have already sent this request");
        (await page.Locator(".hub-reference").InnerTextAsync()).Trim().ShouldBe(reference);
        await Scan(page, axe, "back after sending");

        using (var scope = hub.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var stored = await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference);
            stored.WhatIsHappening.ShouldBe(WhatIsHappening);
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == stored.PersonId);
            person.PreferredName.ShouldBe("Noor A");
            person.Contact.Email.ShouldBe(email);
            person.Contact.SafeToLeaveMessage.ShouldBe(true);
            person.Communication.PreferredLanguage.ShouldBeNull("a blank language is not given, never English");
            person.Communication.InterpreterNeeded.ShouldBeNull("an unanswered interpreter question is not given, never No");
            (await db.Referrals.CountAsync(r => r.PersonId == person.Id)).ShouldBe(1);

            (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync("self-referral-journey", 20, CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        }
        var confirmation = hub.Smtp.Messages().Single(m => SmtpServer.Header(m, "To")?.Contains(email, StringComparison.OrdinalIgnoreCase) == true);
        var body = SmtpServer.Body(confirmation);
        body.ShouldContain($"Your reference is {reference}");
        body.ShouldContain("within 2 working days");
        body.ShouldNotContain("Noor", Case.Sensitive, "no personal details beyond the reference and the next step");
        body.ShouldNotContain("slept", Case.Sensitive);

        axe.ShouldHaveFoundNoViolations();
    }

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

/// <summary>The hub with a real SMTP server and its own phone number (<c>Hub:HubPhone</c>), as a deployed front door has.</summary>
public sealed class FrontDoorFixture : MailingBrowserFixture
{
    protected override void Configure(HubWebFactory factory)
    {
        base.Configure(factory);
        factory.With("Hub:HubPhone", SelfReferralJourneyTests.HubPhone);
    }
}
