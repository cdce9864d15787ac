using System.Text.Json;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.PersonalData.ExportPersonalData;
using Hub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Infrastructure.Email;

internal sealed class EmailOutbox(HubDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(OutgoingEmail email)
    {
        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Purpose = email.Purpose,
            To = email.To,
            Subject = email.Subject,
            Body = email.Body,
            CreatedAt = now,
            NextAttemptAt = now,
            PersonId = email.PersonId,
            PlanLinkId = email.PlanLinkId,
        });
    }

    public void Enqueue(OutgoingText text)
    {
        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = MessageChannel.Text,
            Purpose = text.Purpose,
            To = text.To,
            Subject = string.Empty,
            Body = string.Empty,
            Template = text.Template,
            Personalisation = JsonSerializer.Serialize(text.Personalisation),
            CreatedAt = now,
            NextAttemptAt = now,
            PersonId = text.PersonId,
            PlanLinkId = text.PlanLinkId,
        });
    }

    public async Task<IReadOnlyList<PersonMessage>> ForPerson(Guid personId, CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.PersonId == personId).OrderByDescending(m => m.CreatedAt).Take(20)
            .Select(m => new { m.Id, m.Purpose, m.Channel, m.CreatedAt, m.SentAt, m.FailedAt, m.CancelledAt, m.Delivery, m.DeliveryAt, m.LastError, m.Attempts })
            .ToListAsync(cancellationToken);
        return rows.Select(m => new PersonMessage(m.Id, m.Purpose, m.Channel, StateOf(m.SentAt, m.FailedAt, m.CancelledAt, m.Delivery), m.CreatedAt, m.SentAt,
            m.DeliveryAt ?? m.FailedAt ?? m.CancelledAt, m.FailedAt is not null || m.Delivery is "permanent-failure" or "technical-failure" ? Explain(m.LastError, m.Delivery) : null,
            m.Attempts)).ToList();
    }

    private static MessageState StateOf(DateTimeOffset? sent, DateTimeOffset? failed, DateTimeOffset? cancelled, string? delivery) =>
        cancelled is not null ? MessageState.Cancelled
        : failed is not null ? MessageState.NotSent
        : sent is null ? MessageState.Queued
        : delivery switch
        {
            "delivered" => MessageState.Delivered,
            "permanent-failure" or "technical-failure" => MessageState.NotDelivered,
            "temporary-failure" => MessageState.DeliveryDelayed,
            _ => MessageState.Sent,
        };

    /// <summary>The recorded failure in words staff can act on (the record holds only its kind and code).</summary>
    private static string Explain(string? error, string? delivery) => delivery switch
    {
        "permanent-failure" => "The phone number or address does not exist or is not in use",
        "technical-failure" => "GOV.UK Notify could not send it",
        _ => error switch
        {
            null => "It could not be sent",
            _ when error.StartsWith(nameof(MimeKit.ParseException), StringComparison.Ordinal) || error.StartsWith("AddressRefused", StringComparison.Ordinal) => "The address cannot be used as it is written",
            _ when error.StartsWith("SmtpCommandException", StringComparison.Ordinal) => "The mail server refused it",
            _ when error.StartsWith("NotifyClientException 400", StringComparison.Ordinal) => "GOV.UK Notify refused it: the number or address is not one it can send to",
            _ when error.StartsWith(nameof(MissingTemplateException), StringComparison.Ordinal) => "The hub is not set up to send this kind of message: tell your administrator",
            _ => "It could not be sent after several tries",
        },
    };

    public async Task<IReadOnlyList<SentMessage>> SentTo(IReadOnlyCollection<Guid> personIds, IReadOnlyCollection<string> addresses, IReadOnlyCollection<string> numbers,
        CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        var lower = Lower(addresses);
        var phones = numbers.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.PersonId != null && ids.Contains(m.PersonId.Value)) || lower.Contains(m.To.ToLower())
                || (m.Channel == MessageChannel.Text && phones.Contains(m.To)))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Channel, m.To, m.Purpose, m.Template, m.Subject, m.CreatedAt, m.SentAt, m.FailedAt, m.CancelledAt, m.Delivery, m.DeliveryAt, m.Attempts })
            .ToListAsync(cancellationToken);
        return rows.Select(m =>
        {
            var state = new PersonMessage(m.Id, m.Purpose, m.Channel, StateOf(m.SentAt, m.FailedAt, m.CancelledAt, m.Delivery), m.CreatedAt, m.SentAt, null, null, m.Attempts);
            return new SentMessage(m.Channel, m.To, m.Purpose, state.What, m.Channel == MessageChannel.Text ? m.Template : null, m.Subject, m.CreatedAt, m.SentAt, state.State, state.StateText);
        }).ToList();
    }

    public async Task<int> Forget(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var lower = Lower(addresses);
        return lower.Count == 0 ? 0 : await db.OutboxMessages.Where(m => lower.Contains(m.To.ToLower())).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<int> ForgetPeople(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        personIds.Count == 0 ? 0 : await db.OutboxMessages.Where(m => m.PersonId != null && personIds.Contains(m.PersonId.Value)).ExecuteDeleteAsync(cancellationToken);

    public async Task<int> Forget(IReadOnlyCollection<string> addresses, IReadOnlyCollection<string> purposes, CancellationToken cancellationToken)
    {
        var lower = Lower(addresses);
        return lower.Count == 0 || purposes.Count == 0 ? 0
            : await db.OutboxMessages.Where(m => purposes.Contains(m.Purpose) && lower.Contains(m.To.ToLower())).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<int> ForgetSettled(IReadOnlyCollection<string> purposes, DateTimeOffset before, CancellationToken cancellationToken) =>
        purposes.Count == 0 ? 0 : await db.OutboxMessages
            .Where(m => purposes.Contains(m.Purpose) && ((m.SentAt != null && m.SentAt < before) || (m.FailedAt != null && m.FailedAt < before) || (m.CancelledAt != null && m.CancelledAt < before)))
            .ExecuteDeleteAsync(cancellationToken);

    private static List<string> Lower(IReadOnlyCollection<string> addresses) =>
        addresses.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct().ToList();
}
