using Hub.Domain.CommunityOffers;
using Hub.TestSupport;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.CareTeams;

/// <summary>The offers directory searched by words in an offer's name, organisation or description (its own database: the counts are exact).</summary>
public sealed class OfferSearchTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_search_offers_by_words_in_their_name_and_keep_the_search_in_the_page_links()
    {
        await Factory.WithDbAsync(async db =>
        {
            db.CommunityOffers.AddRange(Enumerable.Range(1, 30).Select(i => new CommunityOffer($"Yy searchable walk {i:00}", "Searching trust", DateTimeOffset.UtcNow, "The borough")));
            db.CommunityOffers.Add(new CommunityOffer("Yy unrelated choir", "Other trust", DateTimeOffset.UtcNow, "The borough"));
            return await db.SaveChangesAsync();
        });
        var practitioner = await Factory.SignedInAsync(Practitioner);

        var first = await practitioner.GetDocumentAsync("/staff/offers?q=SEARCHABLE+walk");
        first.Body!.TextContent.ShouldContain("30 offers");
        first.Body!.TextContent.ShouldNotContain("Yy unrelated choir");
        var next = first.QuerySelector("a.nhsuk-pagination__link--next")!.GetAttribute("href")!;
        next.ShouldContain("q=SEARCHABLE");
        (await practitioner.GetDocumentAsync(next)).Body!.TextContent.ShouldContain("Yy searchable walk 30");

        var refused = await practitioner.GetAsync("/staff/offers?q=%E2%80%AEx&area=Nonsense");
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await refused.ReadDocumentAsync()).ErrorSummary().ShouldNotBeEmpty();
    }

    public void Dispose() => _factory?.Dispose();
}
