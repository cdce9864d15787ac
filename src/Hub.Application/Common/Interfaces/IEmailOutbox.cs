using Hub.Application.Common.Messaging;

namespace Hub.Application.Common.Interfaces;

/// <summary>
/// Queues a message (an email, or a text through GOV.UK Notify) to be sent after the current change
/// commits: the message is stored with the handler's next save, in the same transaction, and a
/// background job sends it. A message that cannot be sent is marked failed with its reason, never
/// dropped in silence. Bodies must hold no more personal data than the recipient needs.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(OutgoingEmail email);

    /// <summary>Queues a text message: a Notify template and its personalisation, never free text.</summary>
    void Enqueue(OutgoingText text);

    /// <summary>What was queued for a person and what became of it (for staff on the record and the plan page), newest first.</summary>
    Task<IReadOnlyList<PersonMessage>> ForPerson(Guid personId, CancellationToken cancellationToken);

    /// <summary>
    /// Every email and text queued for these people, or for any of these addresses or numbers (rows from
    /// before messages carried a person), without their content: for a subject access export.
    /// </summary>
    Task<IReadOnlyList<PersonalData.ExportPersonalData.SentMessage>> SentTo(IReadOnlyCollection<Guid> personIds, IReadOnlyCollection<string> addresses,
        IReadOnlyCollection<string> numbers, CancellationToken cancellationToken);

    /// <summary>Deletes every email queued for these addresses (a record destroyed at the end of retention).</summary>
    Task<int> Forget(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken);

    /// <summary>Deletes every message (email or text) queued for these people (a record destroyed at the end of retention).</summary>
    Task<int> ForgetPeople(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the messages of these purposes only, to any of these addresses or numbers (a community
    /// record erased at the end of its retention; the same address's messages about a hub record stay).
    /// </summary>
    Task<int> Forget(IReadOnlyCollection<string> addresses, IReadOnlyCollection<string> purposes, CancellationToken cancellationToken);

    /// <summary>Deletes the messages of these purposes that were sent, failed or cancelled before <paramref name="before"/> (spent sign-in links to addresses the hub keeps nowhere else).</summary>
    Task<int> ForgetSettled(IReadOnlyCollection<string> purposes, DateTimeOffset before, CancellationToken cancellationToken);
}

/// <param name="Purpose">Why it is sent (for example "triage-new-referral"); logged instead of the content.</param>
/// <param name="PersonId">The person it is for, when it is for a person: staff then see on the record whether it went.</param>
/// <param name="PlanLinkId">
/// A pending <see cref="Domain.SupportPlans.PlanAccessLink"/> whose token is minted when the message is
/// sent and put where the body says <see cref="PlanLinks.Placeholder"/> (docs/decisions/030).
/// </param>
public sealed record OutgoingEmail(string To, string Subject, string Body, string Purpose, Guid? PersonId = null, Guid? PlanLinkId = null);
