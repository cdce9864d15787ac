namespace Hub.Application.Common.Interfaces;

/// <summary>
/// Queues an email to be sent after the current change commits: the message is stored with the
/// handler's next save, in the same transaction, and a background job sends it exactly once.
/// Bodies must hold no more personal data than the recipient needs.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(OutgoingEmail email);

    /// <summary>Emails queued for any of these addresses, without their content (for a subject access export).</summary>
    Task<IReadOnlyList<PersonalData.ExportPersonalData.SentEmail>> SentTo(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken);

    /// <summary>Deletes every email queued for these addresses (a record destroyed at the end of retention).</summary>
    Task<int> Forget(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken);
}

/// <param name="Purpose">Why it is sent (for example "triage-new-referral"); logged instead of the content.</param>
public sealed record OutgoingEmail(string To, string Subject, string Body, string Purpose);
