using System.Security.Cryptography;

namespace Hub.Domain.Common;

/// <summary>
/// The secret in a one-time link (the person's plan link, an organiser's listing link): 256 random
/// bits, URL-safe, of which only the SHA-256 hash is ever stored.
/// </summary>
public static class OneTimeToken
{
    public const int Bytes = 32;

    /// <summary>The longest text that can be a token (43 characters), so anything longer is refused before hashing.</summary>
    public const int MaxLength = 100;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a token: lower-case hex SHA-256 of its text.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
