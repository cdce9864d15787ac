using System.Collections;
using System.Reflection;
using Hub.Domain.CommunityOffers;

namespace Hub.UnitTests.CommunityOffers;

/// <summary>
/// Compares two offers on every public property except the Guid, found by reflection so that a field
/// added to <see cref="CommunityOffer"/> later is compared too, and a round trip that drops it fails.
/// </summary>
internal static class OfferComparison
{
    public static IReadOnlyList<PropertyInfo> ComparedProperties { get; } = typeof(CommunityOffer)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != nameof(CommunityOffer.Id))
        .ToList();

    public static void ShouldMatchFieldByField(this CommunityOffer actual, CommunityOffer expected, params string[] except)
    {
        foreach (var property in ComparedProperties.Where(p => !except.Contains(p.Name)))
        {
            var got = property.GetValue(actual);
            var wanted = property.GetValue(expected);
            if (got is IEnumerable sequence and not string)
            {
                sequence.Cast<object>().ToList().ShouldBe(((IEnumerable)wanted!).Cast<object>().ToList(), $"{property.Name} of \"{expected.Name}\"");
            }
            else
            {
                got.ShouldBe(wanted, $"{property.Name} of \"{expected.Name}\"");
            }
        }
    }
}
