using Hub.Application.Connect;
using Hub.Application.Connect.Calendar;
using Hub.Application.Connect.GetWhatsOn;
using Hub.Application.Connect.OpenReferralApi;
using Hub.Application.Connect.OpenReferralApi.GetService;
using Hub.Application.Connect.OpenReferralApi.ListServices;
using Hub.Application.Connect.SearchGroups;
using Hub.Domain.CommunityOffers;
using Hub.IntegrationTests.Persistence;
using Hub.TestSupport;

namespace Hub.IntegrationTests.Connect;

/// <summary>
/// The public directory's search (the hub's own area, first page and page 3, another area, filtered),
/// week view (a day, its second page, filtered) and search calendar cost the same number of SQL
/// commands with 50 groups as with 5,000 (no query per group), whatever the filter; so do the Open
/// Referral UK API's service list and service by id.
/// </summary>
public sealed class DirectoryCommandCountTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Should_send_the_same_number_of_commands_at_50_and_at_5000_groups()
    {
        var small = await Measure(50);
        var large = await Measure(5_000);

        output.WriteLine($"SQL commands (search, filtered search, week, filtered week, search calendar, ORUK services, filtered ORUK services, ORUK service; search page 3, another area, week page 2): {small} at 50 groups, {large} at 5,000");
        large.ShouldBe(small);
        (small.Main.Search, small.Main.Filtered, small.More.SearchPage3, small.More.OtherArea).ShouldBe((4, 4, 4, 4), "the page, the count, the areas and the area's neighbourhoods");
        (small.Main.Week, small.Main.FilteredWeek, small.More.WeekPage2).ShouldBe((2, 2, 2), "a day's page and its count");
        (small.Main.Oruk, small.Main.OrukFiltered, small.Main.OrukOne).ShouldBe((2, 2, 1), "the Open Referral UK list is the page and the count; one service is one command");
    }

    private static async Task<((int Search, int Filtered, int Week, int FilteredWeek, int Calendar, int Oruk, int OrukFiltered, int OrukOne) Main,
        (int SearchPage3, int OtherArea, int WeekPage2) More)> Measure(int groups)
    {
        var database = new DatabaseFixture();
        await database.InitializeAsync();
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, new TestClock(Now), interceptors: [counter]);
        var listed = DirectoryGroups.Generate(groups, Now).ToList();
        await host.WithDb(async db =>
        {
            db.CommunityOffers.AddRange(listed);
            return await db.SaveChangesAsync();
        });
        var stepFree = OpenReferralTaxonomies.Terms.Single(t => t.Code == nameof(OfferAccess.StepFree)).Id;
        var home = new DirectoryFilter("Home");
        var filtered = home with { Day = DayOfWeek.Tuesday, PartOfDay = PartOfDay.Evening, FreeOnly = true, Access = OfferAccess.StepFree, Text = "group" };

        async Task<int> Count<T>(MediatR.IRequest<T> request)
        {
            counter.Reset();
            await host.SendAsPublic(request);
            return counter.Count;
        }

        var main = (await Count(new SearchGroups(home, 2)), await Count(new SearchGroups(filtered)),
            await Count(new GetWhatsOn(home, 1)), await Count(new GetWhatsOn(filtered, 1)), await Count(new GetSearchCalendar(filtered)),
            await Count(new ListOpenReferralServices(Page: "2")), await Count(new ListOpenReferralServices(Search: "group", TaxonomyTermId: stepFree, Day: "TU", PerPage: "100")),
            await Count(new GetOpenReferralService(listed[^1].Id.ToString())));
        return (main, (await Count(new SearchGroups(home, 3)), await Count(new SearchGroups(new DirectoryFilter("Northfield"))), await Count(new GetWhatsOn(home, 1, 2))));
    }
}
