using Hub.Domain.Audit;
using Hub.Domain.People;

namespace Hub.Application.Space;

/// <summary>
/// How a space is found from the address someone signs in with. The address is normalised (an email
/// in lower case, a mobile as its digits) and keyed with the hub's secret audit key, so the stored key
/// cannot be reversed by trying every mobile number, as a plain hash could (docs/decisions/040).
/// </summary>
public static class SpaceAddresses
{
    private const string Purpose = "community-space-address|";

    public static bool IsEmail(string typed) => typed.Contains('@', StringComparison.Ordinal);

    /// <summary>An email address in lower case, or a mobile number as its digits (07…).</summary>
    public static string Normalise(string typed) =>
        IsEmail(typed) ? ContactDetails.NormaliseEmail(typed)! : ContactDetails.NormalisePhone(typed)!;

    public static string KeyOf(AuditKey key, string normalised) => key.Sign(Purpose + normalised);
}
