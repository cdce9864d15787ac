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
}
