namespace Hub.Infrastructure.Email;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that caused it. A
/// dispatcher claims it for a while, sends it and marks it sent; a claim that lapses (the instance
/// died) lets another instance pick it up.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Purpose { get; set; } = string.Empty;
    public string To { get; set; } = string.Empty;
    public string Subject { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The kind of the last failure (exception type and SMTP status), never addresses or content.</summary>
    public string? LastError { get; set; }

    /// <summary>Email (SMTP, or Notify when configured) or text (Notify).</summary>
    public Hub.Application.Common.Messaging.MessageChannel Channel { get; set; } = Hub.Application.Common.Messaging.MessageChannel.Email;

    /// <summary>The person it is for, so staff see on the record whether it went.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>A text's Notify template key; an email through Notify uses the generic email template.</summary>
    public string? Template { get; set; }

    /// <summary>A text's personalisation as JSON: only what its template shows.</summary>
    public string? Personalisation { get; set; }

    /// <summary>A pending plan link minted when this message is sent (docs/decisions/030).</summary>
    public Guid? PlanLinkId { get; set; }

    /// <summary>Given up: a permanent refusal, or the last of <see cref="OutboxDispatcher.MaxAttempts"/> tries; <see cref="LastError"/> says why.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>Not sent because its link was replaced by a newer one or access was ended.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Notify's id for the notification, to match its delivery receipts.</summary>
    public string? ProviderId { get; set; }

    /// <summary>Notify's last delivery status: delivered, permanent-failure, temporary-failure or technical-failure.</summary>
    public string? Delivery { get; set; }

    public DateTimeOffset? DeliveryAt { get; set; }
}
