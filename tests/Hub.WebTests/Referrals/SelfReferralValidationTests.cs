using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Hub.Domain.People;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Referrals;

/// <summary>
/// The self-referral form through real HTML: what a person is told when an answer cannot be used,
/// that nothing they typed is lost, and that what they typed is stored exactly and shown only as text.
/// </summary>
public sealed class SelfReferralValidationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_ask_how_to_get_in_touch_and_store_nothing_when_the_form_is_sent_empty()
    {
        var before = await Factory.CountReferralsAsync();
        var client = Factory.NewClient();

        var response = await client.ReviewAsync([]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.Text("h1").ShouldBe(FormPageHeading);
        page.ErrorSummary().ShouldBe(["Select how you would like us to get in touch"]);
        page.QuerySelector(".nhsuk-error-summary__list a")!.GetAttribute("href").ShouldBe("#Answers_ContactMethod");
        page.QuerySelector("#Answers_ContactMethod").ShouldNotBeNull("the summary link must land on the first radio");
        page.Title!.ShouldStartWith("Error: ");
        (await Factory.CountReferralsAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task Should_ask_for_a_phone_number_when_the_person_wants_a_call_but_gives_no_number()
    {
        var page = await RejectedAsync(Answers(("ContactMethod", "Phone"), ("SafeToLeaveMessage", "yes")));

        page.ErrorSummary().ShouldBe(["Enter a phone number, like 07700 900 982"]);
        ErrorLinks(page).ShouldBe(["#Answers_Phone"]);
        page.Text("#Answers_Phone-error").ShouldContain("Enter a phone number, like 07700 900 982");
    }

    [SkippableFact]
    public async Task Should_ask_for_an_email_address_in_the_right_format_and_keep_what_was_typed()
    {
        var page = await RejectedAsync(Answers(("ContactMethod", "Email"), ("Email", "kit.example.com")));

        page.ErrorSummary().ShouldBe(["Enter an email address in the correct format, like name@example.com"]);
        ErrorLinks(page).ShouldBe(["#Answers_Email"]);
        page.QuerySelector<IHtmlInputElement>("#Answers_Email")!.Value.ShouldBe("kit.example.com");
        page.QuerySelector<IHtmlInputElement>("#Answers_ContactMethod-3")!.IsChecked.ShouldBeTrue("the chosen contact method stays chosen");
    }

    [SkippableTheory]
    [InlineData("31", "2", "1980", "Date of birth must be a real date, like 31 3 1980. You can leave it blank")]
    [InlineData("12", "13", "1980", "Date of birth must be a real date, like 31 3 1980. You can leave it blank")]
    [InlineData("1", "1", "", "Date of birth must be a real date, like 31 3 1980. You can leave it blank")]
    [InlineData("first", "may", "80", "Date of birth must be a real date, like 31 3 1980. You can leave it blank")]
    [InlineData("1", "1", "2999", "Date of birth must be in the past. You can leave it blank")]
    public async Task Should_explain_a_date_of_birth_that_cannot_be_used_and_keep_what_was_typed(string day, string month, string year, string message)
    {
        var page = await RejectedAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("BirthDay", day), ("BirthMonth", month), ("BirthYear", year)));

        page.ErrorSummary().ShouldBe([message]);
        ErrorLinks(page).ShouldBe(["#Answers_BirthDay"]);
        page.QuerySelector<IHtmlInputElement>("#Answers_BirthDay")!.Value.ShouldBe(day);
        page.QuerySelector<IHtmlInputElement>("#Answers_BirthMonth")!.Value.ShouldBe(month);
        page.QuerySelector<IHtmlInputElement>("#Answers_BirthYear")!.Value.ShouldBe(year);
    }

    [SkippableFact]
    public async Task Should_say_what_has_been_happening_is_too_long_and_keep_every_character_that_was_typed()
    {
        var typed = LongText(4_001);

        var page = await RejectedAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("WhatIsHappening", typed)));

        page.ErrorSummary().ShouldBe(["What has been happening must be 4,000 characters or fewer"]);
        ErrorLinks(page).ShouldBe(["#Answers_WhatIsHappening"]);
        var textarea = page.QuerySelector<IHtmlTextAreaElement>("#Answers_WhatIsHappening")!;
        (textarea.Value == typed).ShouldBeTrue("the person's text must come back exactly, so nothing is lost");
    }

    [SkippableFact]
    public async Task Should_accept_what_has_been_happening_of_exactly_4000_characters()
    {
        var client = Factory.NewClient();

        var check = await client.CheckPageAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("WhatIsHappening", LongText(4_000))));

        check.Text("h1").ShouldBe(CheckPageHeading);
    }

    [SkippableFact]
    public async Task Should_refuse_text_with_a_hidden_direction_override_and_keep_it_in_the_box()
    {
        // U+202E makes "I paid 1000£ back" display reversed: staff would read something else than was stored.
        const string disguised = "I paid \u202Ekcab £0001\u202C yesterday";

        var namePage = await RejectedAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("PreferredName", "Kit\u202E")));
        var happeningPage = await RejectedAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("WhatIsHappening", disguised)));

        namePage.ErrorSummary().ShouldBe(["Your name must be on one line and must not contain hidden characters"]);
        ErrorLinks(namePage).ShouldBe(["#Answers_PreferredName"]);
        happeningPage.ErrorSummary().ShouldBe(["What has been happening contains hidden characters we cannot store. Try typing it again rather than pasting it"]);
        ErrorLinks(happeningPage).ShouldBe(["#Answers_WhatIsHappening"]);
        (happeningPage.QuerySelector<IHtmlTextAreaElement>("#Answers_WhatIsHappening")!.Value == disguised).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Should_store_emoji_arabic_and_welsh_text_exactly_as_typed()
    {
        const string name = "Si\u00E2n \U0001F33B";
        const string happening = "Rwy'n teimlo'n unig iawn ers y gaeaf: \u0175 \u0177 \u00E2 \u00EA \u00EE \u00F4 \u00FB \U0001F614\U0001F64F\U0001F3FD\n"
            + "\u0623\u0634\u0639\u0631 \u0628\u0627\u0644\u0642\u0644\u0642 \u0643\u0644 \u064A\u0648\u0645";
        const string language = "Cymraeg / \u0627\u0644\u0639\u0631\u0628\u064A\u0629";
        var client = Factory.NewClient();

        var check = await client.CheckPageAsync(Answers(
            ("ContactMethod", "TheyWillCallUs"), ("PreferredName", name), ("WhatIsHappening", happening), ("PreferredLanguage", language)));
        check.QuerySelectorAll(".nhsuk-summary-list__value").Select(v => v.TextContent.Trim()).ShouldContain(name);
        var reference = await client.ReferenceShownAfterAsync(await client.SendAsync(check));

        var (referral, person) = await StoredAsync(reference);
        (person.PreferredName == name).ShouldBeTrue("the name must be stored exactly");
        (referral.WhatIsHappening == happening).ShouldBeTrue("the person's words must be stored exactly");
        (person.Communication.PreferredLanguage == language).ShouldBeTrue("the language must be stored exactly");
    }

    [SkippableFact]
    public async Task Should_store_a_script_tag_in_the_name_as_text_and_show_it_only_encoded()
    {
        const string name = "<script>alert(1)</script>";
        var client = Factory.NewClient();

        var review = await client.ReviewAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("PreferredName", name)));
        review.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await review.Content.ReadAsStringAsync();
        var check = new HtmlParser().ParseDocument(html);

        check.Text("h1").ShouldBe(CheckPageHeading);
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        ScriptTagsNotFromThePage(html).ShouldBe(0, "no <script from the person's input may reach the page unencoded");
        check.QuerySelectorAll(".nhsuk-summary-list__value").Select(v => v.TextContent.Trim()).ShouldContain(name);

        var reference = await client.ReferenceShownAfterAsync(await client.SendAsync(check));
        var (referral, person) = await StoredAsync(reference);
        (person.PreferredName == name).ShouldBeTrue("the name is stored as the text typed, not cleaned or escaped");

        // Staff read it too: the record page must also show it as text.
        var staff = Factory.NewClient();
        (await staff.SignInAsync("practitioner@demo.livingwell.test", "LivingWell-demo-2026")).IsRedirect().ShouldBeTrue();
        var record = await staff.GetAsync($"/staff/triage/referrals/{referral.Id}");
        record.StatusCode.ShouldBe(HttpStatusCode.OK);
        var recordHtml = await record.Content.ReadAsStringAsync();
        recordHtml.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        ScriptTagsNotFromThePage(recordHtml).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_show_every_answer_kept_on_its_own_page_and_come_back_to_check_after_a_change()
    {
        var ethnicity = EthnicCategories.All[2].Code;
        var answers = Answers(
            ("ContactMethod", "Text"), ("Phone", "07700 900 555"), ("SafeToLeaveMessage", "no"), ("PreferredName", "Kit"),
            ("WhatIsHappening", "I can't sleep.\nWork is hard."), ("WhatWouldHelp", "Someone to talk to"),
            ("PreferredLanguage", "Polish"), ("InterpreterNeeded", "yes"), ("AccessNeeds", "Evenings only"),
            ("BirthDay", "3"), ("BirthMonth", "4"), ("BirthYear", "1990"), ("Postcode", "SE11 5QY"),
            ("EthnicCategory", ethnicity), ("Gender", "non-binary"), ("SexualOrientation", "bisexual"), ("Disability", "no"),
            ("ConsentToShare", "yes"));
        var before = await Factory.CountReferralsAsync();
        var client = Factory.NewClient();
        var check = await client.CheckPageAsync(answers);

        // Every "Change" link opens the page that asked it, with the answer kept.
        var changeLinks = check.QuerySelectorAll(".nhsuk-summary-list__actions a").Select(a => a.GetAttribute("href")!).ToList();
        changeLinks.ShouldAllBe(href => href.EndsWith("?change=true"));
        foreach (var (field, value) in answers)
        {
            var question = Hub.Web.Pages.Refer.SelfReferralQuestions.Asking(field["Answers.".Length..]);
            changeLinks.ShouldContain(question.Path + "?change=true", $"{field} has a change link");
            var page = await client.GetDocumentAsync(question.Path + "?change=true");
            page.QuerySelector("a.nhsuk-back-link")!.GetAttribute("href").ShouldBe("/refer/check", "back from a change goes to the check page");
            var name = field == "Answers.Phone" ? "TextPhone" : field;
            FieldValue(page, name).ShouldBe(value.Replace("\r\n", "\n"), $"{field} should be kept");
        }

        // Changing one answer goes straight back to the check page, with only that answer changed.
        var namePage = await client.GetDocumentAsync("/refer/name?change=true");
        var changed = await client.SubmitAsync(namePage, "form", Answers(("PreferredName", "Kit M")));
        changed.IsRedirect().ShouldBeTrue();
        changed.PathOf().ShouldBe("/refer/check");
        var checkAgain = await client.GetDocumentAsync("/refer/check");
        var was = check.QuerySelectorAll(".nhsuk-summary-list__value").Select(v => v.TextContent.Trim()).ToList();
        var now = checkAgain.QuerySelectorAll(".nhsuk-summary-list__value").Select(v => v.TextContent.Trim()).ToList();
        now.ShouldBe(was.Select(v => v == "Kit" ? "Kit M" : v).ToList());
        (await Factory.CountReferralsAsync()).ShouldBe(before, "answering and changing store nothing");
    }

    [SkippableFact]
    public async Task Should_need_no_other_answer_when_the_person_would_rather_call_us()
    {
        var client = Factory.NewClient();

        var check = await client.CheckPageAsync(Answers(("ContactMethod", "TheyWillCallUs")));
        var reference = await client.ReferenceShownAfterAsync(await client.SendAsync(check));

        var (referral, person) = await StoredAsync(reference);
        person.Contact.PreferredMethod.ShouldBe(ContactMethod.TheyWillCallUs);
        person.Contact.Phone.ShouldBeNull();
        person.PreferredName.ShouldBeNull();
        referral.WhatIsHappening.ShouldBe(string.Empty);
        referral.ConsentToShare.ShouldBeFalse("not answered means no until we ask");
    }

    /// <summary>
    /// 100 "family" emoji are 100 characters as a person counts them (the limit), but 700 code points:
    /// more than the 200 the name column holds. The answer must be stored whole or refused with a
    /// message; never a server error.
    /// </summary>
    [SkippableFact]
    public async Task Should_store_or_clearly_refuse_a_name_that_is_short_to_read_but_long_to_store()
    {
        var name = string.Concat(Enumerable.Repeat("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", 100));
        var before = await Factory.CountReferralsAsync();
        var client = Factory.NewClient();

        var review = await client.ReviewAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("PreferredName", name)));
        review.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await review.ReadDocumentAsync();
        if (page.Text("h1") != CheckPageHeading)
        {
            ErrorLinks(page).ShouldBe(["#Answers_PreferredName"]);
            return;
        }

        var sent = await client.SendAsync(page);

        ((int)sent.StatusCode).ShouldBeLessThan(500, "an answer the check page accepted must be storable");
        var reference = await client.ReferenceShownAfterAsync(sent);
        var (_, person) = await StoredAsync(reference);
        (person.PreferredName == name).ShouldBeTrue();
        (await Factory.CountReferralsAsync()).ShouldBe(before + 1);
    }

    private async Task<IHtmlDocument> RejectedAsync(Dictionary<string, string> answers)
    {
        var before = await Factory.CountReferralsAsync();
        var client = Factory.NewClient();
        var response = await client.ReviewAsync(answers);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.Text("h1").ShouldNotBe(CheckPageHeading, "a rejected answer brings its question page back");
        page.ErrorSummary().ShouldNotBeEmpty();
        (await Factory.CountReferralsAsync()).ShouldBe(before);
        return page;
    }

    private async Task<(Hub.Domain.Referrals.Referral Referral, Person Person)> StoredAsync(string reference) =>
        await Factory.WithDbAsync(async db =>
        {
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference);
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == referral.PersonId);
            return (referral, person);
        });

    private static List<string> ErrorLinks(IHtmlDocument page) =>
        page.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href") ?? string.Empty).ToList();

    /// <summary>Counts <c>&lt;script</c> in the raw HTML other than the hub's own script files.</summary>
    internal static int ScriptTagsNotFromThePage(string html) =>
        Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count
        - Regex.Matches(html, "<script (type=\"module\" )?src=\"/js/[a-z-]+\\.js\"></script>").Count;

    private static string FieldValue(IHtmlDocument form, string name)
    {
        var elements = form.QuerySelectorAll($"[name='{name}']").ToList();
        elements.ShouldNotBeEmpty($"{name} should be on the form");
        return elements[0] switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value ?? string.Empty,
            IHtmlInputElement { Type: "radio" } => elements.OfType<IHtmlInputElement>().SingleOrDefault(r => r.IsChecked)?.Value ?? string.Empty,
            IHtmlInputElement input => input.Value,
            _ => string.Empty,
        };
    }

    private static string LongText(int length)
    {
        var text = string.Concat(Enumerable.Repeat("I have not slept properly for weeks and I feel on edge. ", length / 50 + 1))[..(length - 1)];
        return text + ".";
    }

    public void Dispose() => _factory?.Dispose();
}
