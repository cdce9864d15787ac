using System.Text.RegularExpressions;
using Hub.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Conversations;

/// <summary>
/// A practitioner holds a strengths-based conversation in a real browser against the real hub, as
/// a task list of sections: without JavaScript (and partly by keyboard) from start, through an error
/// kept inside one section, to review and a new version; with JavaScript from a section saved by
/// itself to a completed conversation; and two members of staff saving the same section. Every page
/// reached is scanned with axe.
/// All the words typed are invented.
/// </summary>
public sealed class ConversationJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string PractitionerEmail = "practitioner@demo.livingwell.test";
    private const string NurseEmail = "nurse@demo.livingwell.test";

    private const string WhatMatters = "Getting back to the allotment and seeing my grandchildren on Sundays.";
    private const string WhatMattersRevised = "Getting back to the allotment, seeing my grandchildren on Sundays and sleeping better.";
    private const string Strengths = "I kept going after the flood. I am good with my hands.";

    /// <summary>Three people, each with a different quality and frequency, so every line style is drawn.</summary>
    private static readonly (string Name, string Relationship, string Quality, string Frequency)[] Network =
    [
        ("Sister Ana", "Sister", "Supportive", "Daily"),
        ("Neighbour Bill", "Neighbour", "Mixed", "Weekly"),
        ("Dad", "Father", "Strained", "Monthly"),
    ];

    /// <summary>Two life areas rated 2 and 4 (quality of life 3 out of 7); the rest left not answered.</summary>
    private static readonly (string Question, int First, int Review)[] Ratings =
    [
        ("How satisfied are you with your mental health?", 2, 4),
        ("How satisfied are you with your relationship with friends?", 4, 6),
    ];

    private static readonly (string Text, int First, int Review)[] Goals =
    [
        ("Dig over the allotment bed", 2, 6),
        ("Walk to the shop on my own", 5, 5),
    ];

    // The conversation held with JavaScript on: different words, two people, five DIALOG ratings.
    private const string JsStrengths = "I have sung in a choir for twenty years and I always turn up.";
    private const string JsWarningSigns = "I stop answering the phone and stay in bed.";
    private const string JsSummary = "Wants to feel less alone; the choir and a cousin help. Agreed two goals and help with the damp flat.";
    private static readonly (string InTheirWords, string WhatWouldHelp) JsNeed =
        ("The flat is cold and damp all winter.", "A referral to the warm homes scheme.");

    private static readonly (string Name, string Relationship, string Quality, string Frequency)[] JsNetwork =
    [
        ("Cousin Dee", "Cousin", "Supportive", "Weekly"),
        ("Choir leader", "Friend", "Mixed", "Monthly"),
    ];

    /// <summary>Life areas 3, 5 and 4 (quality of life 4 out of 7); treatment 6 and 5 (5.5 out of 7).</summary>
    private static readonly (string Question, int Rating)[] JsRatings =
    [
        ("How satisfied are you with your mental health?", 3),
        ("How satisfied are you with your physical health?", 5),
        ("How satisfied are you with your leisure activities?", 4),
        ("How satisfied are you with the practical help you receive?", 6),
        ("How satisfied are you with your meetings with professionals?", 5),
    ];

    private static readonly (string Text, int Baseline)[] JsGoals =
    [
        ("Sing a solo at the spring concert", 3),
        ("Ask the GP about my sleep", 0),
    ];

    private static readonly Regex AutosavedStatus = new(@"^Draft saved automatically at \d{2}:\d{2}\.$");

    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false };

    [SkippableFact]
    public async Task Should_hold_a_conversation_section_by_section_keep_an_error_in_its_section_and_review_it_without_javascript()
    {
        var reference = await SendSelfReferralAsync("Morgan");

        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await SignInAsync(page, PractitionerEmail);

        await OpenReferralAsync(page, reference);
        await axe.ScanAsync(page, "referral record");

        // Start the conversation: a task list with every section not started.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the conversation" }).ClickAsync();
        await page.ShouldBeOnTaskListAsync();
        var taskListUrl = page.Url;
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Strengths-based conversation, draft");
        (await Statuses(page)).ShouldAllBe(s => s == "Not started");
        await axe.ScanAsync(page, "conversation task list, new");
        await page.ShouldNotScrollSidewaysAsync("conversation task list at 1280px");
        await ScreenshotAsync(page, "task-list-1280");
        await page.SetViewportSizeAsync(375, 667);
        await page.ShouldNotScrollSidewaysAsync("conversation task list at 375px");
        await ScreenshotAsync(page, "task-list-375");
        await page.SetViewportSizeAsync(1280, 800);

        // Completing now says which sections are left, in order, each linking to its task.
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete conversation" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        (await page.Locator(".nhsuk-error-summary__list li").CountAsync()).ShouldBe(8);
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(page, "conversation task list, completing too early");

        await OpenSectionAsync(page, "What matters to them");
        await page.FillAsync("#Form_WhatMatters", WhatMatters);
        await axe.ScanAsync(page, "section: what matters");
        await ScreenshotAsync(page, "section-what-matters");
        await SaveSectionAsync(page, complete: true);

        await OpenSectionAsync(page, "Strengths and connections");
        await page.FillAsync("#Form_Strengths", Strengths);
        await ScreenshotAsync(page, "section-strengths");
        await axe.ScanAsync(page, "section: strengths");
        await SaveSectionAsync(page, complete: true);

        // People, one at a time; the third has no "how often", which is kept inside this section.
        await OpenSectionAsync(page, "People in their life");
        await axe.ScanAsync(page, "section: people, empty");
        for (var i = 0; i < 2; i++)
        {
            await FillPersonAsync(page, Network[i], couldJoin: i == 0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and add another person" }).ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Add the next person" }).WaitForAsync();
        }
        await FillPersonAsync(page, Network[2] with { Frequency = "" }, couldJoin: false);
        await page.GetByLabel("Yes, I've completed this section").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync()).ShouldBe(["Select how often they are in touch"]);
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        (await page.InputValueAsync("#Person_Name")).ShouldBe(Network[2].Name, "nothing typed is lost");
        (await page.InputValueAsync("#Person_Quality")).ShouldBe(Network[2].Quality);
        (await page.Locator("#network .nhsuk-summary-list__row").CountAsync()).ShouldBe(2, "the two people saved are listed");
        await axe.ScanAsync(page, "section: people, with an error");
        await ScreenshotAsync(page, "section-people-error");
        // Every other section is as it was: the task list says so.
        await page.GotoAsync(taskListUrl);
        (await Statuses(page)).ShouldBe(["Completed", "Completed", "In progress", "Not started", "Not started", "Not started", "Not started", "Not started"]);
        await OpenSectionAsync(page, "People in their life");
        await FillPersonAsync(page, Network[2], couldJoin: false);
        await SaveSectionAsync(page, complete: true);
        await ScreenshotAsync(page, "task-list-three-done");

        await OpenSectionAsync(page, "DIALOG ratings");
        foreach (var (question, first, _) in Ratings)
        {
            await RateAsync(page, question, first);
        }
        await axe.ScanAsync(page, "section: DIALOG");
        await ScreenshotAsync(page, "section-dialog");
        await SaveSectionAsync(page, complete: true);

        await OpenSectionAsync(page, "Money, housing, work and more");
        var money = page.GetByRole(AriaRole.Group, new() { Name = "Money, debt and benefits" });
        await money.GetByLabel("In their words").FillAsync("The bills pile up and I stop opening the post.");
        await money.GetByLabel("What would help").FillAsync("Help to sort out the council tax letters.");
        await axe.ScanAsync(page, "section: life areas");
        await ScreenshotAsync(page, "section-life-areas");
        await SaveSectionAsync(page, complete: true);

        // The safety plan by keyboard alone.
        await OpenSectionAsync(page, "Safety plan");
        await page.TabToAsync("#Form_SafetyPlan_WhatHelps");
        await page.Keyboard.TypeAsync("Ringing my sister and going out for a walk.");
        await page.TabToAsync("#SectionDone");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("#conversation-form button.nhsuk-button[type='submit']:not([formaction])");
        await ScreenshotAsync(page, "section-safety-plan");
        await page.Keyboard.PressAsync("Enter");
        await page.ShouldBeOnTaskListAsync();
        (await Statuses(page))[5].ShouldBe("Completed", "the safety plan was saved and marked by keyboard");

        // Goals: a rating with no words is refused inside this section.
        await OpenSectionAsync(page, "Goals");
        await page.FillAsync("#Form_Goals_0__Text", Goals[0].Text);
        await page.SelectOptionAsync("#Form_Goals_0__Rating", Goals[0].First.ToString());
        await page.SelectOptionAsync("#Form_Goals_1__Rating", Goals[1].First.ToString());
        await page.GetByLabel("Yes, I've completed this section").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        (await page.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync()).ShouldBe(["Write the goal in the person's words before rating it"]);
        (await page.Locator(".nhsuk-error-summary a").GetAttributeAsync("href")).ShouldBe("#Form_Goals_1__Text");
        (await page.InputValueAsync("#Form_Goals_1__Rating")).ShouldBe(Goals[1].First.ToString());
        await axe.ScanAsync(page, "section: goals, with an error");
        await page.FillAsync("#Form_Goals_1__Text", Goals[1].Text);
        await ScreenshotAsync(page, "section-goals");
        await SaveSectionAsync(page, complete: true);

        await OpenSectionAsync(page, "Your summary");
        await page.FillAsync("#Form_PractitionerSummary", "Invented: agreed two goals and help with the post.");
        await axe.ScanAsync(page, "section: summary");
        await ScreenshotAsync(page, "section-summary");
        await SaveSectionAsync(page, complete: true);

        (await Statuses(page)).ShouldAllBe(s => s == "Completed");
        await axe.ScanAsync(page, "conversation task list, all completed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete conversation" }).ClickAsync();
        await page.ShouldBeOnViewPageAsync();
        var firstViewUrl = page.Url;
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Conversation complete." }).WaitForAsync();
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Strengths-based conversation, version 1");

        // The ecomap: an image with a title, one line per person, and the same facts in a table.
        var ecomap = page.Locator("svg.hub-ecomap[role='img']");
        (await ecomap.CountAsync()).ShouldBe(1);
        (await ecomap.Locator("line").CountAsync()).ShouldBe(Network.Length);
        (await ecomap.Locator("line[stroke-dasharray]").CountAsync()).ShouldBe(2, "mixed and strained lines are dashed or dotted");
        var peopleTable = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "People in their life" }) });
        for (var i = 0; i < Network.Length; i++)
        {
            (await peopleTable.Locator("tbody tr").Nth(i).Locator("td").AllInnerTextsAsync())
                .ShouldBe([Network[i].Name, Network[i].Relationship, Network[i].Quality, Network[i].Frequency, i == 0 ? "Yes" : "No"]);
        }
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Quality of life: 3 out of 7. Treatment satisfaction: not enough answers.");
        (await page.Locator("h2:text-is('Goals') + ol > li").AllInnerTextsAsync())
            .ShouldBe([$"{Goals[0].Text}: {Goals[0].First} out of 10", $"{Goals[1].Text}: {Goals[1].First} out of 10"]);
        await axe.ScanAsync(page, "conversation view");

        // A review goes through every section again; the goals come back unrated.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a review" }).ClickAsync();
        await page.ShouldBeOnTaskListAsync();
        page.Url.ShouldNotBe(taskListUrl);
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Review, draft");
        await axe.ScanAsync(page, "review task list");
        foreach (var section in Sections)
        {
            await OpenSectionAsync(page, section);
            if (section == "DIALOG ratings")
            {
                foreach (var (question, _, review) in Ratings)
                {
                    await RateAsync(page, question, review);
                }
            }
            if (section == "Goals")
            {
                (await page.InputValueAsync("#Form_Goals_0__Text")).ShouldBe(Goals[0].Text);
                (await page.InputValueAsync("#Form_Goals_0__Rating")).ShouldBeEmpty();
                await page.SelectOptionAsync("#Form_Goals_0__Rating", Goals[0].Review.ToString());
                await page.SelectOptionAsync("#Form_Goals_1__Rating", Goals[1].Review.ToString());
            }
            await SaveSectionAsync(page, complete: true);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete conversation" }).ClickAsync();
        await page.ShouldBeOnViewPageAsync();
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Review, version 1");
        (await ChangeRow(page, "DIALOG", "Quality of life (mean)")).ShouldBe(["Quality of life (mean)", "3", "5", "Reliably improved"]);
        (await ChangeRow(page, "Goal-Based Outcomes", Goals[0].Text)).ShouldBe([Goals[0].Text, "2", "6", "Reliably improved"]);
        (await ChangeRow(page, "Goal-Based Outcomes", Goals[1].Text)).ShouldBe([Goals[1].Text, "5", "5", "No reliable change"]);
        await axe.ScanAsync(page, "review view");

        // A change to one section of the completed first conversation makes version 2 and keeps version 1.
        await page.GotoAsync(firstViewUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change (makes a new version)" }).ClickAsync();
        await page.ShouldBeOnTaskListAsync();
        (await Statuses(page)).ShouldAllBe(s => s == "Completed");
        await OpenSectionAsync(page, "What matters to them");
        (await page.InputValueAsync("#Form_WhatMatters")).ShouldBe(WhatMatters);
        await page.FillAsync("#Form_WhatMatters", WhatMattersRevised);
        await axe.ScanAsync(page, "section of a completed conversation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 2" }).ClickAsync();
        await page.ShouldBeOnTaskListAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Saved as version 2." }).WaitForAsync();
        await page.GotoAsync(firstViewUrl);
        (await AnswerTo(page, "What matters")).ShouldBe(WhatMattersRevised);
        var versions = page.Locator("h2:text-is('Versions') + ul > li > a");
        (await versions.AllInnerTextsAsync()).ShouldBe(["Version 2", "Version 1"]);
        await versions.Filter(new() { HasTextString = "Version 1" }).ClickAsync();
        await page.ShouldBeOnAsync(new Uri(firstViewUrl).AbsolutePath + "/versions/1");
        (await AnswerTo(page, "What matters")).ShouldBe(WhatMatters);
        (await AnswerTo(page, "Strengths")).ShouldBe(Strengths);
        await axe.ScanAsync(page, "version 1 of the conversation");

        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_save_a_section_by_itself_resume_it_after_a_reload_and_complete_the_conversation_when_javascript_is_on()
    {
        var reference = await SendSelfReferralAsync("Robin");

        await using var axe = new AxeAudit(hub, output);
        await using var context = await hub.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        // The page's clock is Playwright's, so the 20-second autosave timer can be moved on instead of waited for.
        await page.Clock.InstallAsync();
        await SignInAsync(page, PractitionerEmail);
        await OpenReferralAsync(page, reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the conversation" }).ClickAsync();
        await page.ShouldBeOnTaskListAsync();
        await axe.ScanAsync(page, "task list with javascript");

        await OpenSectionAsync(page, "What matters to them");
        var sectionUrl = page.Url;
        const string words = "Feeling less alone when the choir meets on Thursdays.";
        await page.Locator("#Form_WhatMatters").PressSequentiallyAsync(words);
        var status = page.Locator("#autosave-status");
        (await status.InnerTextAsync()).ShouldBeEmpty();
        await page.Clock.RunForAsync(21_000);
        await status.Filter(new() { HasTextRegex = AutosavedStatus }).WaitForAsync();
        (await status.GetAttributeAsync("role")).ShouldBe("status");
        await axe.ScanAsync(page, "section with javascript, after autosave");

        // Nothing was sent by a button: the section comes back from the server, in progress.
        await page.GotoAsync(sectionUrl);
        (await page.InputValueAsync("#Form_WhatMatters")).ShouldBe(words);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the sections", Exact = true }).ClickAsync();
        await page.ShouldBeOnTaskListAsync();
        (await Statuses(page))[0].ShouldBe("In progress");

        foreach (var section in Sections)
        {
            await OpenSectionAsync(page, section);
            switch (section)
            {
                case "Strengths and connections":
                    await page.FillAsync("#Form_Strengths", JsStrengths);
                    break;
                case "People in their life":
                    foreach (var person in JsNetwork)
                    {
                        await FillPersonAsync(page, person, couldJoin: false);
                        await page.GetByRole(AriaRole.Button, new() { Name = "Save and add another person" }).ClickAsync();
                        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Add the next person" }).WaitForAsync();
                    }
                    break;
                case "DIALOG ratings":
                    foreach (var (question, rating) in JsRatings)
                    {
                        await RateAsync(page, question, rating);
                    }
                    break;
                case "Money, housing, work and more":
                    var housing = page.GetByRole(AriaRole.Group, new() { Name = "Housing", Exact = true });
                    await housing.GetByLabel("In their words").FillAsync(JsNeed.InTheirWords);
                    await housing.GetByLabel("What would help").FillAsync(JsNeed.WhatWouldHelp);
                    break;
                case "Safety plan":
                    await page.FillAsync("#Form_SafetyPlan_WarningSigns", JsWarningSigns);
                    break;
                case "Goals":
                    for (var i = 0; i < JsGoals.Length; i++)
                    {
                        await page.FillAsync($"#Form_Goals_{i}__Text", JsGoals[i].Text);
                        await page.SelectOptionAsync($"#Form_Goals_{i}__Rating", JsGoals[i].Baseline.ToString());
                    }
                    break;
                case "Your summary":
                    await page.FillAsync("#Form_PractitionerSummary", JsSummary);
                    break;
            }
            await axe.ScanAsync(page, $"section with javascript: {section}");
            await SaveSectionAsync(page, complete: true);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Complete conversation" }).ClickAsync();
        await page.ShouldBeOnViewPageAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Conversation complete." }).WaitForAsync();
        (await AnswerTo(page, "What matters")).ShouldBe(words);
        (await AnswerTo(page, "Strengths")).ShouldBe(JsStrengths);
        var peopleTable = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "People in their life" }) });
        (await peopleTable.Locator("tbody tr td:first-child").AllInnerTextsAsync()).ShouldBe(JsNetwork.Select(p => p.Name).ToArray());
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("Quality of life: 4 out of 7. Treatment satisfaction: 5.5 out of 7.");
        main.ShouldContain("baseline measure recorded");
        (await page.Locator("h2:text-is('Goals') + ol > li").AllInnerTextsAsync())
            .ShouldBe(JsGoals.Select(g => $"{g.Text}: {g.Baseline} out of 10").ToArray());
        (await AnswerTo(page, "Signs things are getting hard")).ShouldBe(JsWarningSigns);
        (await page.Locator("h2:text-is(\"Practitioner's summary\") + p").InnerTextAsync()).ShouldBe(JsSummary);
        await axe.ScanAsync(page, "conversation view with javascript");

        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_keep_both_versions_when_two_members_of_staff_save_the_same_section_without_javascript()
    {
        var reference = await SendSelfReferralAsync("Kit");
        const string textA = "Being able to cook for my family again.";
        const string textB = "Finding a quiet place to read near home.";

        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        await using var practitionerContext = await hub.NewContextAsync(NoJavaScript);
        await using var nurseContext = await hub.NewContextAsync(NoJavaScript);
        var practitioner = await practitionerContext.NewPageAsync();
        var nurse = await nurseContext.NewPageAsync();

        await SignInAsync(practitioner, PractitionerEmail);
        await OpenReferralAsync(practitioner, reference);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Start the conversation" }).ClickAsync();
        await practitioner.ShouldBeOnTaskListAsync();
        var viewPath = new Uri(practitioner.Url).AbsolutePath[..^"/edit".Length];
        await OpenSectionAsync(practitioner, "What matters to them");
        var sectionUrl = practitioner.Url;

        await SignInAsync(nurse, NurseEmail);
        await nurse.GotoAsync(sectionUrl);

        // The practitioner saves first.
        await practitioner.FillAsync("#Form_WhatMatters", textA);
        await SaveSectionAsync(practitioner, complete: false);

        // The nurse's page is now stale for this section: the save shows both and loses nothing.
        await nurse.FillAsync("#Form_WhatMatters", textB);
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        var callout = nurse.Locator(".nhsuk-warning-callout");
        await callout.WaitForAsync();
        (await callout.Locator(".nhsuk-warning-callout__label").InnerTextAsync()).ShouldContain("Saved by Sam Okafor");
        (await callout.Locator(".nhsuk-summary-list__row", new() { Has = nurse.Locator("dt:text-is('What matters')") })
            .Locator("dd").InnerTextAsync()).ShouldBe(textA);
        (await nurse.InputValueAsync("#Form_WhatMatters")).ShouldBe(textB);
        await nurse.Locator(".nhsuk-error-summary").WaitForAsync();
        await nurse.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(nurse, "section with a conflict");

        // Saving again is a deliberate choice, and keeps the nurse's words.
        await SaveSectionAsync(nurse, complete: false);
        await nurse.GotoAsync(viewPath);
        (await AnswerTo(nurse, "What matters")).ShouldBe(textB);
        (await nurse.Locator("main").InnerTextAsync()).ShouldContain("Last saved by Priya Shah");
        await axe.ScanAsync(nurse, "draft conversation view");

        axe.ShouldHaveFoundNoViolations();
    }

    private static readonly string[] Sections =
        ["What matters to them", "Strengths and connections", "People in their life", "DIALOG ratings", "Money, housing, work and more", "Safety plan", "Goals", "Your summary"];

    private static Task<IReadOnlyList<string>> Statuses(IPage page) =>
        page.Locator(".nhsuk-task-list__status").AllInnerTextsAsync();

    private static async Task OpenSectionAsync(IPage page, string section)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await page.Locator("h1", new() { HasTextString = section }).WaitForAsync();
    }

    /// <summary>Answers "Have you completed this section?" and saves, back to the task list.</summary>
    private static async Task SaveSectionAsync(IPage page, bool complete)
    {
        await page.GetByLabel(complete ? "Yes, I've completed this section" : "No, I'll come back to it later").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.ShouldBeOnTaskListAsync();
    }

    /// <summary>For a person to look at: each page at the size it was shown.</summary>
    private async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots", "conversation");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");
    }

    private static async Task OpenReferralAsync(IPage page, string reference)
    {
        await page.GotoAsync("/staff/triage");
        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.Locator(".nhsuk-caption-l", new() { HasTextString = $"Referral {reference}" }).WaitForAsync();
    }

    private static async Task FillPersonAsync(IPage page, (string Name, string Relationship, string Quality, string Frequency) person, bool couldJoin)
    {
        await page.FillAsync("#Person_Name", person.Name);
        await page.FillAsync("#Person_Relationship", person.Relationship);
        await page.SelectOptionAsync("#Person_Quality", person.Quality);
        await page.SelectOptionAsync("#Person_Frequency", person.Frequency);
        await page.GetByRole(AriaRole.Group, new() { Name = "Could they join a network meeting?" }).GetByLabel(couldJoin ? "Yes" : "No", new() { Exact = true }).CheckAsync();
    }

    /// <summary>Chooses a DIALOG rating by its visible label within the question's group, as a person would.</summary>
    private static Task RateAsync(IPage page, string question, int rating) => RatingOption(page, question, rating).CheckAsync();

    private static ILocator RatingOption(IPage page, string question, int rating) =>
        page.GetByRole(AriaRole.Group, new() { Name = question, Exact = true })
            .GetByRole(AriaRole.Radio, new() { Name = rating.ToString(), Exact = rating is > 1 and < 7 });

    /// <summary>The cells of one row in a change table, found by its caption and row heading.</summary>
    private static Task<IReadOnlyList<string>> ChangeRow(IPage page, string caption, string rowHeading) =>
        page.Locator("table", new() { Has = page.Locator($"caption:text-is('{caption}')") })
            .Locator("tr", new() { Has = page.Locator($"th:text-is('{rowHeading}')") })
            .Locator("th, td")
            .AllInnerTextsAsync();

    private static Task<string> AnswerTo(IPage page, string key) =>
        page.Locator("main .nhsuk-summary-list__row", new() { Has = page.Locator($"dt:text-is('{key}')") })
            .First.Locator("dd").InnerTextAsync();

    /// <summary>An invented person refers themselves through the public form; returns the reference.</summary>
    private async Task<string> SendSelfReferralAsync(string name)
    {
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
return await PublicForm.SendSelfReferralAsync(page, "Phone call", "07700 900 764", safeToLeaveMessage: true, name: name);
    }
}

/// <summary>Where the conversation pages live.</summary>
internal static class ConversationPages
{
    private static readonly Regex TaskList = new("/staff/conversations/[0-9a-f-]{36}/edit([?#].*)?$", RegexOptions.IgnoreCase);
    private static readonly Regex ViewPage = new("/staff/conversations/[0-9a-f-]{36}([?#].*)?$", RegexOptions.IgnoreCase);

    public static Task ShouldBeOnTaskListAsync(this IPage page) => page.WaitForAddressAsync(TaskList);

    public static Task ShouldBeOnViewPageAsync(this IPage page) => page.WaitForAddressAsync(ViewPage);
}
