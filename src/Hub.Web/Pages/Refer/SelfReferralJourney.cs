using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Hub.Web.Pages.Refer;

/// <summary>
/// Where the person is in the self-referral: their answers so far, the one-time token the check page
/// carries, and, once sent, only the reference. Nothing is stored on the server before send.
/// </summary>
/// <param name="SentReference">Set once the form is sent; the answers are dropped then.</param>
/// <param name="Thanked">Software that filled in the hidden field: thanked, nothing stored, no reference.</param>
/// <param name="ConfirmedBy">How the reference is also on its way to the person, so the confirmation page can say so plainly.</param>
public sealed record SelfReferralJourney(SelfReferralAnswers Answers, Guid FormToken, string? SentReference = null, bool Thanked = false,
    ConfirmationChannel ConfirmedBy = ConfirmationChannel.None)
{
    public static SelfReferralJourney Start() => new(new SelfReferralAnswers(), Guid.NewGuid());

    public bool IsSent => SentReference is not null || Thanked;
}

/// <summary>
/// Carries a <see cref="SelfReferralJourney"/> between the question pages in a cookie of its own
/// (docs/decisions/029): scoped to <c>/refer</c>, HttpOnly, SameSite=Strict, compressed, encrypted
/// and signed with the hub's data protection keys (shared by every instance), and refused after
/// <see cref="Lifetime"/> so answers left on a shared computer do not wait for the next person.
/// Long answers are split over several cookies, up to <see cref="MaxLength"/> characters in all.
/// </summary>
public sealed class SelfReferralJourneyStore(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "hub-referral";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    /// <summary>What the cookies may take together: well inside a server's 32 KB of request headers.</summary>
    public const int MaxLength = 20_000;

    /// <summary>Serialised by generated code, not reflection (docs/decisions/044); the same JSON as before.</summary>
    private static readonly JsonTypeInfo<SelfReferralJourney> Json =
        new JourneyJson(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).SelfReferralJourney;

    /// <summary>Brotli as <see cref="CompressionLevel.Optimal"/> gives it (quality 4, 4 MB window): the same format either way.</summary>
    private const int BrotliQuality = 4;
    private const int BrotliWindow = 22;

    /// <summary>
    /// A journey this small (the one left after sending holds only the reference) is written at quality 2
    /// with a 64 KB window: a few bytes longer, and about a seventh of the work of setting up the larger
    /// encoder for it. Any window decodes the same way.
    /// </summary>
    private const int SmallJourney = 1024;
    private const int SmallQuality = 2;
    private const int SmallWindow = 16;

    /// <summary>The most a journey may take once decompressed: far above any answers the pages accept.</summary>
    private const int MaxPlainLength = 1 << 20;
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Hub.Web.Refer.Journey.v1").ToTimeLimitedDataProtector();
    private readonly ChunkingCookieManager _cookies = new() { ChunkSize = 4000, ThrowForPartialCookies = false };

    /// <summary>The journey in this browser, or null when there is none, it has expired or it was tampered with.</summary>
    public SelfReferralJourney? Read(HttpContext context)
    {
        var value = _cookies.GetRequestCookie(context, CookieName);
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return null;
        }
        try
        {
            var plain = _protector.Unprotect(WebEncoders.Base64UrlDecode(value), out _);
            return Decompress(plain);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>One-shot decompression into a pooled buffer (no stream, no native encoder state left to the finaliser).</summary>
    private static SelfReferralJourney? Decompress(byte[] compressed)
    {
        var size = Math.Max(4096, compressed.Length * 8);
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                if (BrotliDecoder.TryDecompress(compressed, buffer, out var written))
                {
                    return JsonSerializer.Deserialize(buffer.AsSpan(0, written), Json);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            if (size >= MaxPlainLength)
            {
                throw new InvalidDataException("The journey does not decompress within its limit.");
            }
            size = Math.Min(size * 4, MaxPlainLength);
        }
    }

    /// <summary>Keeps the journey for the next page; false (and nothing written) when the answers are too long to carry.</summary>
    public bool TryWrite(HttpContext context, SelfReferralJourney journey)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(journey, Json);
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length));
        string value;
        try
        {
            var small = json.Length <= SmallJourney;
            if (!BrotliEncoder.TryCompress(json, buffer, out var written, small ? SmallQuality : BrotliQuality, small ? SmallWindow : BrotliWindow))
            {
                throw new InvalidOperationException("Brotli could not compress the journey into its largest possible size.");
            }
            value = WebEncoders.Base64UrlEncode(_protector.Protect(buffer.AsSpan(0, written).ToArray(), clock.GetUtcNow() + Lifetime));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (value.Length > MaxLength)
        {
            return false;
        }
        _cookies.AppendResponseCookie(context, CookieName, value, Options(context));
        return true;
    }

    public void Clear(HttpContext context) => _cookies.DeleteCookie(context, CookieName, Options(context));

    private static CookieOptions Options(HttpContext context) => new()
    {
        Path = "/refer",
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        IsEssential = true,
    };
}

/// <summary>The journey's JSON, generated at build time.</summary>
[JsonSerializable(typeof(SelfReferralJourney))]
internal sealed partial class JourneyJson : JsonSerializerContext;
