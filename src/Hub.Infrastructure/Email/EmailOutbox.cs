using Hub.Application.Common.Interfaces;
using Hub.Infrastructure.Persistence;

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
}
