using System.Net.Sockets;
using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using Hub.Application.Common;
using Hub.Application.Common.Messaging;
using Hub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Exceptions;

namespace Hub.Infrastructure.Email;

/// <summary>
/// Sends what is waiting in the outbox: email by SMTP (or Notify), texts by GOV.UK Notify. Each
/// message is claimed with one conditional update, so two instances never send the same message;
/// it is marked sent straight after the relay or Notify accepts it. No message can end a run or hold
/// up the others: any failure is recorded on that message alone. A failure that will not change
/// (an address that cannot be parsed, a mailbox or number refused for good) marks it failed at
/// once; any other is retried with a growing wait, and after <see cref="OutboxSettings.MaxAttempts"/>
/// tries the message is marked failed. Staff see failed messages on the record with what to do.
/// A message carrying a one-time link (a plan link, a space's sign-in link, a volunteer's invitation:
/// any <see cref="IOneTimeLinkMinter"/>) mints the link's token now, so none waits in the table
/// (docs/decisions/030, 042).
/// </summary>
public sealed class OutboxDispatcher(HubDbContext db, ISmtpSender smtp, INotifySender notify, HubAddress address, TimeProvider clock,
    IOptions<OutboxSettings> settings, ILogger<OutboxDispatcher> logger, IEnumerable<IOneTimeLinkMinter> minters)
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public async Task<int> DispatchAsync(string instance, int batchSize, CancellationToken cancellationToken)
    {
        var emailReady = notify.SendsEmail || smtp.IsConfigured;
        var textReady = notify.IsConfigured;
        if (!emailReady && !textReady)
        {
            return 0;
        }

        using var activity = Telemetry.HubTelemetry.Source.StartActivity("outbox dispatch");
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.CancelledAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .Where(m => (emailReady && m.Channel == MessageChannel.Email) || (textReady && m.Channel == MessageChannel.Text))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in due)
        {
            var claimedUntil = now + ClaimFor;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && m.CancelledAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil).SetProperty(m => m.ClaimedBy, instance), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance has it
            }

            var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
            string? providerId;
            try
            {
                var link = await MintLinkAsync(message, cancellationToken);
                if (message.PlanLinkId is not null && link is null)
                {
                    await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.CancelledAt, clock.GetUtcNow())
                        .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
                    logger.LogInformation("Outbox message {MessageId} ({Purpose}) not sent: its link was replaced or access ended", id, message.Purpose);
                    continue;
                }
                providerId = await SendAsync(message, link, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(message, instance, ex, cancellationToken);
                continue;
            }

            var sentAt = clock.GetUtcNow();
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.ProviderId, providerId)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
            logger.LogInformation("Outbox message {MessageId} ({Purpose}, {Channel}) sent", id, message.Purpose, message.Channel);
            sent++;
            Telemetry.HubTelemetry.OutboxSent.Add(1);
        }
        activity?.SetTag("hub.outbox.due", due.Count);
        activity?.SetTag("hub.outbox.sent", sent);
        return sent;
    }

    /// <summary>The one-time link this message carries, minted now; null when it carries none or the link may no longer be used.</summary>
    private async Task<string?> MintLinkAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.PlanLinkId is not { } linkId)
        {
            return null;
        }
        var at = clock.GetUtcNow();
        string? path = null;
        foreach (var minter in minters)
        {
            path = await minter.MintAsync(linkId, at, cancellationToken);
            if (path is not null)
            {
                break;
            }
        }
        if (path is null)
        {
            return null;
        }
        await db.SaveChangesAsync(cancellationToken); // the hash of the token about to be sent; the token itself only in memory
        db.ChangeTracker.Clear();
        return address.Link(path);
    }

    private async Task<string?> SendAsync(OutboxMessage message, string? link, CancellationToken cancellationToken)
    {
        var reference = message.Id.ToString("N");
        if (message.Channel == MessageChannel.Text)
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(message.Personalisation ?? "{}") ?? [];
            var personalisation = values.ToDictionary(v => v.Key, v => link is not null ? v.Value.Replace(PlanLinks.Placeholder, link, StringComparison.Ordinal) : v.Value);
            return await notify.SendTextAsync(message.To, message.Template ?? string.Empty, personalisation, reference, cancellationToken);
        }
        var body = link is not null ? message.Body.Replace(PlanLinks.Placeholder, link, StringComparison.Ordinal) : message.Body;
        if (!Application.Common.Validation.EmailAddressRules.IsDeliverable(message.To))
        {
            throw new AddressRefusedException(); // an address from before the rule at entry: never sent somewhere it does not read
        }
        if (notify.SendsEmail)
        {
            return await notify.SendEmailAsync(message.To, message.Subject, body, reference, cancellationToken);
        }
        message.Body = body; // this copy is not tracked: the link never reaches the table
        await smtp.SendAsync(message, cancellationToken);
        return null;
    }

    private async Task RecordFailureAsync(OutboxMessage message, string instance, Exception ex, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var attempts = message.Attempts + 1;
        // The kind of failure and its code only: never the message, which may quote the recipient.
        var error = ex switch
        {
            SmtpCommandException command => $"{ex.GetType().Name} {command.StatusCode}",
            SocketException socket => $"{ex.GetType().Name} {socket.SocketErrorCode}",
            NotifyClientException => $"{ex.GetType().Name} {NotifyStatus(ex) ?? 0}",
            AddressRefusedException => "AddressRefused",
            _ => ex.GetType().Name,
        };
        var giveUp = IsPermanent(ex) || attempts >= settings.Value.MaxAttempts;
        var now = clock.GetUtcNow();
        var retryAt = now + Backoff(attempts);
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == instance).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptAt, retryAt)
            .SetProperty(m => m.FailedAt, giveUp ? now : null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        Telemetry.HubTelemetry.OutboxFailed.Add(1, new KeyValuePair<string, object?>("error", ex.GetType().Name), new KeyValuePair<string, object?>("final", giveUp));
        if (giveUp)
        {
            logger.LogWarning("Outbox message {MessageId} ({Purpose}, {Channel}) failed for good on attempt {Attempt}: {Error}", message.Id, message.Purpose, message.Channel, attempts, error);
        }
        else
        {
            logger.LogWarning("Outbox message {MessageId} ({Purpose}, {Channel}) failed on attempt {Attempt}: {Error}", message.Id, message.Purpose, message.Channel, attempts, error);
        }
    }

    /// <summary>Failures a retry cannot mend: the address or number itself is refused, or the hub lacks a template.</summary>
    private static bool IsPermanent(Exception ex) => ex switch
    {
        AddressRefusedException or MissingTemplateException or MimeKit.ParseException or FormatException => true,
        SmtpCommandException command => (int)command.StatusCode >= 500 && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted,
        NotifyClientException => NotifyStatus(ex) is 400 or 403,
        _ => false,
    };

    /// <summary>The HTTP status in the client's message ("Status code 400. …"), never the rest of it.</summary>
    private static int? NotifyStatus(Exception ex)
    {
        const string prefix = "Status code ";
        var text = ex.Message;
        var at = text.IndexOf(prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var digits = new string(text.AsSpan(at + prefix.Length).ToArray().TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var status) ? status : null;
    }

    /// <summary>1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>A stored address the hub's own rule refuses (it would go somewhere other than it reads).</summary>
    private sealed class AddressRefusedException : Exception;
}
