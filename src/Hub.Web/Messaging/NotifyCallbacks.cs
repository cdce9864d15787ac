using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Hub.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace Hub.Web.Messaging;

/// <summary>
/// Where GOV.UK Notify posts delivery receipts. Open to no one but Notify: the request must carry
/// the bearer token set in <c>Hub:Notify:CallbackBearerToken</c> (compared in constant time);
/// without the setting every receipt is refused. Anything else gets 401 and changes nothing.
/// </summary>
internal static class NotifyCallbacks
{
    public const string Path = "/notify/delivery-receipts";

    public static void MapNotifyCallbacks(this WebApplication app) =>
        app.MapPost(Path, async (HttpContext context, IOptions<NotifySettings> settings, DeliveryReceipts receipts, CancellationToken cancellationToken) =>
        {
            if (!Authorised(context.Request.Headers.Authorization.ToString(), settings.Value.CallbackBearerToken))
            {
                return Results.Unauthorized();
            }
            Receipt? receipt;
            try
            {
                receipt = await context.Request.ReadFromJsonAsync<Receipt>(cancellationToken);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
            {
                return Results.BadRequest();
            }
            if (receipt?.Status is null || !DeliveryReceipts.Statuses.Contains(receipt.Status))
            {
                return Results.BadRequest();
            }
            await receipts.RecordAsync(receipt.Id, receipt.Reference, receipt.Status, cancellationToken);
            return Results.NoContent(); // also for a message we do not hold: Notify need not retry it
        }).AllowAnonymous().DisableAntiforgery();

    private static bool Authorised(string header, string? token)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(token) || !header.StartsWith(scheme, StringComparison.Ordinal))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>The fields of Notify's callback the hub reads; the number, the address and the rest are ignored.</summary>
    private sealed record Receipt(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("reference")] string? Reference,
        [property: JsonPropertyName("status")] string? Status);
}
