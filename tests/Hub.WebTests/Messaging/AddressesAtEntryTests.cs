using System.Net;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Messaging;

/// <summary>
/// Addresses the mail library would read as something else (a quote, a comment bracket, a display
/// name in front of another mailbox) are refused where they are typed, with a clear message, on the
/// public form and on the new-link page; nothing is stored or queued for them.
/// </summary>
public sealed class AddressesAtEntryTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    public static readonly TheoryData<string> Unsendable = new() { "q\"uote@example.test", "pa(ren@example.test", "x<attacker@evil.example>", "Name <someone@example.test>" };

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableTheory]
    [MemberData(nameof(Unsendable))]
    public async Task Should_refuse_the_address_on_the_public_form_and_store_nothing(string address)
    {
        var before = await Factory.CountReferralsAsync();

        var response = await Factory.NewClient().ReviewAsync(Answers(("ContactMethod", "Email"), ("Email", address)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.ErrorSummary().ShouldBe(["Enter an email address in the correct format, like name@example.com"]);
        (await Factory.CountReferralsAsync()).ShouldBe(before);
    }

    [SkippableTheory]
    [MemberData(nameof(Unsendable))]
    public async Task Should_refuse_the_address_on_the_new_link_page_and_queue_nothing(string address)
    {
        var client = Factory.NewClient();
        var before = await Factory.WithDbAsync(db => db.PlanLinkRequests.CountAsync());

        var response = await client.SubmitAsync(await client.GetDocumentAsync("/my/new-link"), "form", new Dictionary<string, string> { ["EmailOrMobile"] = address });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.ErrorSummary().ShouldBe(["Enter an email address, like name@example.com, or a mobile number, like 07700 900 982"]);
        (await Factory.WithDbAsync(db => db.PlanLinkRequests.CountAsync())).ShouldBe(before);
    }

    [SkippableFact]
    public async Task Should_answer_a_known_and_an_unknown_address_with_the_same_page()
    {
        var client = Factory.NewClient();
        var before = await Factory.WithDbAsync(db => db.PlanLinkRequests.CountAsync());
        var pages = new List<string>();
        foreach (var address in new[] { "known.person.601@example.org", "nobody.602@example.org" })
        {
            var response = await client.SubmitAsync(await client.GetDocumentAsync("/my/new-link"), "form", new Dictionary<string, string> { ["EmailOrMobile"] = address });
            pages.Add((await response.ReadDocumentAsync()).QuerySelector("main")!.TextContent);
        }

        pages.Distinct().ShouldHaveSingleItem().ShouldContain("Check your messages");
        (await Factory.WithDbAsync(db => db.PlanLinkRequests.CountAsync())).ShouldBe(before + 2, "both are queued");
    }

    public void Dispose() => _factory?.Dispose();
}
