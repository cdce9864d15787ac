using System.Text.RegularExpressions;

namespace Hub.Domain.People;

/// <summary>The ways of reaching a person and whether a message may be left.</summary>
public sealed partial record ContactDetails(ContactMethod PreferredMethod, string? Phone, string? Email, bool? SafeToLeaveMessage)
{
    /// <summary>Digits only, with a UK leading 0 in place of +44, so that matching ignores spaces.</summary>
    public static string? NormalisePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = NonDigits().Replace(phone, string.Empty);
        if (phone.TrimStart().StartsWith('+') && digits.StartsWith("44", StringComparison.Ordinal))
        {
            digits = "0" + digits[2..];
        }
        return digits.Length == 0 ? null : digits;
    }

    public static string? NormaliseEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    public static bool IsPlausiblePhone(string phone)
    {
        var digits = NormalisePhone(phone);
        return digits is not null && digits.Length is >= 10 and <= 15 && PhoneCharacters().IsMatch(phone.Trim());
    }

    /// <summary>A UK mobile number (07…, or +44 7…): the only numbers a text goes to.</summary>
    public static bool IsUkMobile(string? phone) =>
        phone is not null && IsPlausiblePhone(phone) && NormalisePhone(phone) is { Length: 11 } digits && digits.StartsWith("07", StringComparison.Ordinal);

    /// <summary>
    /// Why a text may not go to this person, or null when it may: they gave a mobile number,
    /// chose texts and said messages are safe. Nothing is assumed from a missing answer.
    /// </summary>
    public NoTextReason? WhyNoText() =>
        !IsUkMobile(Phone) ? NoTextReason.NoMobile
        : PreferredMethod != ContactMethod.Text ? NoTextReason.DidNotChooseTexts
        : SafeToLeaveMessage != true ? NoTextReason.NotSafe
        : null;

    public static bool IsPlausibleEmail(string email) => EmailShape().IsMatch(email.Trim());

    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonDigits();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{10,20}$")]
    private static partial Regex PhoneCharacters();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex EmailShape();
}
