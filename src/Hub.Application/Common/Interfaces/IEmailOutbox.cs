namespace Hub.Application.Common.Interfaces;

/// <summary>
/// Queues an email to be sent after the current change commits: the message is stored with the
/// handler's next save, in the same transaction, and a background job sends it exactly once.
/// Bodies must hold no more personal data than the recipient needs.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(OutgoingEmail email);
}

/// <param name="Purpose">Why it is sent (for example "triage-new-referral"); logged instead of the content.</param>
public sealed record OutgoingEmail(string To, string Subject, string Body, string Purpose);
