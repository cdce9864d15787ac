using System.Text.RegularExpressions;
using Hub.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Conversations;

/// <summary>
/// A practitioner holds a strengths-based conversation in a real browser against the real hub:
/// without JavaScript from start to review and a new version, with JavaScript from a draft saved by
/// itself to a completed conversation, and two members of staff saving the same draft. Every page
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
    public async Task Should_show_the_ecomap_scores_reliable_change_and_versions_when_a_practitioner_holds_a_conversation_and_a_review_without_javascript()
    {
        var reference = await SendSelfReferralAsync("Morgan");

        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await SignInAsync(page, PractitionerEmail);

        await OpenReferralAsync(page, reference);
        await axe.ScanAsync(page, "referral record");

        // Start the conversation: an empty draft.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the conversation" }).ClickAsync();
        await page.ShouldBeOnEditPageAsync();
        var editUrl = page.Url;
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Strengths-based conversation, draft");
        (await page.InputValueAsync("#Form_WhatMatters")).ShouldBeEmpty();
        await axe.ScanAsync(page, "conversation edit page, empty");
        await page.ShouldNotScrollSidewaysAsync("conversation edit page at 1280px");
        await page.SetViewportSizeAsync(360, 740);
        await page.ShouldNotScrollSidewaysAsync("conversation edit page at 360px");
        await page.SetViewportSizeAsync(1280, 720);

        // What matters, strengths and three people; then ask for more rows (saves the draft).
        await page.FillAsync("#Form_WhatMatters", WhatMatters);
        await page.FillAsync("#Form_Strengths", Strengths);
        for (var i = 0; i < Network.Length; i++)
        {
            await FillPersonAsync(page, i, Network[i]);
        }
        await page.CheckAsync("#Form_Network_0__CouldJoin"); // "Yes" is the first option
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and add more people" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "There are more rows for people below" }).WaitForAsync();
        (await page.Locator("fieldset.hub-network-row").CountAsync()).ShouldBe(Network.Length + 3);
        (await page.InputValueAsync("#Form_Network_2__Name")).ShouldBe(Network[2].Name);
        (await page.InputValueAsync("#Form_Network_3__Name")).ShouldBeEmpty();
        (await page.InputValueAsync("#Form_WhatMatters")).ShouldBe(WhatMatters);
        await axe.ScanAsync(page, "conversation edit page after adding people");

        // Two DIALOG ratings, one wider need, a safety plan line and two goals with baselines.
        foreach (var (question, first, _) in Ratings)
        {
            await RateAsync(page, question, first);
        }
        var money = page.GetByRole(AriaRole.Group, new() { Name = "Money, debt and benefits" });
        await money.GetByLabel("In their words").FillAsync("The bills pile up and I stop opening the post.");
        await money.GetByLabel("What would help").FillAsync("Help to sort out the council tax letters.");
        await page.FillAsync("#Form_SafetyPlan_WhatHelps", "Ringing my sister and going out for a walk.");
        await page.FillAsync("#Form_Goals_0__Text", Goals[0].Text);
        await page.SelectOptionAsync("#Form_Goals_0__Rating", Goals[0].First.ToString());
        // The second goal is rated but not yet written: completing shows what to fix.
        await page.SelectOptionAsync("#Form_Goals_1__Rating", Goals[1].First.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete conversation" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync())
            .ShouldBe(["Write the goal in the person's words before rating it"]);
        (await page.Locator(".nhsuk-error-summary a").GetAttributeAsync("href")).ShouldBe("#Form_Goals_1__Text");
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        // Nothing typed is lost.
        (await page.InputValueAsync("#Form_Goals_1__Rating")).ShouldBe(Goals[1].First.ToString());
        (await page.InputValueAsync("#Form_Network_1__Quality")).ShouldBe(Network[1].Quality);
        (await RatingOption(page, Ratings[0].Question, Ratings[0].First).IsCheckedAsync()).ShouldBeTrue();
        await axe.ScanAsync(page, "conversation edit page with an error");

        await page.FillAsync("#Form_Goals_1__Text", Goals[1].Text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete conversation" }).ClickAsync();
        await page.ShouldBeOnViewPageAsync();
        var firstViewUrl = page.Url;
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Conversation complete." }).WaitForAsync();
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Strengths-based conversation, version 1");

        // The ecomap: an image with a title, one line per person, and the same facts in a table.
        var ecomap = page.Locator("svg.hub-ecomap[role='img']");
        (await ecomap.CountAsync()).ShouldBe(1);
        (await ecomap.Locator("title").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        (await ecomap.GetAttributeAsync("aria-labelledby"))!.Split(' ').ShouldContain(await ecomap.Locator("title").GetAttributeAsync("id"));
        (await ecomap.Locator("line").CountAsync()).ShouldBe(Network.Length);
        (await ecomap.Locator("line[stroke-dasharray]").CountAsync()).ShouldBe(2, "mixed and strained lines are dashed or dotted");
        var peopleTable = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "People in their life" }) });
        (await peopleTable.Locator("tbody tr").CountAsync()).ShouldBe(Network.Length);
        for (var i = 0; i < Network.Length; i++)
        {
            (await peopleTable.Locator("tbody tr").Nth(i).Locator("td").AllInnerTextsAsync())
                .ShouldBe([Network[i].Name, Network[i].Relationship, Network[i].Quality, Network[i].Frequency, i == 0 ? "Yes" : "No"]);
        }
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Quality of life: 3 out of 7. Treatment satisfaction: not enough answers.");
        (await page.Locator("h2:text-is('Goals') + ol > li").AllInnerTextsAsync())
            .ShouldBe([$"{Goals[0].Text}: {Goals[0].First} out of 10", $"{Goals[1].Text}: {Goals[1].First} out of 10"]);
        await SaveScreenshotsAsync(page, ecomap);
        await axe.ScanAsync(page, "conversation view");

        // A review repeats the measures: the goals come back unrated.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a review" }).ClickAsync();
        await page.ShouldBeOnEditPageAsync();
        page.Url.ShouldNotBe(editUrl);
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Review, draft");
        (await page.InputValueAsync("#Form_Goals_0__Text")).ShouldBe(Goals[0].Text);
        (await page.InputValueAsync("#Form_Goals_0__Rating")).ShouldBeEmpty();
        await axe.ScanAsync(page, "review edit page");

        foreach (var (question, _, review) in Ratings)
        {
            await RateAsync(page, question, review);
        }
        await page.SelectOptionAsync("#Form_Goals_0__Rating", Goals[0].Review.ToString());
        await page.SelectOptionAsync("#Form_Goals_1__Rating", Goals[1].Review.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete conversation" }).ClickAsync();
        await page.ShouldBeOnViewPageAsync();
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Review, version 1");
        (await ChangeRow(page, "DIALOG", "Quality of life (mean)")).ShouldBe(["Quality of life (mean)", "3", "5", "Reliably improved"]);
        // Each goal's row is headed by its words.
        (await ChangeRow(page, "Goal-Based Outcomes", Goals[0].Text)).ShouldBe([Goals[0].Text, "2", "6", "Reliably improved"]);
        (await ChangeRow(page, "Goal-Based Outcomes", Goals[1].Text)).ShouldBe([Goals[1].Text, "5", "5", "No reliable change"]);
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Quality of life: 5 out of 7.");
        await axe.ScanAsync(page, "review view");

        // A change to the completed first conversation makes version 2 and keeps version 1 as it was.
        await page.GotoAsync(firstViewUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change (makes a new version)" }).ClickAsync();
        await page.ShouldBeOnEditPageAsync();
        (await page.InputValueAsync("#Form_WhatMatters")).ShouldBe(WhatMatters);
        await page.FillAsync("#Form_WhatMatters", WhatMattersRevised);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 2" }).ClickAsync();
        await page.ShouldBeOnViewPageAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Saved as version 2." }).WaitForAsync();
        (await AnswerTo(page, "What matters")).ShouldBe(WhatMattersRevised);
        var versions = page.Locator("h2:text-is('Versions') + ul > li > a");
        (await versions.AllInnerTextsAsync()).ShouldBe(["Version 2", "Version 1"]);

        await versions.Filter(new() { HasTextString = "Version 1" }).ClickAsync();
        await page.ShouldBeOnAsync(new Uri(firstViewUrl).AbsolutePath + "/versions/1");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Version 1 of 2");
        (await AnswerTo(page, "What matters")).ShouldBe(WhatMatters);
        (await AnswerTo(page, "Strengths")).ShouldBe(Strengths);
        await axe.ScanAsync(page, "version 1 of the conversation");

        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_save_the_draft_by_itself_resume_it_after_a_reload_and_complete_a_whole_conversation_when_javascript_is_on()
    {
        var reference = await SendSelfReferralAsync("Robin");

        await using var axe = new AxeAudit(hub, output);
        await using var context = await hub.NewContextAsync();
        var page = await context.NewPageAsync();
        // The page's clock is Playwright's, so the 20-second autosave timer can be moved on instead of waited for.
        await page.Clock.InstallAsync();
        await SignInAsync(page, PractitionerEmail);
        await OpenReferralAsync(page, reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the conversation" }).ClickAsync();
        await page.ShouldBeOnEditPageAsync();
        var editUrl = page.Url;

        const string words = "Feeling less alone when the choir meets on Thursdays.";
        await page.Locator("#Form_WhatMatters").PressSequentiallyAsync(words);
        var status = page.Locator("#autosave-status");
        (await status.InnerTextAsync()).ShouldBeEmpty();
        await page.Clock.RunForAsync(21_000);
        await status.Filter(new() { HasTextRegex = AutosavedStatus }).WaitForAsync();
        (await status.GetAttributeAsync("role")).ShouldBe("status");
        await axe.ScanAsync(page, "conversation edit page with javascript, after autosave");

        // Nothing was sent by a button: the draft comes back from the server.
        await page.GotoAsync(editUrl);
        (await page.InputValueAsync("#Form_WhatMatters")).ShouldBe(words);
        (await page.Locator("#autosave-status").InnerTextAsync()).ShouldBeEmpty();

        // The rest of a whole conversation, with the page's scripts running.
        await page.FillAsync("#Form_Strengths", JsStrengths);
        for (var i = 0; i < JsNetwork.Length; i++)
        {
            await FillPersonAsync(page, i, JsNetwork[i]);
        }
        foreach (var (question, rating) in JsRatings)
        {
            await RateAsync(page, question, rating);
        }
        var housing = page.GetByRole(AriaRole.Group, new() { Name = "Housing", Exact = true });
        await housing.GetByLabel("In their words").FillAsync(JsNeed.InTheirWords);
        await housing.GetByLabel("What would help").FillAsync(JsNeed.WhatWouldHelp);
        await page.FillAsync("#Form_SafetyPlan_WarningSigns", JsWarningSigns);
        for (var i = 0; i < JsGoals.Length; i++)
        {
            await page.FillAsync($"#Form_Goals_{i}__Text", JsGoals[i].Text);
            await page.SelectOptionAsync($"#Form_Goals_{i}__Rating", JsGoals[i].Baseline.ToString());
        }
        await page.FillAsync("#Form_PractitionerSummary", JsSummary);
        await axe.ScanAsync(page, "conversation edit page with javascript, filled in");

        // Let the timer save the whole form now, so no background save can be under way (and change
        // the draft's token) while the button sends the form.
        await page.Clock.RunForAsync(21_000);
        await status.Filter(new() { HasTextRegex = AutosavedStatus }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete conversation" }).ClickAsync();
        await page.ShouldBeOnViewPageAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Conversation complete." }).WaitForAsync();
        (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).ShouldBe("Strengths-based conversation, version 1");
        // What was saved by itself and what was sent with the button are both kept.
        (await AnswerTo(page, "What matters")).ShouldBe(words);
        (await AnswerTo(page, "Strengths")).ShouldBe(JsStrengths);

        var ecomap = page.Locator("svg.hub-ecomap[role='img']");
        (await ecomap.CountAsync()).ShouldBe(1);
        (await ecomap.Locator("line").CountAsync()).ShouldBe(JsNetwork.Length);
        var peopleTable = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "People in their life" }) });
        (await peopleTable.Locator("tbody tr td:first-child").AllInnerTextsAsync()).ShouldBe(JsNetwork.Select(p => p.Name).ToArray());

        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("Quality of life: 4 out of 7. Treatment satisfaction: 5.5 out of 7.");
        main.ShouldContain("baseline measure recorded");
        (await page.Locator("h2:text-is('Goals') + ol > li").AllInnerTextsAsync())
            .ShouldBe(JsGoals.Select(g => $"{g.Text}: {g.Baseline} out of 10").ToArray());
        (await AnswerTo(page, "Housing")).ShouldSatisfyAllConditions(
            need => need.ShouldContain(JsNeed.InTheirWords),
            need => need.ShouldContain(JsNeed.WhatWouldHelp));
        (await AnswerTo(page, "Signs things are getting hard")).ShouldBe(JsWarningSigns);
        (await page.Locator("h2:text-is(\"Practitioner's summary\") + p").InnerTextAsync()).ShouldBe(JsSummary);
        await axe.ScanAsync(page, "conversation view with javascript");

        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_keep_both_versions_when_two_members_of_staff_save_the_same_draft_without_javascript()
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
        await practitioner.ShouldBeOnEditPageAsync();
        var editUrl = practitioner.Url;
        var viewPath = new Uri(editUrl).AbsolutePath[..^"/edit".Length];

        await SignInAsync(nurse, NurseEmail);
        await nurse.GotoAsync(editUrl);
        await nurse.ShouldBeOnEditPageAsync();

        // The practitioner saves first.
        await practitioner.FillAsync("#Form_WhatMatters", textA);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await practitioner.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Draft saved." }).WaitForAsync();

        // The nurse's page is now stale: the save shows both and loses nothing.
        await nurse.FillAsync("#Form_WhatMatters", textB);
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        var callout = nurse.Locator(".nhsuk-warning-callout");
        await callout.WaitForAsync();
        (await callout.Locator(".nhsuk-warning-callout__label").InnerTextAsync()).ShouldContain("Saved by Sam Okafor");
        (await callout.Locator(".nhsuk-summary-list__row", new() { Has = nurse.Locator("dt:text-is('What matters')") })
            .Locator("dd").InnerTextAsync()).ShouldBe(textA);
        (await nurse.InputValueAsync("#Form_WhatMatters")).ShouldBe(textB);
        await nurse.Locator(".nhsuk-error-summary").WaitForAsync();
        await nurse.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(nurse, "conversation edit page with a conflict");

        // Saving again is a deliberate choice, and keeps the nurse's words.
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await nurse.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Draft saved." }).WaitForAsync();
        (await nurse.Locator(".nhsuk-warning-callout").CountAsync()).ShouldBe(0);
        await nurse.GotoAsync(viewPath);
        (await AnswerTo(nurse, "What matters")).ShouldBe(textB);
        (await nurse.Locator("main").InnerTextAsync()).ShouldContain("Last saved by Priya Shah");
        await axe.ScanAsync(nurse, "draft conversation view");

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

    private static async Task OpenReferralAsync(IPage page, string reference)
    {
        await page.GotoAsync("/staff/triage");
        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.Locator(".nhsuk-caption-l", new() { HasTextString = $"Referral {reference}" }).WaitForAsync();
    }

    private static async Task FillPersonAsync(IPage page, int index, (string Name, string Relationship, string Quality, string Frequency) person)
    {
        await page.FillAsync($"#Form_Network_{index}__Name", person.Name);
        await page.FillAsync($"#Form_Network_{index}__Relationship", person.Relationship);
        await page.SelectOptionAsync($"#Form_Network_{index}__Quality", person.Quality);
        await page.SelectOptionAsync($"#Form_Network_{index}__Frequency", person.Frequency);
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

    /// <summary>For a person to look at: the whole view page and the ecomap on its own.</summary>
    private async Task SaveScreenshotsAsync(IPage page, ILocator ecomap)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var whole = Path.Combine(folder, "conversation-view.png");
        await page.ScreenshotAsync(new() { Path = whole, FullPage = true });
        await ecomap.ScreenshotAsync(new() { Path = Path.Combine(folder, "conversation-ecomap.png") });
        output.WriteLine($"screenshot: {whole}");
    }

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
    private static readonly Regex EditPage = new("/staff/conversations/[0-9a-f-]{36}/edit([?#].*)?$", RegexOptions.IgnoreCase);
    private static readonly Regex ViewPage = new("/staff/conversations/[0-9a-f-]{36}([?#].*)?$", RegexOptions.IgnoreCase);

    public static Task ShouldBeOnEditPageAsync(this IPage page) => page.WaitForURLAsync(EditPage);

    public static Task ShouldBeOnViewPageAsync(this IPage page) => page.WaitForURLAsync(ViewPage);
}
