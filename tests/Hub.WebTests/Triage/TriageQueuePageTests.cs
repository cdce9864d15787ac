using System.Net;
using AngleSharp.Dom;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Triage;

/// <summary>The triage queue page: its GET form of search and filters, refusals of what it cannot read, and picking up from the record.</summary>
public sealed class TriageQueuePageTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    private const string QueueForm = "form.hub-queue-filters";

    /// <summary>The queue as the GET form sends it: every field of the form as shown, with some changed.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> FilterAsync(HttpClient client, params (string Name, string Value)[] changes)
    {
        var page = await client.GetDocumentAsync("/staff/triage");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(QueueForm).ShouldNotBeNull();
        form.Method.ShouldBe("get", StringCompareShould.IgnoreCase);
        var fields = form.Fields().Where(f => f.Sent).ToDictionary(f => f.Name, f => f.Value);
        foreach (var (name, value) in changes)
        {
            fields.ContainsKey(name).ShouldBeTrue($"the form has a field '{name}'");
            fields[name] = value;
        }
        return await client.GetDocumentAsync("/staff/triage" + Microsoft.AspNetCore.Http.QueryString.Create(fields!).ToUriComponent());
    }

    private static IReadOnlyList<string> References(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table.hub-queue tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    [SkippableFact]
    public async Task Should_find_a_referral_by_its_reference_pick_it_up_and_show_the_team_who_has_it()
    {
        var id = await Factory.NewReferralAsync();
        var reference = await Factory.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var teamLeader = await Factory.SignedInAsync(TeamLeader);

        var found = await FilterAsync(practitioner, ("q", reference.ToLowerInvariant()));
        References(found).ShouldBe([reference]);
        found.QuerySelector("table.hub-queue")!.TextContent.ShouldContain("Nobody yet");

        var record = await practitioner.GetDocumentAsync($"/staff/triage/referrals/{id}");
        var picked = await practitioner.SubmitAsync(record, $"form[action$='handler=pickup']");
        picked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await practitioner.GetDocumentAsync(picked.Headers.Location!.OriginalString);
        after.Text("#picked-up").ShouldStartWith("You picked this up");

        var seenByLeader = await FilterAsync(teamLeader, ("q", reference), ("picked", "any"));
        var row = seenByLeader.QuerySelector("table.hub-queue tbody tr")!.TextContent;
        row.ShouldNotContain("Nobody yet");
        row.ShouldContain("since");
        var mine = await FilterAsync(practitioner, ("picked", "me"));
        References(mine).ShouldContain(reference);
        (await FilterAsync(practitioner, ("picked", "nobody"), ("q", reference))).QuerySelectorAll("table.hub-queue tbody tr").Length.ShouldBe(0);

        // The team leader releases it for them (someone off sick); it is nobody's again.
        var leaderRecord = await teamLeader.GetDocumentAsync($"/staff/triage/referrals/{id}");
        (await teamLeader.SubmitAsync(leaderRecord, "form[action$='handler=release']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FilterAsync(practitioner, ("picked", "nobody"), ("q", reference))).QuerySelectorAll("table.hub-queue tbody tr").Length.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_tell_the_second_of_two_people_picking_up_at_once_who_got_there_first()
    {
        var id = await Factory.NewReferralAsync();
        var first = await Factory.SignedInAsync(Practitioner);
        var second = await Factory.SignedInAsync(Nurse);
        var pages = await Task.WhenAll(first.GetDocumentAsync($"/staff/triage/referrals/{id}"), second.GetDocumentAsync($"/staff/triage/referrals/{id}"));

        var sent = await Task.WhenAll(first.SubmitAsync(pages[0], "form[action$='handler=pickup']"), second.SubmitAsync(pages[1], "form[action$='handler=pickup']"));
        sent.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        var shown = await Task.WhenAll(first.GetDocumentAsync(sent[0].Headers.Location!.OriginalString), second.GetDocumentAsync(sent[1].Headers.Location!.OriginalString));

        (await Factory.WithDbAsync(db => db.TriagePickUps.CountAsync(p => p.ReferralId == id))).ShouldBe(1);
        var notices = shown.Select(p => p.QuerySelector(".nhsuk-inset-text")!.TextContent).ToList();
        notices.Count(n => n.Contains("You have picked this up", StringComparison.Ordinal)).ShouldBe(1);
        notices.Count(n => n.Contains("picked this up first", StringComparison.Ordinal)).ShouldBe(1);
        shown.Count(p => p.Text("#picked-up").StartsWith("You picked this up", StringComparison.Ordinal)).ShouldBe(1);
    }

    [SkippableTheory]
    [InlineData("status=bogus", "Select which referrals to show")]
    [InlineData("status=closed", "Only team leaders")]
    [InlineData("waited=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Select how long")]
    [InlineData("source=99", "Select who made the referral")]
    [InlineData("source=Self%00", "Select who made the referral")]
    [InlineData("picked=someone", "Select who picked the referrals up")]
    [InlineData("order=sideways", "Select an order")]
    [InlineData("after=12~%3Cb%3E", "page link was not complete")]
    [InlineData("after=99999999999999999999~K7MR-4TXH", "page link was not complete")]
    [InlineData("before=638000000000000000~%3Cb%3E", "page link was not complete")]
    [InlineData("after=638000000000000000~00000000000000000000000000000001&before=638000000000000000~00000000000000000000000000000001", "page link was not complete")]
    [InlineData("q=0770", "whole phone number")]
    [InlineData("q=someone%40", "whole email address")]
    [InlineData("q=%E2%80%AEevil", "")]
    [InlineData("q=x", "at least 2 letters")]
    [InlineData("neighbourhood=%01%02", "")]
    public async Task Should_answer_a_filter_it_cannot_use_with_a_clear_message_and_never_an_error_page(string query, string message)
    {
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var response = await practitioner.GetAsync("/staff/triage?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert", Case.Insensitive);
        var page = await response.ReadDocumentAsync();
        var errors = page.ErrorSummary();
        errors.ShouldNotBeEmpty();
        if (message.Length > 0)
        {
            errors.ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
        }
        page.QuerySelector("table.hub-queue").ShouldBeNull();
    }

    [SkippableFact]
    public async Task Should_link_to_the_page_before_with_the_same_filters_and_show_it_again_from_there()
    {
        var teamLeader = await Factory.SignedInAsync(TeamLeader);
        // A position before every referral there is: the page after it is the whole (short) queue, with a page before it.
        var after = Hub.Application.Common.Paging.Keyset.Token(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), Guid.Empty);

        var page = await teamLeader.GetDocumentAsync($"/staff/triage?status=all&order=oldest&source=Self&after={after}");

        page.ErrorSummary().ShouldBeEmpty();
        var references = page.QuerySelectorAll("table.hub-queue a[href^='/staff/triage/referrals/']").Select(a => a.TextContent).ToList();
        references.ShouldNotBeEmpty();
        page.QuerySelector("a.nhsuk-pagination__link--next").ShouldBeNull("nothing follows the last referral");
        var previous = page.QuerySelector("nav.nhsuk-pagination[aria-label='Pages of the triage queue'] a.nhsuk-pagination__link--prev")
            .ShouldNotBeNull("a page came after a position, so the page before it is linked").GetAttribute("href")!;
        previous.ShouldStartWith("/staff/triage?");
        foreach (var kept in new[] { "status=all", "order=oldest", "source=Self", "before=" })
        {
            previous.ShouldContain(kept, customMessage: "the filters travel with the page link");
        }
        previous.ShouldNotContain("after=");

        var first = await teamLeader.GetDocumentAsync("/staff/triage?status=all&order=oldest&source=Self");
        var next = await teamLeader.GetAsync(previous);
        next.StatusCode.ShouldBe(HttpStatusCode.OK, "the link reads");
        (await next.ReadDocumentAsync()).ErrorSummary().ShouldBeEmpty();
        first.QuerySelectorAll("table.hub-queue a[href^='/staff/triage/referrals/']").Select(a => a.TextContent).ShouldBe(references,
            "the first page, unpositioned, is the same referrals in the same order");
    }

    [SkippableFact]
    public async Task Should_search_for_markup_as_plain_words_and_show_it_encoded()
    {
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var response = await practitioner.GetAsync("/staff/triage?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert", Case.Insensitive);
        html.ShouldContain("No referrals match");
    }

    [SkippableFact]
    public async Task Should_refuse_a_search_of_a_hundred_thousand_characters_without_an_error_page()
    {
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var response = await practitioner.GetAsync("/staff/triage?q=" + new string('a', 100_000));
        ((int)response.StatusCode).ShouldBeLessThan(500);
    }

    [SkippableFact]
    public async Task Should_show_the_filters_chosen_in_the_form_and_the_matching_referrals()
    {
        var id = await Factory.NewReferralAsync();
        var reference = await Factory.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        var leader = await Factory.SignedInAsync(TeamLeader);

        var page = await leader.GetDocumentAsync("/staff/triage?status=all&order=newest&source=Self&q=robin");
        page.ErrorSummary().ShouldBeEmpty();
        References(page).ShouldContain(reference);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name=status]")!.Value.ShouldBe("all");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name=order]")!.Value.ShouldBe("newest");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name=source]")!.Value.ShouldBe("Self");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=q]")!.Value.ShouldBe("robin");
        References(await leader.GetDocumentAsync("/staff/triage?source=GeneralPractice&q=" + reference)).ShouldBeEmpty();
    }

    public void Dispose() => _factory?.Dispose();
}
