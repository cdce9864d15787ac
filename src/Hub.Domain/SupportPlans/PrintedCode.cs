using System.Security.Cryptography;
using System.Text;

namespace Hub.Domain.SupportPlans;

/// <summary>
/// The printed way in for a person with neither email nor mobile (docs/decisions/031). The code is
/// 32 characters of Crockford base32 in groups of four: the first 6 are a handle that finds the code
/// (30 bits, not secret), the other 26 are the secret (130 bits). Typing is forgiving: case, spaces
/// and dashes are ignored and O, I and L read as 0, 1 and 1.
/// </summary>
public static class PrintedCode
{
    public const int HandleLength = 6;
    public const int SecretLength = 26;
    public const int MaxFailedTries = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Random(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }

    public static string Format(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));

    /// <summary>The handle and secret from what the person typed, or null when it cannot be a code.</summary>
    public static (string Handle, string Secret)? Parse(string? typed)
    {
        if (typed is null || typed.Length > 80)
        {
            return null;
        }
        var builder = new StringBuilder(HandleLength + SecretLength);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is ' ' or '-')
            {
                continue;
            }
            var read = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(read, StringComparison.Ordinal))
            {
                return null;
            }
            builder.Append(read);
        }
        var code = builder.ToString();
        return code.Length == HandleLength + SecretLength ? (code[..HandleLength], code[HandleLength..]) : null;
    }
}
