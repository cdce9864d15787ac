using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Common.Saving;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link.ProcessPlanLinkRequests;

/// <summary>
/// The background half of a new-link request: finds the person by the address they typed, and
/// when they have a plan and their choices allow a message to that address, issues a new link
/// (ending their earlier unused ones) and queues it back to that same address. The typed address
/// is wiped either way. Runs with the outbox job. Returns how many requests it handled.
/// </summary>
public sealed record ProcessPlanLinkRequests(int BatchSize = 50) : IRequest<int>, IRoutineJobRequest;

public sealed class ProcessPlanLinkRequestsHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock, IEmailOutbox outbox)
    : IRequestHandler<ProcessPlanLinkRequests, int>
{
    public async Task<int> Handle(ProcessPlanLinkRequests request, CancellationToken cancellationToken)
    {
        var waiting = await db.PlanLinkRequests.Where(r => r.ProcessedAt == null).OrderBy(r => r.RequestedAt).Take(request.BatchSize).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var asked in waiting)
        {
            var address = asked.Address;
            asked.Processed(now);
            if (address is null)
            {
                continue;
            }
            var byEmail = address.Contains('@', StringComparison.Ordinal);
            var matching = byEmail ? db.People.Where(p => p.EmailKey == address) : db.People.Where(p => p.PhoneKey == address);
            var people = await matching.Where(p => p.MergedIntoPersonId == null && db.SupportPlans.Any(s => s.PersonId == p.Id)).Take(3).ToListAsync(cancellationToken);
            foreach (var person in people)
            {
                // Only back to what was typed, and only the way the person allows.
                var to = byEmail
                    ? (person.Contact.Email is { } e && person.Contact.SafeToLeaveMessage != false ? new MessageRoute(MessageChannel.Email, e, null) : null)
                    : (MessageRoute.TextTo(person.Contact) is { } phone ? new MessageRoute(MessageChannel.Text, phone, null) : null);
                if (to is null)
                {
                    audit.Record(AuditAction.Denied, person.Id, nameof(PlanLinkRequest), asked.Id, "Person: new link asked for, not sent (their choices do not allow it)");
                    continue;
                }
                var link = await PlanLinkIssuing.IssueAsync(db, person.Id, null, now, cancellationToken);
                PlanLinkEmail.Enqueue(outbox, to, MessageRoute.FirstName(person.PreferredName, person.Contact), link.Id, person.Id, "plan-link-request");
                audit.Record(AuditAction.Create, person.Id, nameof(PlanAccessLink), link.Id, "Person: asked for a new link");
            }
        }
        // Another worker answered these first: its links stand, ours are dropped.
        return await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency) ? waiting.Count : 0;
    }
}
