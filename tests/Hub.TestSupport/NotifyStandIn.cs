using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.TestSupport;

/// <summary>
/// A stand-in for GOV.UK Notify on loopback (the real one cannot be reached from here). It answers
/// the two endpoints the hub's client calls, <c>POST /v2/notifications/sms</c> and
/// <c>/v2/notifications/email</c>, and refuses, as Notify would, a request whose JWT is not signed
/// with the API key's secret (HS256, iss = the service id, iat within 30 seconds), a template id
/// it does not know, personalisation missing a template's fields, or a phone number that is not a UK
/// mobile. What it accepts is kept in <see cref="Texts"/> and <see cref="Emails"/>.
/// </summary>
public sealed partial class NotifyStandIn : IAsyncDisposable
{
    public const string ServiceId = "5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b";
    public const string Secret = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

    /// <summary>The API key the hub is configured with: key name, service id, secret.</summary>
    public const string ApiKey = "hub_test-" + ServiceId + "-" + Secret;

    /// <summary>Template ids by the hub's keys, and the personalisation each needs.</summary>
    public static readonly IReadOnlyDictionary<string, (string Id, string[] Fields)> Templates = new Dictionary<string, (string, string[])>
    {
        ["plan-link"] = ("11111111-1111-4111-8111-111111111111", ["first_name", "link"]),
        ["referral-confirmation"] = ("22222222-2222-4222-8222-222222222222", ["reference"]),
        ["review-reminder"] = ("33333333-3333-4333-8333-333333333333", ["date"]),
        ["meeting-reminder"] = ("44444444-4444-4444-8444-444444444444", ["date", "time"]),
        ["way-back"] = ("55555555-5555-4555-8555-555555555555", ["link"]),
        ["group-page"] = ("77777777-7777-4777-8777-777777777777", ["name", "link"]),
        ["come-along-received"] = ("99999999-9999-4999-8999-999999999999", []),
        ["how-did-it-go"] = ("88888888-8888-4888-8888-888888888888", ["link"]),
        ["email"] = ("66666666-6666-4666-8666-666666666666", ["subject", "body"]),
        ["space-link"] = ("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", ["link"]),
    };

    private readonly WebApplication _app;
    private int _failNext;
    private readonly ConcurrentDictionary<string, byte> _refusedNumbers = new(StringComparer.Ordinal);

    public NotifyStandIn()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v2/notifications/sms", context => Guarded(context, sms: true));
        _app.MapPost("/v2/notifications/email", context => Guarded(context, sms: false));
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<Sent> Texts { get; } = new();
    public ConcurrentQueue<Sent> Emails { get; } = new();

    /// <summary>Every request the stand-in refused, with why (for a test that expects none).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>Requests answered so far, accepted or not.</summary>
    public int Requests => _requests;
    private int _requests;

    /// <summary>The settings that point the hub at this stand-in.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
        new Dictionary<string, string?> { ["Hub:Notify:ApiKey"] = ApiKey, ["Hub:Notify:BaseUrl"] = BaseUrl, ["Hub:Notify:CallbackBearerToken"] = CallbackToken }
            .Concat(Templates.Select(t => new KeyValuePair<string, string?>($"Hub:Notify:Templates:{t.Key}", t.Value.Id)));

    public const string CallbackToken = "callback-token-for-tests-0123456789abcdef";

    /// <summary>The next <paramref name="times"/> requests get 500, as Notify does when it is down.</summary>
    public void FailNext(int times) => Interlocked.Exchange(ref _failNext, times);

    /// <summary>Texts to this number get 400, as Notify answers a number it will never send to.</summary>
    public void RefuseNumber(string digits) => _refusedNumbers[digits] = 0;

    public sealed record Sent(string Id, string To, string TemplateId, IReadOnlyDictionary<string, string> Personalisation, string? Reference);

    private async Task Guarded(HttpContext context, bool sms)
    {
        try
        {
            await Handle(context, sms);
        }
        catch (Exception ex)
        {
            Refusals.Enqueue("stand-in fault: " + ex);
            throw;
        }
    }

