using Hub.Domain.CommunityOffers;

namespace Hub.TestSupport;

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
            var offer = new CommunityOffer($"{Hoods[i % Hoods.Length]} {Kinds[i % Kinds.Length]} {i}", $"Organiser {i % 97}", at, Areas[i % Areas.Length]);
            offer.Describe(offer.Name, "A friendly group that meets every week.", offer.OrganisationName, [], [], i % 4 == 0, ["English"]);
            offer.Locate(Hoods[i % Hoods.Length], "Community centre", null, null);
            var day = (DayOfWeek)(i % 7);
            var opens = new TimeOnly(9 + i % 11, 0);
            offer.Schedule([new OfferSession(day, opens, opens.AddHours(2)), new OfferSession((DayOfWeek)((i + 3) % 7), opens, opens.AddHours(1))], null);
            offer.SetCost(i % 3 != 0, i % 3 == 0 ? "£3" : null);
            offer.DescribeForPublic("Anyone", "Just turn up", i % 2 == 0, (OfferInterest)(1 << (i % 9)), (OfferAccess)(i % 8));
            yield return offer;
        }
    }
}
