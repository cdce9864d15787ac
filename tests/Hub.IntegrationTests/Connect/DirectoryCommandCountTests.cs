using Hub.Application.Connect;
using Hub.Application.Connect.Calendar;
using Hub.Application.Connect.GetWhatsOn;
using Hub.Application.Connect.SearchGroups;
using Hub.Domain.CommunityOffers;
using Hub.IntegrationTests.Persistence;
using Hub.TestSupport;

namespace Hub.IntegrationTests.Connect;

/// <summary>
/// The public directory's search, week view and search calendar cost the same number of SQL
/// commands with 50 groups as with 5,000 (no query per group), whatever the filter.
/// </summary>
public sealed class DirectoryCommandCountTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Should_send_the_same_number_of_commands_at_50_and_at_5000_groups()
    {
        var small = await Measure(50);
        var large = await Measure(5_000);

        output.WriteLine($"SQL commands (search, filtered search, week, filtered week, search calendar): {small} at 50 groups, {large} at 5,000");
        large.ShouldBe(small);
        small.Search.ShouldBe(4);
        small.Week.ShouldBe(2);
    }

    private static async Task<(int Search, int Filtered, int Week, int FilteredWeek, int Calendar)> Measure(int groups)
    {
        var database = new DatabaseFixture();
        await database.InitializeAsync();
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, new TestClock(Now), interceptors: [counter]);
        await host.WithDb(async db =>
        {
            db.CommunityOffers.AddRange(DirectoryGroups.Generate(groups, Now));
            return await db.SaveChangesAsync();
        });
        var home = new DirectoryFilter("Home", IsHomeArea: true);
        var filtered = home with { Day = DayOfWeek.Tuesday, PartOfDay = PartOfDay.Evening, FreeOnly = true, Access = OfferAccess.StepFree, Text = "group" };

        async Task<int> Count<T>(MediatR.IRequest<T> request)
        {
            counter.Reset();
            await host.SendAsPublic(request);
            return counter.Count;
        }

        return (await Count(new SearchGroups(home, 2)), await Count(new SearchGroups(filtered)),
            await Count(new GetWhatsOn(home, 1)), await Count(new GetWhatsOn(filtered, 1)), await Count(new GetSearchCalendar(filtered)));
    }
}

/// <summary>Invented groups spread over areas, neighbourhoods, days, times, costs and access, the same for any size.</summary>
public static class DirectoryGroups
{
    private static readonly string[] Areas = ["Home", "Northfield", "Southbank"];
    private static readonly string[] Hoods = ["Central", "North", "South", "East", "West"];
    private static readonly string[] Kinds = ["walking group", "painting club", "football", "language cafe", "choir", "gardening group", "book club", "yoga"];

    public static IEnumerable<CommunityOffer> Generate(int count, DateTimeOffset at)
    {
        for (var i = 0; i < count; i++)
        {
            var offer = new CommunityOffer($"{Hoods[i % Hoods.Length]} {Kinds[i % Kinds.Length]} {i}", $"Organiser {i % 97}", at);
            offer.Describe(offer.Name, "A friendly group that meets every week.", offer.OrganisationName, [], [], i % 4 == 0, ["English"]);
            offer.Locate(Hoods[i % Hoods.Length], "Community centre", null, null);
            var day = (DayOfWeek)(i % 7);
            var opens = new TimeOnly(9 + i % 11, 0);
            offer.Schedule([new OfferSession(day, opens, opens.AddHours(2)), new OfferSession((DayOfWeek)((i + 3) % 7), opens, opens.AddHours(1))], null);
            offer.SetCost(i % 3 != 0, i % 3 == 0 ? "£3" : null);
            offer.DescribeForPublic("Anyone", "Just turn up", i % 2 == 0, (OfferInterest)(1 << (i % 9)), (OfferAccess)(i % 8));
            offer.PlaceInArea(Areas[i % Areas.Length]);
            yield return offer;
        }
    }
}
