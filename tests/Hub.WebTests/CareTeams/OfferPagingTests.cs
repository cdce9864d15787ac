using Hub.Domain.CommunityOffers;
using Hub.TestSupport;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.CareTeams;

/// <summary>
/// The offers directory pages through a long list by keyset: the next link carries the last offer shown.
/// (Razor Pages keep <c>page</c> for themselves, so no page link uses that name.)
/// </summary>
public sealed class OfferPagingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_follow_the_next_link_to_the_second_page_of_offers()
    {
        await Factory.WithDbAsync(async db =>
        {
            db.CommunityOffers.AddRange(Enumerable.Range(1, 30).Select(i => new CommunityOffer($"Zz paging offer {i:00}", "Paging trust", DateTimeOffset.UtcNow, "The borough")));
            return await db.SaveChangesAsync();
        });
        var practitioner = await Factory.SignedInAsync(Practitioner);

        var first = await practitioner.GetDocumentAsync("/staff/offers");
        var next = first.QuerySelector("a.nhsuk-pagination__link--next")!.GetAttribute("href")!;
        var second = await practitioner.GetDocumentAsync(next);

        second.QuerySelector("a.nhsuk-pagination__link--prev").ShouldNotBeNull("the second page links back to the first");
        first.Body!.TextContent.ShouldNotContain("Zz paging offer 30", Case.Sensitive, "offers are in name order, 25 a page");
        second.Body!.TextContent.ShouldContain("Zz paging offer 30", Case.Sensitive, "the second page shows the rest");
    }

    public void Dispose() => _factory?.Dispose();
}
