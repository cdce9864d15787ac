using System.Net;
using System.Text.Json;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.Conversations.ConversationSteps;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.PersonalData;

/// <summary>
/// A team leader answers a subject access request and restricts processing from the person's
/// record, through the real pages: the downloads are files with nothing cached, the restriction
/// shows on the record and turns a change into a clear "cannot be changed" page with nothing saved.
/// </summary>
public sealed class PersonalDataPageTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    private static string PageUrl(Guid referralId) => $"/staff/personal-data/{referralId}";

    [SkippableFact]
    public async Task Should_download_everything_held_as_a_page_and_as_json_from_the_record()
    {
        var referralId = await Factory.NewReferralAsync();
        var teamLeader = await Factory.SignedInAsync(TeamLeader);
        var record = await teamLeader.GetDocumentAsync($"/staff/triage/referrals/{referralId}");
        var link = record.QuerySelector("#personal-data + p a")!.GetAttribute("href");
        link.ShouldBe(PageUrl(referralId));

        var page = await teamLeader.GetDocumentAsync(link!);
        page.Text("h1").ShouldBe("Personal data");
        var htmlHref = page.QuerySelector("a[href$='format=html']")!.GetAttribute("href")!;
        var jsonHref = page.QuerySelector("a[href$='format=json']")!.GetAttribute("href")!;

        var html = await teamLeader.GetAsync(htmlHref);
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        html.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var text = await html.Content.ReadAsStringAsync();
        text.ShouldContain("Everything Living Well Hub holds about you");
        text.ShouldContain("I have not been sleeping and would like to talk.");

        var json = await teamLeader.GetAsync(jsonHref);
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var document = JsonDocument.Parse(await json.Content.ReadAsStreamAsync());
        document.RootElement.GetProperty("referrals").GetArrayLength().ShouldBe(1);
        document.RootElement.GetProperty("referrals")[0].GetProperty("whatIsHappening").GetString().ShouldBe("I have not been sleeping and would like to talk.");

        (await teamLeader.GetAsync(PageUrl(referralId) + "?handler=export&format=xml")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Should_restrict_processing_with_a_reason_refuse_changes_with_a_clear_page_and_lift_it()
    {
        var referralId = await Factory.NewReferralAsync();
        var teamLeader = await Factory.SignedInAsync(TeamLeader);
        var page = await teamLeader.GetDocumentAsync(PageUrl(referralId));

        var blank = await teamLeader.SubmitAsync(page, "form[action*='handler=restrict']", [new("Reason", "   ")]);
        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await blank.ReadDocumentAsync()).ErrorSummary().ShouldBe(["Say why processing is restricted, for example what the person contests"]);

        var restricted = await teamLeader.SubmitAsync(page, "form[action*='handler=restrict']", [new("Reason", "Contests the <b>note</b>")]);
        restricted.IsRedirect().ShouldBeTrue();
        var after = await teamLeader.GetDocumentAsync(PageUrl(referralId));
        after.QuerySelector(".nhsuk-warning-callout")!.TextContent.ShouldContain("Contests the <b>note</b>", Case.Sensitive, "the reason is shown as typed, as text");
        var record = await teamLeader.GetDocumentAsync($"/staff/triage/referrals/{referralId}");
        record.QuerySelector(".nhsuk-warning-callout")!.TextContent.ShouldContain("Processing is restricted");

        var contactsBefore = await ContactsAsync(referralId);
        var refused = await teamLeader.SubmitAsync(record, "form[action*='handler=contact']",
            [new("Contact.Medium", "Phone"), new("Contact.Place", "Remote"), new("Contact.Attended", "yes"), new("Contact.DurationMinutes", "20")]);
        refused.StatusCode.ShouldBe((HttpStatusCode)423);
        var locked = await refused.ReadDocumentAsync();
        locked.Text("h1").ShouldBe("This record cannot be changed");
        (await ContactsAsync(referralId)).ShouldBe(contactsBefore);

        var lifted = await teamLeader.SubmitAsync(after, "form[action*='handler=lift']", []);
        lifted.IsRedirect().ShouldBeTrue();
        (await teamLeader.GetDocumentAsync(PageUrl(referralId))).QuerySelector("form[action*='handler=restrict']").ShouldNotBeNull();
    }

    [SkippableTheory]
    [InlineData(Practitioner)]
    [InlineData(Commissioner)]
    public async Task Should_keep_the_personal_data_page_to_team_leaders(string email)
    {
        var referralId = await Factory.NewReferralAsync();
        var client = await Factory.SignedInAsync(email);

        foreach (var url in new[] { PageUrl(referralId), PageUrl(referralId) + "?handler=export&format=json" })
        {
            var response = await client.GetAsync(url);
            response.IsRedirect().ShouldBeTrue();
            response.PathOf().ShouldBe("/staff/account/access-denied", StringCompareShould.IgnoreCase);
        }
    }

    private Task<int> ContactsAsync(Guid referralId) => Factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ReferralId == referralId));

    public void Dispose() => _factory?.Dispose();
}
