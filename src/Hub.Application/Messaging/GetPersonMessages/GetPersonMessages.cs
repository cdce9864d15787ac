using Hub.Application.Common.Access;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Messaging.GetPersonMessages;

/// <summary>
/// The messages the hub queued for the person on a referral (texts and emails), newest first, with
/// where each stands, and how a message can reach them now or why none can. Part of a page that
/// already audits its view of the record, so it writes no audit row of its own.
/// </summary>
public sealed record GetPersonMessages(Guid ReferralId) : IRequest<PersonMessages>, IReferralScoped;

public sealed record PersonMessages(MessageRoute Route, IReadOnlyList<PersonMessage> Messages)
{
    /// <summary>Messages that did not arrive and still need someone to act.</summary>
    public IEnumerable<PersonMessage> NeedingAction => Messages.Where(m => m.State is MessageState.NotSent or MessageState.NotDelivered);
}

public sealed class GetPersonMessagesHandler(IApplicationDbContext db, IEmailOutbox outbox) : IRequestHandler<GetPersonMessages, PersonMessages>
{
    public async Task<PersonMessages> Handle(GetPersonMessages request, CancellationToken cancellationToken)
    {
        var person = await (from r in db.Referrals.AsNoTracking()
                            join p in db.People.AsNoTracking() on r.PersonId equals p.Id
                            where r.Id == request.ReferralId
                            select new { p.Id, p.Contact }).FirstAsync(cancellationToken);
        return new PersonMessages(MessageRoute.For(person.Contact), await outbox.ForPerson(person.Id, cancellationToken));
    }
}
