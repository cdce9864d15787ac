using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Connect.SearchGroups;
using Hub.Domain.Audit;
using Hub.Domain.People;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.ForPeople.FindGroupsForPerson;

/// <summary>
/// The groups staff can send a person or suggest as a step in their plan: the public directory's
/// search in the hub's own area, beside how a message can reach the person and whether they have a
/// plan. An audited view of the person's record.
/// </summary>
public sealed record FindGroupsForPerson(Guid ReferralId, string HomeArea, string? Text, int Page = 1) : IRequest<GroupsForPerson>, IReferralScoped;

/// <param name="Route">How a group's page would reach the person, or why it cannot.</param>
/// <param name="HasPlan">A group can be suggested as a step only once the person has a plan.</param>
public sealed record GroupsForPerson(string Reference, MessageRoute Route, bool HasPlan, GroupSearch Search);

public sealed class FindGroupsForPersonHandler(IApplicationDbContext db, AuditTrail audit, IMediator mediator) : IRequestHandler<FindGroupsForPerson, GroupsForPerson>
{
    public async Task<GroupsForPerson> Handle(FindGroupsForPerson request, CancellationToken cancellationToken)
    {
        var person = await (from r in db.Referrals.AsNoTracking()
                            join p in db.People.AsNoTracking() on r.PersonId equals p.Id
                            where r.Id == request.ReferralId
                            select new { p.Id, p.Contact, r.Reference, r.SpellId }).FirstAsync(cancellationToken);
        var hasPlan = await db.SupportPlans.AnyAsync(p => p.SpellId == person.SpellId, cancellationToken);
        var text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim();
        var search = await mediator.Send(new SearchGroups.SearchGroups(new DirectoryFilter(request.HomeArea) { Text = text }, request.Page), cancellationToken);
        audit.Record(AuditAction.View, person.Id, nameof(Person), person.Id, "Connect and Do: find a group for the person");
        await db.SaveChangesAsync(cancellationToken);
        return new GroupsForPerson(person.Reference, MessageRoute.For(person.Contact), hasPlan, search);
    }
}