    private async Task Handle(HttpContext context, bool sms)
    {
        Interlocked.Increment(ref _requests);
        if (TakeFailure())
        {
            await Error(context, 500, "Exception", "Internal server error");
            return;
        }
        if (CheckToken(context.Request.Headers.Authorization.ToString()) is { } tokenProblem)
        {
            await Error(context, 403, "AuthError", tokenProblem);
            return;
        }
        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var root = json.RootElement;
        var templateId = root.TryGetProperty("template_id", out var t) ? t.GetString() : null;
        var template = Templates.Values.FirstOrDefault(v => v.Id == templateId);
        if (template.Id is null)
        {
            await Error(context, 400, "BadRequestError", "Template not found");
            return;
        }
        var personalisation = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("personalisation", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in p.EnumerateObject())
            {
                personalisation[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.ToString();
            }
        }
        if (template.Fields.FirstOrDefault(f => !personalisation.ContainsKey(f)) is { } missing)
        {
            await Error(context, 400, "BadRequestError", $"Missing personalisation: {missing}");
            return;
        }
        var to = sms ? (root.TryGetProperty("phone_number", out var n) ? n.GetString() : null) : (root.TryGetProperty("email_address", out var e) ? e.GetString() : null);
        if (sms && (to is null || UkMobile(to) is not { } digits))
        {
            await Error(context, 400, "ValidationError", "phone_number Not a UK mobile number");
            return;
        }
        if (sms && _refusedNumbers.ContainsKey(UkMobile(to!)!))
        {
            await Error(context, 400, "BadRequestError", "Can't send to this recipient using a team-only API key");
            return;
        }
        if (!sms && (to is null || !to.Contains('@', StringComparison.Ordinal)))
        {
            await Error(context, 400, "ValidationError", "email_address Not a valid email address");
            return;
        }
        var id = Guid.NewGuid().ToString();
        var reference = root.TryGetProperty("reference", out var r) ? r.GetString() : null;
        (sms ? Texts : Emails).Enqueue(new Sent(id, to!, templateId!, personalisation, reference));
        context.Response.StatusCode = 201;
        var body = string.Join(" ", personalisation.Values);
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["reference"] = reference,
            ["content"] = sms ? new Dictionary<string, object?> { ["body"] = body, ["from_number"] = "LivingWell" }
                : new Dictionary<string, object?> { ["body"] = body, ["subject"] = personalisation.GetValueOrDefault("subject"), ["from_email"] = "hub@notifications.service.gov.uk" },
            ["uri"] = $"{BaseUrl}/v2/notifications/{id}",
            ["template"] = new Dictionary<string, object?> { ["id"] = templateId, ["version"] = 1, ["uri"] = $"{BaseUrl}/v2/templates/{templateId}" },
        });
    }

    private bool TakeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failNext);
            if (left <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _failNext, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    /// <summary>Why Notify would refuse this Authorization header, or null: the JWT must be HS256, signed with the secret, iss the service id, iat fresh.</summary>
    private string? CheckToken(string header)
    {
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return "Unauthorized, authentication token must be provided";
        }
        var parts = header["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return "Invalid token: not a JWT";
        }
        using var key = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = key.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2])))
        {
            return "Invalid token: signature";
        }
        using var head = JsonDocument.Parse(FromBase64Url(parts[0]));
        if (head.RootElement.GetProperty("alg").GetString() != "HS256")
        {
            return "Invalid token: algorithm";
        }
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        if (!claims.RootElement.TryGetProperty("iss", out var iss) || iss.GetString() != ServiceId)
        {
            return "Invalid token: service id";
        }
        // Notify reads iat as PyJWT does: a number of seconds (int() of it must work).
        if (!claims.RootElement.TryGetProperty("iat", out var iat) || IssuedAt(iat) is not { } issued || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - issued) > 30)
        {
            return "Error: Your system clock must be accurate to within 30 seconds";
        }
        return null;
    }

    private static double? IssuedAt(JsonElement iat) => iat.ValueKind switch
    {
        JsonValueKind.Number => iat.GetDouble(),
        JsonValueKind.String when double.TryParse(iat.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) => seconds,
        _ => null,
    };

    /// <summary>The number as 07 and nine digits when it is a UK mobile in any way Notify accepts (spaces, dashes, brackets, +44, 0044), or null.</summary>
    public static string? UkMobile(string number)
    {
        var digits = NotDigits().Replace(number, string.Empty);
        if (NotNumberCharacters().IsMatch(number))
        {
            return null;
        }
        digits = digits.StartsWith("0044", StringComparison.Ordinal) ? digits[4..] : digits.StartsWith("44", StringComparison.Ordinal) && number.TrimStart().StartsWith('+') ? digits[2..] : digits;
        digits = digits.StartsWith('0') ? digits[1..] : digits;
        return digits.Length == 10 && digits[0] == '7' ? "0" + digits : null;
    }

    private async Task Error(HttpContext context, int status, string error, string message)
    {
        Refusals.Enqueue($"{status} {error}: {message}");
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { status_code = status, errors = new[] { new { error, message } } });
    }

    private static byte[] FromBase64Url(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    [GeneratedRegex("[^0-9]")]
    private static partial Regex NotDigits();

    [GeneratedRegex(@"[^0-9 ()+\-]")]
    private static partial Regex NotNumberCharacters();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
