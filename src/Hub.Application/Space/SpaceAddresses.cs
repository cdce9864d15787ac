using Hub.Domain.Audit;
using Hub.Domain.People;

namespace Hub.Application.Space;

/// <summary>
/// How a space is found from the address someone signs in with: the one <see cref="ContactKey"/>, which
/// the volunteer service keys its requests by too, so a space finds the person's outings
/// (docs/decisions/040, 041).
/// </summary>
public static class SpaceAddresses
{
    public static bool IsEmail(string typed) => ContactKey.IsEmail(typed);

    /// <summary>An email address in lower case, or a mobile number as its digits (07…).</summary>
    public static string Normalise(string typed) => ContactKey.Normalise(typed);

    public static string KeyOf(AuditKey key, string normalised) => ContactKey.OfNormalised(key, normalised);
}
