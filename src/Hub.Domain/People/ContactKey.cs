using Hub.Domain.Audit;

namespace Hub.Domain.People;

/// <summary>
/// The one key for an email address or UK mobile number that a person signs in or asks with, shared by
/// their community space (<c>SpaceMember.AddressKey</c>) and by what they asked of the volunteer service
/// (<c>SupportRequest.ContactKey</c>), so the space finds the person's outings without either table
/// being searched by a raw address. The address is normalised (an email trimmed and in lower case, a
/// mobile as its digits, +44 read as 0) and keyed with HMAC-SHA-256 under the hub's audit key: a plain
/// hash of a mobile number could be reversed by trying the 10^9 numbers (docs/decisions/040, 041).
/// </summary>
public static class ContactKey
{
    /// <summary>64 lower-case hex characters.</summary>
    public const int Length = 64;

    // Kept as the space first used it, so spaces made before the key was shared keep their key.
    private const string Purpose = "community-space-address|";

    /// <summary>An address with an @ is an email; anything else is read as a phone number.</summary>
    public static bool IsEmail(string typed) => typed.Contains('@', StringComparison.Ordinal);

    /// <summary>An email address trimmed and in lower case, or a phone number as its digits (07…).</summary>
    public static string Normalise(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        return IsEmail(typed)
            ? ContactDetails.NormaliseEmail(typed) ?? typed.Trim()
            : ContactDetails.NormalisePhone(typed) ?? typed.Trim();
    }

    /// <summary>The key of an address as typed (normalised here).</summary>
    public static string Of(AuditKey key, string typed) => OfNormalised(key, Normalise(typed));

    /// <summary>The key of an address already normalised with <see cref="Normalise"/>.</summary>
    public static string OfNormalised(AuditKey key, string normalised)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Purpose + normalised);
    }
}
