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
/// Referral UK API's service list and service by id. The list counts a filter's exact total once per
/// version of the directory (docs/decisions/050): the first request for a filter is the page, the
/// version and the count; the same filter again, or its next page, is the page and the version alone.
/// </summary>
public sealed class DirectoryCommandCountTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Should_send_the_same_number_of_commands_at_50_and_at_5000_groups()
    {
        var small = await Measure(50);
        var large = await Measure(5_000);

        output.WriteLine($"SQL commands (search, filtered search, week, filtered week, search calendar, ORUK services, filtered ORUK services, ORUK service; search page 3, another area, week page 2; " +
            $"ORUK again, filtered ORUK again, filtered ORUK next page, filtered ORUK other day): {small} at 50 groups, {large} at 5,000");
        large.ShouldBe(small);
        (small.Main.Search, small.Main.Filtered, small.More.SearchPage3, small.More.OtherArea).ShouldBe((4, 4, 4, 4), "the page, the count, the areas and the area's neighbourhoods");
        (small.Main.Week, small.Main.FilteredWeek, small.More.WeekPage2).ShouldBe((2, 2, 2), "a day's page and its count");
        (small.Main.Oruk.Commands, small.Main.OrukFiltered.Commands, small.Main.OrukOne.Commands).ShouldBe((3, 3, 1),
            "a filter asked for the first time is the page, the directory's version and the count; one service is one command");
        (small.Main.Oruk.Counted, small.Main.OrukFiltered.Counted).ShouldBe((true, true));
        (small.Oruk.Again.Commands, small.Oruk.FilteredAgain.Commands, small.Oruk.FilteredNextPage.Commands).ShouldBe((2, 2, 2),
            "the same filter again, or its next page, is the page and the version: the total is remembered");
        (small.Oruk.Again.Counted, small.Oruk.FilteredAgain.Counted, small.Oruk.FilteredNextPage.Counted).ShouldBe((false, false, false));
        (small.Oruk.FilteredOtherDay.Commands, small.Oruk.FilteredOtherDay.Counted).ShouldBe((3, true), "another day is another filter");
    }

    private readonly record struct Sent(int Commands, bool Counted);

    private static async Task<((int Search, int Filtered, int Week, int FilteredWeek, int Calendar, Sent Oruk, Sent OrukFiltered, Sent OrukOne) Main,
        (int SearchPage3, int OtherArea, int WeekPage2) More, (Sent Again, Sent FilteredAgain, Sent FilteredNextPage, Sent FilteredOtherDay) Oruk)> Measure(int groups)
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

        async Task<int> Count<T>(MediatR.IRequest<T> request) => (await Send(request)).Commands;

        async Task<Sent> Send<T>(MediatR.IRequest<T> request)
        {
            counter.Reset();
            await host.SendAsPublic(request);
            return new(counter.Count, counter.Texts.Any(t => t.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)));
        }

        ListOpenReferralServices Filtered(string page = "1", string day = "TU") => new(Search: "group", TaxonomyTermId: stepFree, Day: day, PerPage: "100", Page: page);
        var main = (await Count(new SearchGroups(home, 2)), await Count(new SearchGroups(filtered)),
            await Count(new GetWhatsOn(home, 1)), await Count(new GetWhatsOn(filtered, 1)), await Count(new GetSearchCalendar(filtered)),
            await Send(new ListOpenReferralServices(Page: "2")), await Send(Filtered()),
            await Send(new GetOpenReferralService(listed[^1].Id.ToString())));
        var more = (await Count(new SearchGroups(home, 3)), await Count(new SearchGroups(new DirectoryFilter("Northfield"))), await Count(new GetWhatsOn(home, 1, 2)));
        var oruk = (await Send(new ListOpenReferralServices(Page: "2")), await Send(Filtered()), await Send(Filtered(page: "2")), await Send(Filtered(day: "WE")));
        return (main, more, oruk);
    }
}
