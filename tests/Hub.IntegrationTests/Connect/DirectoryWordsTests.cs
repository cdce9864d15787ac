using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Application.Connect;
using Hub.Application.Connect.OpenReferralApi;
using Hub.Application.Connect.OpenReferralApi.ListServices;
using Hub.Application.Connect.SearchGroups;
using Hub.Domain.CommunityOffers;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Connect;

/// <summary>
/// A search with words tests the words only on the groups the other filters leave, found from an index
/// on PostgreSQL (docs/decisions/046). The rows, their order, the pages and the counts are the same as
/// testing everything on every listed group: the public search (free first, then A to Z, counted ten
/// pages ahead) and the Open Referral UK list (exact total, with a taxonomy term, a day and an area, or
/// across every area).
/// </summary>
public sealed class DirectoryWordsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Searches => ["words", "words, Tuesday, step-free", "words, free, step-free, evening", "words no group has"];

    [SkippableTheory]
    [MemberData(nameof(Searches))]
    public async Task Should_page_through_the_same_groups_free_first_then_a_to_z_with_the_same_counts(string name)
    {
        await using var host = new ApplicationHost(database.ConnectionString, new TestClock(Now));
        var groups = await Seed(host);
        var filter = name switch
        {
            "words" => new DirectoryFilter("Southbank") { Text = "GROUP" },
            "words, Tuesday, step-free" => new DirectoryFilter("Southbank") { Text = "Language", Day = DayOfWeek.Tuesday, Access = OfferAccess.StepFree },
            "words, free, step-free, evening" => new DirectoryFilter("Northfield") { Text = "club", FreeOnly = true, Access = OfferAccess.StepFree, PartOfDay = PartOfDay.Evening },
            _ => new DirectoryFilter("Northfield") { Text = "no such words anywhere" },
        };
        var expected = Expected(groups, filter);

        var seen = new List<Guid>();
        GroupSearch page;
        var number = 1;
        do
        {
            page = await host.SendAsPublic(new SearchGroups(filter, number));
            seen.AddRange(page.Groups.Select(g => g.Id));
            var countedTo = (number - 1) * SearchGroupsHandler.PageSize + SearchGroupsHandler.CountAhead;
            (page.Total, page.More).ShouldBe(expected.Count > countedTo ? (countedTo, true) : (expected.Count, false), $"page {number}");
            number++;
        }
        while (page.HasNext && number < 100);

        seen.ShouldBe(expected, $"'{name}': each matching group once, free first, then A to Z");
        if (name != "words no group has")
        {
            expected.Count.ShouldBeGreaterThan(0, "the data gives the search something to find");
        }
    }

    [SkippableFact]
    public async Task Should_serve_the_open_referral_list_with_words_as_before_with_exact_totals()
    {
        await using var host = new ApplicationHost(database.ConnectionString, new TestClock(Now));
        var groups = await Seed(host);
        var stepFree = OpenReferralTaxonomies.Terms.Single(t => t.Code == nameof(OfferAccess.StepFree)).Id;

        var oneArea = Expected(groups, new DirectoryFilter("Home") { Text = "group", Day = DayOfWeek.Tuesday, Access = OfferAccess.StepFree });
        var seen = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var list = await host.SendAsPublic(new ListOpenReferralServices(Search: "group", TaxonomyTermId: stepFree, Day: "TU", Area: "Home", Page: $"{page}", PerPage: "20"));
            (list.TotalItems, list.TotalPages).ShouldBe((oneArea.Count, (int)Math.Ceiling(oneArea.Count / 20.0)));
            seen.AddRange(list.Services.Select(s => s.Id));
        }
        oneArea.Count.ShouldBeGreaterThan(20, "more than one page");
        seen.ShouldBe(oneArea.Take(60).ToList(), "the first three pages in the directory's order");

        var everyArea = Expected(groups, new DirectoryFilter("") { AllAreas = true, Text = "book club" });
        var all = await host.SendAsPublic(new ListOpenReferralServices(Search: "Book Club", PerPage: "100"));
        all.TotalItems.ShouldBe(everyArea.Count);
        all.Services.Select(s => s.Id).ShouldBe(everyArea.Take(100).ToList(), "every area, free first, then A to Z");
    }

    public static TheoryData<string> OpenReferralLists => ["words, step-free term, Tuesday, one area", "step-free term, Tuesday, one area", "words, accessibility taxonomy, every area", "words no group has, one area"];

    // The page takes its order and its rows from the candidates (every filter but the words) and tests the
    // words on each by key, stopping when the page is full (docs/decisions/050): every page, the last one
    // short and one past the end, must be the list worked out in memory.
    [SkippableTheory]
    [MemberData(nameof(OpenReferralLists))]
    public async Task Should_give_every_page_of_a_filtered_open_referral_list_as_worked_out_in_memory(string name)
    {
        await using var host = new ApplicationHost(database.ConnectionString, new TestClock(Now));
        var groups = await Seed(host);
        var stepFree = OpenReferralTaxonomies.Terms.Single(t => t.Code == nameof(OfferAccess.StepFree)).Id;
        var access = OpenReferralTaxonomies.All.Single(t => t.Vocabulary == OpenReferralVocabularies.Access).Id;
        var (request, expected) = name switch
        {
            "words, step-free term, Tuesday, one area" => (new ListOpenReferralServices(Search: "Group", TaxonomyTermId: stepFree, Day: "TU", Area: "Home", PerPage: "30"),
                Expected(groups, new DirectoryFilter("Home") { Text = "group", Day = DayOfWeek.Tuesday, Access = OfferAccess.StepFree })),
            "step-free term, Tuesday, one area" => (new ListOpenReferralServices(TaxonomyTermId: stepFree, Day: "TU", Area: "Southbank", PerPage: "30"),
                Expected(groups, new DirectoryFilter("Southbank") { Text = "", Day = DayOfWeek.Tuesday, Access = OfferAccess.StepFree })),
            "words, accessibility taxonomy, every area" => (new ListOpenReferralServices(Search: "club", TaxonomyId: access, PerPage: "45"),
                Expected(groups, new DirectoryFilter("") { AllAreas = true, Text = "club" }, o => o.Access != OfferAccess.None)),
            _ => (new ListOpenReferralServices(Search: "no such words anywhere", Area: "Northfield", PerPage: "30"),
                Expected(groups, new DirectoryFilter("Northfield") { Text = "no such words anywhere" })),
        };
        var perPage = int.Parse(request.PerPage!, System.Globalization.CultureInfo.InvariantCulture);
        var pages = (int)Math.Ceiling(expected.Count / (double)perPage);

        for (var page = 1; page <= pages + 1; page++)
        {
            var list = await host.SendAsPublic(request with { Page = $"{page}" });
            list.Services.Select(s => s.Id).ShouldBe(expected.Skip((page - 1) * perPage).Take(perPage).ToList(), $"'{name}', page {page} of {pages}");
            (list.TotalItems, list.TotalPages).ShouldBe((expected.Count, pages), $"'{name}', page {page}");
        }
        if (name != "words no group has, one area")
        {
            pages.ShouldBeGreaterThan(2, "the data gives the list several pages");
        }
    }

    [SkippableFact]
    public async Task Should_find_the_same_groups_with_words_on_the_embedded_sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hub-words-{Guid.NewGuid():N}.db");
        try
        {
            await using var host = new ApplicationHost($"Data Source={file}", new TestClock(Now),
                settings: [new("Database:Provider", "Sqlite"), new("ConnectionStrings:Hub", $"Data Source={file}")]);
            await host.WithDb(async db => { await db.Database.MigrateAsync(); return 0; });
            var groups = await Seed(host, 300);
            var filter = new DirectoryFilter("Northfield") { Text = "Club", FreeOnly = true, Access = OfferAccess.StepFree };
            var expected = Expected(groups, filter);

            var search = await host.SendAsPublic(new SearchGroups(filter));
            search.Groups.Select(g => g.Id).ShouldBe(expected.Take(SearchGroupsHandler.PageSize).ToList());
            search.Total.ShouldBe(expected.Count);
            expected.Count.ShouldBeGreaterThan(0);
            var list = await host.SendAsPublic(new ListOpenReferralServices(Search: "club", Area: "Northfield", PerPage: "100"));
            var listed = Expected(groups, filter with { FreeOnly = false, Access = OfferAccess.None });
            list.TotalItems.ShouldBe(listed.Count);
            list.Services.Select(s => s.Id).ShouldBe(listed.Take(100).ToList(), "the page joined to its rows by key, in the directory's order");
            var second = await host.SendAsPublic(new ListOpenReferralServices(Search: "club", Area: "Northfield", Page: "2", PerPage: "7"));
            second.Services.Select(s => s.Id).ShouldBe(listed.Skip(7).Take(7).ToList(), "a later page");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>The directory as it read before: every filter on the whole offer, free first, then A to Z.</summary>
    private static List<Guid> Expected(IReadOnlyList<CommunityOffer> groups, DirectoryFilter filter, Func<CommunityOffer, bool>? also = null)
    {
        var slots = OfferWeek.Mask(filter.Day, filter.PartOfDay);
        var text = filter.Text!.ToLowerInvariant();
        return groups
            .Where(o => o.Active && (filter.AllAreas || o.Area == filter.Area))
            .Where(o => also is null || also(o))
            .Where(o => slots == 0 || (o.WeekSlots & slots) != 0)
            .Where(o => !filter.FreeOnly || o.IsFree)
            .Where(o => (o.Access & filter.Access) == filter.Access)
            .Where(o => o.Name.ToLowerInvariant().Contains(text, StringComparison.Ordinal)
                || o.OrganisationName.ToLowerInvariant().Contains(text, StringComparison.Ordinal)
                || (o.Description?.ToLowerInvariant().Contains(text, StringComparison.Ordinal) ?? false))
            .OrderByDescending(o => o.IsFree).ThenBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => o.Id)
            .ToList();
    }

    /// <summary>1,500 invented groups (or as many as asked) in three areas, every 40th withdrawn; once per database.</summary>
    private static async Task<IReadOnlyList<CommunityOffer>> Seed(ApplicationHost host, int count = 1_500)
    {
        var groups = DirectoryGroups.Generate(count, Now).ToList();
        for (var i = 0; i < groups.Count; i += 40)
        {
            groups[i].SetActive(false);
        }
        await host.WithDb(async db =>
        {
            if (!await db.CommunityOffers.AnyAsync())
            {
                db.CommunityOffers.AddRange(groups);
                await db.SaveChangesAsync();
            }
            return 0;
        });
        return await host.WithDb(db => db.CommunityOffers.AsNoTracking().ToListAsync());
    }
}
