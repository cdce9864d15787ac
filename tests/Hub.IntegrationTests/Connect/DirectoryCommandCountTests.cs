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
/// The public directory's search, week view and search calendar cost the same number of SQL
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

        output.WriteLine($"SQL commands (search, filtered search, week, filtered week, search calendar, ORUK services, filtered ORUK services, ORUK service): {small} at 50 groups, {large} at 5,000");
        large.ShouldBe(small);
        small.Search.ShouldBe(4);
        small.Week.ShouldBe(2);
        (small.Oruk, small.OrukFiltered, small.OrukOne).ShouldBe((2, 2, 1), "the Open Referral UK list is the page and the count; one service is one command");
    }

    private static async Task<(int Search, int Filtered, int Week, int FilteredWeek, int Calendar, int Oruk, int OrukFiltered, int OrukOne)> Measure(int groups)
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
        var home = new DirectoryFilter("Home", IsHomeArea: true);
        var filtered = home with { Day = DayOfWeek.Tuesday, PartOfDay = PartOfDay.Evening, FreeOnly = true, Access = OfferAccess.StepFree, Text = "group" };

        async Task<int> Count<T>(MediatR.IRequest<T> request)
        {
            counter.Reset();
            await host.SendAsPublic(request);
            return counter.Count;
        }

        return (await Count(new SearchGroups(home, 2)), await Count(new SearchGroups(filtered)),
            await Count(new GetWhatsOn(home, 1)), await Count(new GetWhatsOn(filtered, 1)), await Count(new GetSearchCalendar(filtered)),
            await Count(new ListOpenReferralServices(Page: "2")), await Count(new ListOpenReferralServices(Search: "group", TaxonomyTermId: stepFree, Day: "TU", PerPage: "100")),
            await Count(new GetOpenReferralService(listed[^1].Id.ToString())));
    }
}
