using Hub.Application.Common.Interfaces;
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
        });
    }

    public async Task<IReadOnlyList<SentEmail>> SentTo(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var lower = Lower(addresses);
        return lower.Count == 0 ? [] : await db.OutboxMessages.AsNoTracking()
            .Where(m => lower.Contains(m.To.ToLower()))
            .OrderBy(m => m.CreatedAt)
            .Select(m => new SentEmail(m.Purpose, m.Subject, m.CreatedAt, m.SentAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> Forget(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var lower = Lower(addresses);
        return lower.Count == 0 ? 0 : await db.OutboxMessages.Where(m => lower.Contains(m.To.ToLower())).ExecuteDeleteAsync(cancellationToken);
    }

    private static List<string> Lower(IReadOnlyCollection<string> addresses) =>
        addresses.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct().ToList();
}
