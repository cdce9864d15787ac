using Hub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Infrastructure.Email;

/// <summary>
/// GOV.UK Notify's delivery receipts: each updates the message it names (by Notify's id, or by our
/// reference, the outbox id) to delivered, permanent-failure, temporary-failure or
/// technical-failure. A receipt for a message we do not hold changes nothing.
/// </summary>
public sealed class DeliveryReceipts(HubDbContext db, TimeProvider clock, ILogger<DeliveryReceipts> logger)
{
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
        { "delivered", "permanent-failure", "temporary-failure", "technical-failure" };

    /// <returns>True when a message was updated.</returns>
    public async Task<bool> RecordAsync(string? notifyId, string? reference, string? status, CancellationToken cancellationToken)
    {
        if (status is null || !Statuses.Contains(status))
        {
            return false;
        }
        Guid? outboxId = Guid.TryParseExact(reference, "N", out var parsed) ? parsed : null;
        if (string.IsNullOrEmpty(notifyId) && outboxId is null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var updated = await db.OutboxMessages
            .Where(m => m.SentAt != null && ((notifyId != null && m.ProviderId == notifyId) || (outboxId != null && m.Id == outboxId)))
            // A late "temporary" never overwrites a final answer.
            .Where(m => status != "temporary-failure" || m.Delivery == null || m.Delivery == "temporary-failure")
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Delivery, status).SetProperty(m => m.DeliveryAt, now), cancellationToken);
        logger.LogInformation("Delivery receipt {Status} matched {Updated} message(s)", status, updated);
        return updated > 0;
    }
}
