using System.Text.RegularExpressions;
using Hub.BrowserTests.Conversations;
using Hub.BrowserTests.Referrals;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Journeys;

/// <summary>
/// One story, walked three ways (with JavaScript, without it, and by keyboard alone): a person on
/// a 375 px phone goes from the start page through every question to a reference and a
/// confirmation email caught by the test SMTP server; then a practitioner at 1280 px finds that
/// referral in the triage queue, picks it up and completes a conversation section by section, with
/// an error kept inside one section. Every page touched is scanned with axe.
/// With <c>HUB_SCREENSHOTS</c> set to a folder, each page is also saved there for a person to look at.
/// All the words typed are invented.
/// </summary>
[Collection(FrontDoorCollection.Name)]
public sealed class FrontDoorToConversationJourneyTests(FrontDoorFixture hub, ITestOutputHelper output)
{
    private const string ReferencePattern = "^[A-Z0-9]{4}-[A-Z0-9]{4}$";
    private const string PractitionerEmail = "practitioner@demo.livingwell.test";

    /// <summary>An emoji, Arabic (right to left) and a line break, which must all survive unchanged.</summary>
    private const string WhatIsHappening = "I have not slept properly for weeks 😔\nMy mum says: أشعر بالتعب الشديد كل يوم";

    /// <summary>The task list's sections in order, with the end of each one's address.</summary>
    private static readonly OrderedDictionary<string, string> Sections = new()
    {
        ["What matters to them"] = "what-matters",
        ["Strengths and connections"] = "strengths",
        ["People in their life"] = "people",
        ["DIALOG ratings"] = "dialog",
        ["Money, housing, work and more"] = "life-areas",
        ["Safety plan"] = "safety-plan",
        ["Goals"] = "goals",
        ["Your summary"] = "summary",
    };

    /// <summary>The optional questions after "what has been happening", each left blank.</summary>
    private static readonly (string Path, string Name)[] OptionalQuestions =
    [
        ("/refer/help", "what would help"), ("/refer/language", "language"), ("/refer/talking", "making talking easier"),
        ("/refer/before", "been in touch before"), ("/refer/ethnic-group", "ethnic group"), ("/refer/gender", "gender"),
        ("/refer/sexual-orientation", "sexual orientation"), ("/refer/disability", "disability"), ("/refer/sharing", "sharing"),
    ];

    public static TheoryData<string> Ways => ["javascript", "no-javascript", "keyboard"];

