using System.Security.Cryptography;

namespace Hub.Domain.Referrals;

/// <summary>
/// The short reference a person is given, read aloud over the phone. Its alphabet leaves out
/// characters that are easily confused (0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6) and vowels that could
/// spell words.
/// </summary>
public static class ReferralReference
{
    public const string Alphabet = "CDFHJKMNPRTVWXY34679";
    public const int Length = 8;

    /// <summary>A new random reference such as <c>K7MR-4TXH</c> (about 34 bits).</summary>
    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return string.Concat(chars[..4], "-", chars[4..]);
    }

    /// <summary>Accepts what a person types (lower case, spaces, missing hyphen) and returns the canonical form, or null.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var compact = new string(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (compact.Length != Length || compact.Any(c => !Alphabet.Contains(c)))
        {
            return null;
        }
        return string.Concat(compact.AsSpan(0, 4), "-", compact.AsSpan(4));
    }
}
