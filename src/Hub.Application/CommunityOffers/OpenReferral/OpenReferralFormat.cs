using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Application.CommunityOffers.OpenReferral;

/// <summary>The small textual conventions the import and the export must agree on.</summary>
internal static partial class OpenReferralFormat
{
    public const string UkCurrency = "GBP";
    public const string Country = "GB";
    public const string AddressSeparator = ", ";

    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static string DayCode(DayOfWeek day) => DayCodes[(int)day];

    public static DayOfWeek? DayFromCode(string code)
    {
        var index = Array.FindIndex(DayCodes, c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (DayOfWeek)index;
    }

    /// <summary>18:00, or 18:00:30 when there are seconds, so a time written and read back is the same time.</summary>
    public static string FormatTime(TimeOnly time)
    {
        var format = time.Ticks % TimeSpan.TicksPerSecond != 0 ? "HH:mm:ss.fffffff"
            : time.Second != 0 ? "HH:mm:ss"
            : "HH:mm";
        return time.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads HH:MM with optional seconds. HSDS asks for a zone suffix (10:00Z or 10:00+01:00); UK
    /// directories write local clock times, so the clock time is kept and the suffix ignored.
    /// </summary>
    public static TimeOnly? ParseTime(string text)
    {
        var match = Time().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var second = match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var ticks = match.Groups["f"].Success ? long.Parse(match.Groups["f"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture) : 0;
        return new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
    }

    public static string FormatInstant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseInstant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    /// <summary>
    /// A UUID that is always the same for the same key (RFC 9562 version 8, from SHA-256), for the
    /// records HSDS wants ids for and we do not keep: schedules, phones, attributes, and so on.
    /// </summary>
    public static string DerivedId(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("livingwellhub/open-referral/" + key), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>The organisation id written for an offer that has none: the same for every offer of that organisation.</summary>
    public static string DerivedOrganisationId(string organisationName) =>
        DerivedId("organization/" + organisationName.Trim().ToUpperInvariant());

    /// <summary>An id for a record inside a service: its location, schedules, attributes and so on.</summary>
    public static string ChildId(string serviceId, string kind, int index) =>
        DerivedId($"service/{serviceId}/{kind}/{index}");

    /// <summary>Lower-case words joined by hyphens: "St Mary's & Westgate" becomes "st-mary-s-westgate".</summary>
    public static string Slug(string text)
    {
        var slug = NotWordCharacters().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? DerivedId(text) : slug;
    }

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d{1,7}))?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWordCharacters();
}
