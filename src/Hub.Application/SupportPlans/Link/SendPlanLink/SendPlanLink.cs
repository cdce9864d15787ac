using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link.SendPlanLink;

/// <summary>
/// Queues a one-time sign-in link to the person's plan, by text or email as they chose
/// (<see cref="MessageRoute"/>). A new link cancels their earlier unused ones. The answer is the
/// channel it will go by: the page says "queued", never "sent", until the outbox has sent it.
/// </summary>
public sealed record SendPlanLink(Guid ReferralId) : IRequest<MessageChannel>, IReferralScoped;

public sealed class SendPlanLinkHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock, IEmailOutbox outbox)
    : IRequestHandler<SendPlanLink, MessageChannel>
{
    public async Task<MessageChannel> Handle(SendPlanLink request, CancellationToken cancellationToken)
    {
        var found = await (from r in db.Referrals.AsNoTracking()
                           join p in db.People on r.PersonId equals p.Id
                           where r.Id == request.ReferralId
                           select new { r.SpellId, Person = p }).FirstAsync(cancellationToken);
        if (!await db.SupportPlans.AnyAsync(p => p.SpellId == found.SpellId, cancellationToken))
        {
            throw Refuse.Because("Link", "Start the person's plan first");
        }
        var route = MessageRoute.For(found.Person.Contact);
        if (route.Channel is not { } channel)
        {
            throw Refuse.Because("Link", route.WhyNot!);
        }
        var now = clock.GetUtcNow();
        var link = await PlanLinkIssuing.IssueAsync(db, found.Person.Id, user.UserId, now, cancellationToken);
        PlanLinkEmail.Enqueue(outbox, route, MessageRoute.FirstName(found.Person.PreferredName, found.Person.Contact), link.Id, found.Person.Id);
        audit.Record(AuditAction.Create, found.Person.Id, nameof(PlanAccessLink), link.Id, "Support plan: send link");
        await db.SaveChangesAsync(cancellationToken);
        return channel;
    }
}