    [SkippableTheory]
    [MemberData(nameof(Ways))]
    public async Task Should_take_a_referral_from_the_start_page_to_a_confirmation_email_and_on_to_a_conversation_completed_section_by_section(string way)
    {
        hub.Smtp.Require();
        var javaScript = way != "no-javascript";
        var walk = new Walk(way == "keyboard", way, output);
        var name = $"Noor {way}";
        var email = $"noor.{way}@example.org";

        // 1. The person, on a phone.
        var phone = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 667 },
            IsMobile = true,
            HasTouch = true,
            JavaScriptEnabled = javaScript,
        };
        string reference;
        await using (var axe = new AxeAudit(hub, output, javaScript ? null : phone))
        await using (var context = await hub.NewContextAsync(phone))
        {
            var page = await context.NewPageAsync();
            reference = await ReferAsync(page, walk, axe, name, email);
            axe.ShouldHaveFoundNoViolations();
        }

        // 2. The confirmation email: the reference and the next step, nothing personal.
        using (var scope = hub.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync("front-door-story-" + way, 20, CancellationToken.None);
        }
        var confirmation = hub.Smtp.Messages().Where(m => SmtpServer.Header(m, "To")?.Contains(email, StringComparison.OrdinalIgnoreCase) == true).ToList();
        confirmation.Count.ShouldBe(1, "one confirmation, to the address the person gave");
        var body = SmtpServer.Body(confirmation[0]);
        var subject = SmtpServer.Header(confirmation[0], "Subject") ?? "";
        body.ShouldContain($"Your reference is {reference}");
        body.ShouldContain("within 2 working days");
        foreach (var personal in new[] { "Noor", way, "slept", "أشعر", email })
        {
            body.ShouldNotContain(personal, Case.Insensitive, "the email carries the reference and the next step, nothing the person told us");
            subject.ShouldNotContain(personal, Case.Insensitive);
        }

        // 3. A practitioner, at a desk.
        var desk = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = javaScript,
        };
        await using (var axe = new AxeAudit(hub, output, javaScript ? null : desk))
        await using (var context = await hub.NewContextAsync(desk))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, walk, axe);
            await PickUpAsync(page, walk, axe, reference, name);
            await HoldTheConversationAsync(page, walk, axe, name);
            axe.ShouldHaveFoundNoViolations();
        }

        using (var scope = hub.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference);
            referral.WhatIsHappening.ShouldBe(WhatIsHappening);
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == referral.PersonId);
            person.Contact.Email.ShouldBe(email);
            person.Communication.PreferredLanguage.ShouldBeNull("a blank language is not given, never English");
            person.Communication.InterpreterNeeded.ShouldBeNull("an unanswered interpreter question is not given, never No");
            (await db.Referrals.CountAsync(r => r.PersonId == person.Id)).ShouldBe(1, "sent once, whatever Back did");
            (await db.TriagePickUps.CountAsync(p => p.ReferralId == referral.Id)).ShouldBe(1, "picked up, and still waiting for triage");
        }
    }

    /// <summary>From the start page through every question, check your answers and send; Back after sending; returns the reference.</summary>
    private static async Task<string> ReferAsync(IPage page, Walk walk, AxeAudit axe, string name, string email)
    {
        await page.GotoAsync("/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Get support with your mental health");
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start now" });
        var box = (await start.BoundingBoxAsync()).ShouldNotBeNull();
        (box.Y + box.Height).ShouldBeLessThanOrEqualTo(667, "the start button is above the fold on a 375 x 667 phone");
        (await page.Locator("main").InnerTextAsync()).ShouldContain(SelfReferralJourneyTests.HubPhone, Case.Sensitive, "the hub's number for someone who would rather talk");
        (await page.Locator(".hub-urgent-help").InnerTextAsync()).ShouldNotContain("refer yourself below");
        await walk.SeenAsync(page, axe, "start page");

        await walk.PressAsync(page, "a.nhsuk-button[href='/refer']", start);
        await page.ShouldBeOnAsync("/refer");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("How would you like us to contact you?");
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Question 1 of 13");
        // The contact details sit under the method chosen: hidden until chosen with JavaScript, all shown without.
        (await page.GetByLabel("Email address", new() { Exact = true }).IsVisibleAsync()).ShouldBe(walk.JavaScriptOff);
        await walk.SeenAsync(page, axe, "question: contact");

        // Continue with nothing chosen: the NHS error summary, linked to the question.
        await walk.ContinueAsync(page);
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync()).ShouldBe(["Select how you would like us to get in touch"]);
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await walk.SeenAsync(page, axe, "question: contact, with an error");

        await walk.ChooseAsync(page, "Answers.ContactMethod", "#Answers_ContactMethod-3");
        (await page.GetByLabel("Email address", new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue("revealed under the method chosen");
        await walk.TypeAsync(page, "#Answers_Email", email);
        await walk.SeenAsync(page, axe, "question: contact, email chosen");
        await walk.ContinueAsync(page);

        await page.ShouldBeOnAsync("/refer/messages");
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Question 2 of 13", "the count stays as it was once the method is chosen");
        await walk.SeenAsync(page, axe, "question: messages");
        await walk.ChooseAsync(page, "Answers.SafeToLeaveMessage", "input[name='Answers.SafeToLeaveMessage'][value='yes']");
        await walk.ContinueAsync(page);

        await page.ShouldBeOnAsync("/refer/name");
        await walk.SeenAsync(page, axe, "question: name");
        // Back goes to the question before, with the answer kept.
        await walk.FollowAsync(page, "a.nhsuk-back-link", page.Locator("a.nhsuk-back-link"));
        await page.ShouldBeOnAsync("/refer/messages");
        (await page.Locator("input[name='Answers.SafeToLeaveMessage'][value='yes']").IsCheckedAsync()).ShouldBeTrue("Back keeps what was answered");
        await walk.ContinueAsync(page);
        await page.ShouldBeOnAsync("/refer/name");
        await walk.TypeAsync(page, "#Answers_PreferredName", name);
        await walk.ContinueAsync(page);

        await page.ShouldBeOnAsync("/refer/happening");
        await walk.SeenAsync(page, axe, "question: what has been happening");
        // Typed key by key, the line break with Enter inside the box, which must not send the form.
        await walk.TypeAsync(page, "#Answers_WhatIsHappening", WhatIsHappening);
        await walk.ContinueAsync(page);

        foreach (var (path, question) in OptionalQuestions)
        {
            await page.ShouldBeOnAsync(path);
            await walk.SeenAsync(page, axe, "question: " + question);
            await walk.ContinueAsync(page);
        }

        await page.ShouldBeOnAsync("/refer/check");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(PublicForm.CheckHeading);
        (await AnswerTo(page, "Name we should use")).ShouldBe(name);
        (await AnswerTo(page, "How to get in touch")).ShouldBe($"Email: {email}");
        (await AnswerTo(page, "Safe to leave a message")).ShouldBe("Yes");
        (await AnswerTo(page, "What has been happening")).ShouldBe(WhatIsHappening);
        (await AnswerTo(page, "Language")).ShouldBe("Not given");
        (await AnswerTo(page, "Interpreter")).ShouldBe("Not given");
        await walk.SeenAsync(page, axe, "check your answers");

        await walk.PressAsync(page, "form[action='/refer/check'] button[type=submit]", page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }));
        await page.ShouldBeOnAsync("/refer/sent");
        var reference = (await page.Locator(".hub-reference").InnerTextAsync()).Trim();
        reference.ShouldMatch(ReferencePattern);
        (await page.Locator("main").InnerTextAsync()).ShouldContain("We have emailed it to you too.", Case.Sensitive, "the page says the email is on its way, because it is");
        (await page.Locator(".hub-urgent-help").InnerTextAsync()).ShouldNotContain("refer yourself below", Case.Sensitive, "no form on this page");
        await walk.SeenAsync(page, axe, "request sent");

        // Back after sending shows a page, never the browser's "resubmit" prompt: the check page, now saying it was sent.
        await page.GoBackAsync();
        await page.ShouldBeOnAsync("/refer/check");
        await page.Locator("h1", new() { HasTextString = "You have already sent this request" }).WaitForAsync();
        (await page.Locator(".hub-reference").InnerTextAsync()).Trim().ShouldBe(reference);
        (await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).CountAsync()).ShouldBe(0, "nothing left to send again");
        (await page.Locator(".hub-urgent-help").InnerTextAsync()).ShouldNotContain("refer yourself below", Case.Sensitive, "no form on this page");
        await walk.SeenAsync(page, axe, "back after sending");

        // Back once more, to the last question: the same, and the banner does not speak of a form that is not there.
        await page.GoBackAsync();
        await page.ShouldBeOnAsync("/refer/sharing");
        await page.Locator("h1", new() { HasTextString = "You have already sent this request" }).WaitForAsync();
        (await page.Locator("form button", new() { HasTextString = "Continue" }).CountAsync()).ShouldBe(0);
        (await page.Locator(".hub-urgent-help").InnerTextAsync()).ShouldNotContain("this form", Case.Insensitive, "no form on this page");
        await walk.SeenAsync(page, axe, "a question, after sending");
        return reference;
    }

    private static async Task SignInAsync(IPage page, Walk walk, AxeAudit axe)
    {
        await page.GotoAsync("/staff/account/sign-in");
        await walk.SeenAsync(page, axe, "staff sign in");
        await walk.TypeAsync(page, "input[name='Email']", PractitionerEmail);
        await walk.TypeAsync(page, "input[type='password']", DemoDataSeeder.DemoPassword);
        await walk.PressAsync(page, "form:has(input[type='password']) button[type=submit]", page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
        await page.ShouldBeOnAsync("/staff");

        // The header says who is signed in, with their account and signing out.
        var account = page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" });
        (await account.InnerTextAsync()).ShouldContain("Sign out");
        (await account.GetByRole(AriaRole.Link).InnerTextAsync()).ShouldContain("Sam Okafor");
    }

    /// <summary>Searches the triage queue for the reference, opens it and picks it up; the queue then shows it as picked up by you.</summary>
    private static async Task PickUpAsync(IPage page, Walk walk, AxeAudit axe, string reference, string name)
    {
        await walk.FollowAsync(page, "nav[aria-label='Staff menu'] a[href='/staff/triage']",
            page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "Triage queue", Exact = true }));
        await page.ShouldBeOnAsync("/staff/triage");
        await walk.SeenAsync(page, axe, "triage queue");

        await walk.TypeAsync(page, "input[name=q]", reference);
        await walk.PressAsync(page, "form[role=search] button[type=submit]", page.GetByRole(AriaRole.Button, new() { Name = "Show referrals" }));
        await page.WaitForAddressAsync(url => url.Contains("q=", StringComparison.Ordinal));
        var rows = page.Locator("table.hub-queue tbody tr");
        (await rows.CountAsync()).ShouldBe(1, "the search for the reference finds that referral alone");
        (await rows.InnerTextAsync()).ShouldContain(name);
        (await rows.InnerTextAsync()).ShouldContain("Nobody yet");
        (await page.GetByRole(AriaRole.Status).First.InnerTextAsync()).ShouldStartWith("1 referral matches");
        await walk.SeenAsync(page, axe, "triage queue, searched");

        var link = page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true });
        await walk.FollowAsync(page, $"table.hub-queue a[href='{await link.GetAttributeAsync("href")}']", link);
        await page.Locator("#picked-up", new() { HasTextString = "Nobody has picked this up yet" }).WaitForAsync();
        await walk.SeenAsync(page, axe, "referral record");

        await walk.PressAsync(page, "form[action$='handler=pickup'] button", page.GetByRole(AriaRole.Button, new() { Name = "I'm picking this up" }));
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "You have picked this up" }).WaitForAsync();
        (await page.Locator("#picked-up").InnerTextAsync()).ShouldStartWith("You picked this up at");
        await walk.SeenAsync(page, axe, "referral record, picked up");

        await walk.FollowAsync(page, "a.nhsuk-back-link__link[href='/staff/triage']", page.GetByRole(AriaRole.Link, new() { Name = "Back to the triage queue" }));
        await walk.TypeAsync(page, "input[name=q]", reference);
        await walk.PressAsync(page, "form[role=search] button[type=submit]", page.GetByRole(AriaRole.Button, new() { Name = "Show referrals" }));
        await page.WaitForAddressAsync(url => url.Contains("q=", StringComparison.Ordinal));
        var picked = await rows.InnerTextAsync();
        picked.ShouldContain("You");
        picked.ShouldContain("since");
        await walk.SeenAsync(page, axe, "triage queue, picked up by you");

        await walk.FollowAsync(page, $"table.hub-queue a[href='{await link.GetAttributeAsync("href")}']", link);
        await page.Locator("#picked-up").WaitForAsync();
    }

    /// <summary>
    /// Starts the conversation and completes it section by section; a person in the network without
    /// "how often" is an error shown in that section alone, while the sections done stay completed.
    /// </summary>
    private static async Task HoldTheConversationAsync(IPage page, Walk walk, AxeAudit axe, string name)
    {
        await walk.PressAsync(page, "form[action$='handler=conversation'] button", page.GetByRole(AriaRole.Button, new() { Name = "Start the conversation" }));
        await page.ShouldBeOnTaskListAsync();
        var taskList = page.Url;
        (await Statuses(page)).ShouldAllBe(s => s == "Not started");
        await walk.SeenAsync(page, axe, "conversation task list");

        foreach (var section in Sections.Keys)
        {
            await walk.FollowAsync(page, $"#sections a[href$='/edit/{Sections[section]}']", page.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }));
            await page.Locator("h1", new() { HasTextString = section }).WaitForAsync();
            (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldStartWith(name);
            switch (section)
            {
                case "What matters to them":
                    await walk.TypeAsync(page, "#Form_WhatMatters", "Getting back to the allotment.");
                    break;
                case "Strengths and connections":
                    await walk.TypeAsync(page, "#Form_Strengths", "I kept going after the flood.");
                    break;
                case "People in their life":
                    // No "how often": refused here, and only here.
                    await walk.TypeAsync(page, "#Person_Name", "Sister Ana");
                    await walk.SelectAsync(page, "#Person_Quality", "Supportive");
                    await walk.SeenAsync(page, axe, "section: " + section);
                    await walk.SaveSectionAsync(page);
                    await page.Locator(".nhsuk-error-summary").WaitForAsync();
                    (await page.TitleAsync()).ShouldStartWith("Error: ");
                    (await page.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync()).ShouldBe(["Select how often they are in touch"]);
                    (await page.Locator(".nhsuk-error-summary a").GetAttributeAsync("href")).ShouldBe("#Person_Frequency");
                    await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
                    (await page.InputValueAsync("#Person_Name")).ShouldBe("Sister Ana", "nothing typed is lost");
                    await walk.SeenAsync(page, axe, "section: people, with an error");
                    // The error summary's link takes the keyboard to the field.
                    if (walk.Keyboard)
                    {
                        await walk.FollowAsync(page, ".nhsuk-error-summary a[href='#Person_Frequency']", null, waitForPage: false);
                        (await page.FocusedMatchesAsync("#Person_Frequency")).ShouldBeTrue("the error summary link moves focus to the field");
                    }

                    // Meanwhile, in another tab, the task list: the sections done are still completed, this
                    // one has nothing saved yet, and there is no error anywhere else.
                    var other = await page.Context.NewPageAsync();
                    await other.GotoAsync(taskList);
                    (await Statuses(other)).ShouldBe(["Completed", "Completed", "Not started", "Not started", "Not started", "Not started", "Not started", "Not started"]);
                    (await other.Locator(".nhsuk-error-summary, .nhsuk-error-message").CountAsync()).ShouldBe(0, "the error stays in its section");
                    await walk.SeenAsync(other, axe, "conversation task list, while one section has an error");
                    await other.CloseAsync();

                    // Fixed where it was found.
                    await walk.SelectAsync(page, "#Person_Frequency", "Daily");
                    await walk.ChooseAsync(page, "Person.CouldJoin", "input[name='Person.CouldJoin'][value='no']");
                    break;
                case "DIALOG ratings":
                    await walk.ChooseAsync(page, "Form.Dialog[0].Rating", "input[name='Form.Dialog[0].Rating'][value='3']");
                    break;
                case "Money, housing, work and more":
                    break;
                case "Safety plan":
                    await walk.TypeAsync(page, "#Form_SafetyPlan_WhatHelps", "Ringing my sister and going out for a walk.");
                    break;
                case "Goals":
                    await walk.TypeAsync(page, "#Form_Goals_0__Text", "Dig over the allotment bed");
                    await walk.SelectAsync(page, "#Form_Goals_0__Rating", "2");
                    break;
                case "Your summary":
                    await walk.TypeAsync(page, "#Form_PractitionerSummary", "Agreed one goal; the sister helps.");
                    break;
            }
            await walk.SeenAsync(page, axe, "section: " + section + (section == "People in their life" ? ", corrected" : ""));
            await walk.SaveSectionAsync(page);
            await page.ShouldBeOnTaskListAsync();
            (await page.Locator($"#sections li:has(a:text-is('{section}')) .nhsuk-task-list__status").InnerTextAsync()).ShouldBe("Completed");
        }

        (await Statuses(page)).ShouldAllBe(s => s == "Completed");
        await walk.SeenAsync(page, axe, "conversation task list, all completed");
        await walk.PressAsync(page, "#complete-form button[type=submit]",
            page.GetByRole(AriaRole.Button, new() { Name = "Complete conversation" }));
        await page.ShouldBeOnViewPageAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Conversation complete." }).WaitForAsync();
        (await page.Locator("h2:text-is('Goals') + ol > li").AllInnerTextsAsync()).ShouldBe(["Dig over the allotment bed: 2 out of 10"]);
        var people = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "People in their life" }) });
        (await people.Locator("tbody tr td").AllInnerTextsAsync()).Take(4).ShouldBe(["Sister Ana", "", "Supportive", "Daily"]);
        await walk.SeenAsync(page, axe, "conversation complete");
    }

    private static Task<IReadOnlyList<string>> Statuses(IPage page) =>
        page.Locator(".nhsuk-task-list__status").AllInnerTextsAsync();

    private static Task<string> AnswerTo(IPage page, string question) =>
        page.Locator(".nhsuk-summary-list__row")
            .Filter(new() { Has = page.Locator("dt", new() { HasTextRegex = new Regex("^" + Regex.Escape(question) + "$") }) })
            .Locator(".nhsuk-summary-list__value")
            .InnerTextAsync();

    /// <summary>
    /// How the story is walked: with the mouse and Playwright's fill, or with the keyboard alone
    /// (Tab to a control, type, arrow keys within a group or list, Space to tick, Enter to follow or send).
    /// </summary>
    private sealed class Walk(bool keyboard, string way, ITestOutputHelper output)
    {
        private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("HUB_SCREENSHOTS");
        private int _shots;

        public bool Keyboard => keyboard;

        public bool JavaScriptOff => way == "no-javascript";

        /// <summary>Scans the page with axe, checks it does not scroll sideways, and saves a screenshot when asked to.</summary>
        public async Task SeenAsync(IPage page, AxeAudit axe, string pageName)
        {
            await axe.ScanAsync(page, pageName);
            await page.ShouldNotScrollSidewaysAsync(pageName);
            if (ScreenshotFolder is { Length: > 0 })
            {
                Directory.CreateDirectory(ScreenshotFolder);
                var file = Path.Combine(ScreenshotFolder, $"{way}-{++_shots:00}-{Regex.Replace(pageName.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-')}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                output.WriteLine($"screenshot: {file}");
            }
        }

        public async Task TypeAsync(IPage page, string selector, string text)
        {
            if (!keyboard)
            {
                await page.FillAsync(selector, text);
                return;
            }
            await TabToAsync(page, selector);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    await page.Keyboard.PressAsync("Enter");
                }
                await page.Keyboard.InsertTextAsync(lines[i]);
            }
            (await page.InputValueAsync(selector)).ShouldBe(text);
        }

        /// <summary>Chooses a radio: by keyboard, Tab into its group then arrow keys to it (which also selects it), Space if it is the first.</summary>
        public async Task ChooseAsync(IPage page, string groupName, string radioSelector)
        {
            if (!keyboard)
            {
                await page.Locator(radioSelector).CheckAsync();
                return;
            }
            await page.TabToAsync($"input[type=radio][name='{groupName}']");
            for (var i = 0; i < 12 && !await page.FocusedMatchesAsync(radioSelector); i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
            (await page.FocusedMatchesAsync(radioSelector)).ShouldBeTrue($"arrow keys reach {radioSelector}");
            await page.Keyboard.PressAsync("Space");
            (await page.Locator(radioSelector).IsCheckedAsync()).ShouldBeTrue();
        }

        /// <summary>Chooses an option of a select: by keyboard, Tab to it and arrow down until it holds the value.</summary>
        public async Task SelectAsync(IPage page, string selector, string value)
        {
            if (!keyboard)
            {
                await page.SelectOptionAsync(selector, value);
                return;
            }
            await TabToAsync(page, selector);
            for (var i = 0; i < 15 && await page.InputValueAsync(selector) != value; i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
            (await page.InputValueAsync(selector)).ShouldBe(value);
        }

        /// <summary>Presses a button (Enter by keyboard) and waits for the page it leads to.</summary>
        public Task PressAsync(IPage page, string selector, ILocator target) => FollowAsync(page, selector, target);

        /// <summary>Follows a link or presses a button, by keyboard with Tab and Enter; waits for the next page unless told not to.</summary>
        public async Task FollowAsync(IPage page, string selector, ILocator? target, bool waitForPage = true)
        {
            if (keyboard || target is null)
            {
                var before = waitForPage ? await page.Locator("h1").First.ElementHandleAsync() : null;
                await page.TabToAsync(selector, maxPresses: 200);
                await page.Keyboard.PressAsync("Enter");
                if (before is not null)
                {
                    await WaitForNextPageAsync(page, before, selector);
                }
                return;
            }
            await page.ClickAndWaitForPageAsync(target);
        }

        public Task ContinueAsync(IPage page) =>
            PressAsync(page, "form button.nhsuk-button[type=submit]", page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));

        /// <summary>"Yes, I've completed this section", then "Save and continue".</summary>
        public async Task SaveSectionAsync(IPage page)
        {
            await ChooseAsync(page, "SectionDone", "input[name='SectionDone'][value='yes']");
            await PressAsync(page, "#conversation-form button.nhsuk-button[type='submit']:not([formaction])",
                page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }));
        }

        /// <summary>Tabs to the control, unless the keyboard is already on it.</summary>
        private static async Task TabToAsync(IPage page, string selector)
        {
            if (!await page.FocusedMatchesAsync(selector))
            {
                await page.TabToAsync(selector);
            }
        }

        /// <summary>
        /// Waits for the page Enter leads to. If the old page is still there after a while, fails at
        /// once saying where the keyboard is, rather than waiting out the test's whole time: Enter on
        /// something a script moved the focus to does nothing, and a bare timeout would not say so.
        /// </summary>
        private static async Task WaitForNextPageAsync(IPage page, IElementHandle before, string pressed)
        {
            try
            {
                await before.WaitForElementStateAsync(ElementState.Hidden, new() { Timeout = 45_000 });
            }
            catch (PlaywrightException ex) when (ex.Message.Contains("not attached", StringComparison.Ordinal))
            {
                // Already gone with its page.
            }
            catch (System.TimeoutException)
            {
                var focused = await page.EvaluateAsync<string>(
                    "() => { const e = document.activeElement; return e ? `${e.tagName.toLowerCase()}#${e.id}[name=${e.getAttribute('name')}][type=${e.getAttribute('type')}]` : 'nothing'; }");
                var stillOn = await page.FocusedMatchesAsync(pressed);
                throw new ShouldAssertException(
                    $"Enter on '{pressed}' did not leave {new Uri(page.Url).AbsolutePath} within 45 s; the focus is now on {focused} (still on what was pressed: {stillOn}).");
            }
            await page.WaitForNewPageParsedAsync();
        }
    }
}

/// <summary>The front door's hub (with its SMTP server), shared by the journeys that need it so it starts once.</summary>
[CollectionDefinition(Name)]
public sealed class FrontDoorCollection : ICollectionFixture<FrontDoorFixture>
{
    public const string Name = "front door";
}
