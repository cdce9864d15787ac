using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Hub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Infrastructure.Email;

/// <summary>
/// Sends what is waiting in the outbox. Each message is claimed with one conditional update, so
/// two instances never send the same message; it is marked sent straight after the SMTP server
/// accepts it. A failed send is retried later with a growing wait; a claim left by an instance that
/// died lapses and the message is picked up again.
/// </summary>
public sealed class OutboxDispatcher(HubDbContext db, ISmtpSender smtp, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public async Task<int> DispatchAsync(string instance, int batchSize, CancellationToken cancellationToken)
    {
        if (!smtp.IsConfigured)
        {
            return 0;
        }

        using var activity = Telemetry.HubTelemetry.Source.StartActivity("outbox dispatch");
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in due)
        {
            var claimedUntil = now + ClaimFor;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil).SetProperty(m => m.ClaimedBy, instance), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance has it
            }

            var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
            try
            {
                await smtp.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is CommandException or ProtocolException or AuthenticationException or SslHandshakeException
                or ServiceNotConnectedException or SocketException or IOException or InvalidOperationException or MimeKit.ParseException)
            {
                var attempts = message.Attempts + 1;
                // The kind of failure and its code only: never the message, which may quote the recipient.
                var error = ex switch
                {
                    SmtpCommandException command => $"{ex.GetType().Name} {command.StatusCode}",
                    SocketException socket => $"{ex.GetType().Name} {socket.SocketErrorCode}",
                    _ => ex.GetType().Name,
                };
                var retryAt = clock.GetUtcNow() + Backoff(attempts);
                await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == instance).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAt, retryAt)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
                Telemetry.HubTelemetry.OutboxFailed.Add(1, new KeyValuePair<string, object?>("error", ex.GetType().Name));
                logger.LogWarning("Outbox message {MessageId} ({Purpose}) failed on attempt {Attempt}: {Error}", id, message.Purpose, attempts, error);
                continue;
            }

            var sentAt = clock.GetUtcNow();
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
            logger.LogInformation("Outbox message {MessageId} ({Purpose}) sent", id, message.Purpose);
            sent++;
            Telemetry.HubTelemetry.OutboxSent.Add(1);
        }
        activity?.SetTag("hub.outbox.due", due.Count);
        activity?.SetTag("hub.outbox.sent", sent);
        return sent;
    }

    /// <summary>1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
