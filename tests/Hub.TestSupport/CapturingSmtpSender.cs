using System.Collections.Concurrent;
using Hub.Infrastructure.Email;

namespace Hub.TestSupport;

/// <summary>
/// Keeps each email the outbox hands to the SMTP step, with the body as it would go (a minted link
/// included), for tests about what was sent rather than about SMTP itself (those use
/// <see cref="SmtpServer"/>). The stored outbox row is never touched.
/// </summary>
public sealed class CapturingSmtpSender : ISmtpSender
{
    public bool IsConfigured => true;

    public ConcurrentQueue<(string To, string Subject, string Body, string Purpose)> Sent { get; } = new();

    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue((message.To, message.Subject, message.Body, message.Purpose));
        return Task.CompletedTask;
    }
}
