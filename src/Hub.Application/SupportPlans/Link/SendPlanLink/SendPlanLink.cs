using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link.SendPlanLink;

/// <summary>
/// Sends the person a one-time sign-in link to their plan by email, through the outbox. Only to an
/// email address they gave; the message names no service and carries no clinical words.
/// </summary>
public sealed record SendPlanLink(Guid ReferralId) : IRequest<Unit>, IReferralScoped;

public sealed class SendPlanLinkHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock, IEmailOutbox outbox, HubAddress address)
    : IRequestHandler<SendPlanLink, Unit>
{
    public async Task<Unit> Handle(SendPlanLink request, CancellationToken cancellationToken)
    {
        var found = await (from r in db.Referrals.AsNoTracking()
                           join p in db.People on r.PersonId equals p.Id
                           where r.Id == request.ReferralId
                           select new { r.SpellId, Person = p }).FirstAsync(cancellationToken);
        if (!await db.SupportPlans.AnyAsync(p => p.SpellId == found.SpellId, cancellationToken))
        {
            throw Refuse.Because("Link", "Start the person's plan first");
        }
        if (found.Person.Contact.Email is not { } email)
        {
            throw Refuse.Because("Link", "The person has not given an email address. Add one with them first, or show them their plan in person");
        }
        var now = clock.GetUtcNow();
        var (link, token) = PlanAccessLink.Issue(found.Person.Id, user.UserId, now);
        db.PlanAccessLinks.Add(link);
        outbox.Enqueue(PlanLinkEmail.For(email, found.Person.PreferredName, address.Link("/my/link/" + token)));
        audit.Record(AuditAction.Create, found.Person.Id, nameof(PlanAccessLink), link.Id, "Support plan: send link");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
