using Hub.Application.Common;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.People;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.ForPeople.SendGroupPage;

/// <summary>
/// Sends the person a Connect and Do group's public page, the way they chose (a text only when they
/// chose texts and said messages are safe; otherwise email; otherwise nothing, with why). The message
/// holds the group's name and its public link and nothing else: nothing about the person or why.
/// Queued in the outbox with the audit row; staff see on the record when it has gone.
/// </summary>
public sealed record SendGroupPage(Guid ReferralId, Guid GroupId) : IRequest<MessageChannel>, IReferralScoped;

public sealed class SendGroupPageHandler(IApplicationDbContext db, IEmailOutbox outbox, HubAddress address, AuditTrail audit) : IRequestHandler<SendGroupPage, MessageChannel>
{
    public const string Purpose = "group-page";

    public async Task<MessageChannel> Handle(SendGroupPage request, CancellationToken cancellationToken)
    {
        var person = await (from r in db.Referrals.AsNoTracking()
                            join p in db.People.AsNoTracking() on r.PersonId equals p.Id
                            where r.Id == request.ReferralId
                            select new { p.Id, p.PreferredName, p.Contact }).FirstAsync(cancellationToken);
        var group = await db.PublishedGroup(request.GroupId, cancellationToken);
        var route = MessageRoute.For(person.Contact);
        var link = address.Link(GroupsForPeople.PublicPath(group.Id));
        switch (route.Channel)
        {
            case MessageChannel.Text:
                outbox.Enqueue(new OutgoingText(route.To!, MessageTemplates.GroupPage, new Dictionary<string, string> { ["name"] = group.Name, ["link"] = link }, Purpose, person.Id));
                break;
            case MessageChannel.Email:
                var hello = MessageRoute.FirstName(person.PreferredName, person.Contact) is { } first ? "Hello " + first : "Hello";
                outbox.Enqueue(new OutgoingEmail(route.To!, $"A group you might like: {group.Name}",
                    $"{hello},\n\nHere is the page for {group.Name}, as we talked about. It says what happens, when and where, and how to join:\n\n{link}\n\nGo along only if you want to. You can look at it whenever you like.\n",
                    Purpose, person.Id));
                break;
            default:
                throw Refuse.Because(nameof(request.GroupId), route.WhyNot!);
        }
        audit.Record(AuditAction.Create, person.Id, nameof(Person), person.Id, "Connect and Do: send the person a group's page");
        await db.SaveChangesAsync(cancellationToken);
        return route.Channel!.Value;
    }
}
