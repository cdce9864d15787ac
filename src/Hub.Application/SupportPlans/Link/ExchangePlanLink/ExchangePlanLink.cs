using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link.ExchangePlanLink;

/// <summary>Turns a sign-in link into a session, once. The token is looked up by its hash only.</summary>
public sealed record ExchangePlanLink(string? Token) : IRequest<ExchangeResult>;

/// <param name="Problem">Why the link did not work (null when it did); a forged or unknown link reads as expired.</param>
public sealed record ExchangeResult(Guid? SessionId, Guid? PersonId, LinkProblem? Problem);

public sealed class ExchangePlanLinkHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock) : IRequestHandler<ExchangePlanLink, ExchangeResult>
{
    public async Task<ExchangeResult> Handle(ExchangePlanLink request, CancellationToken cancellationToken)
    {
        var hash = string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 100 ? null : PlanAccessLink.Hash(request.Token.Trim());
        var link = hash is null ? null : await db.PlanAccessLinks.FirstOrDefaultAsync(l => l.TokenHash == hash && l.Kind == AccessKind.Link, cancellationToken);
        if (link is null)
        {
            // A guess, a mistyped or a forged link: audited, aggregated per hour.
            await PersonRefusals.RecordAsync(db, audit, clock, PersonRefusals.UnknownLink, null, nameof(PlanAccessLink), Guid.Empty, "Person: unknown link refused", cancellationToken);
            return new ExchangeResult(null, null, LinkProblem.Expired);
        }
        var now = clock.GetUtcNow();
        if (link.ProblemAt(now) is { } problem)
        {
            audit.Record(AuditAction.Denied, link.PersonId, nameof(PlanAccessLink), link.Id, $"Person: link refused ({problem})");
            await db.SaveChangesAsync(cancellationToken);
            return new ExchangeResult(null, null, problem);
        }
        var session = link.Use(now);
        db.PersonSessions.Add(session);
        audit.Record(AuditAction.Create, link.PersonId, nameof(PersonSession), session.Id, "Person: signed in from link");
        if (!await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency))
        {
            return new ExchangeResult(null, null, LinkProblem.AlreadyUsed);
        }
        return new ExchangeResult(session.Id, link.PersonId, null);
    }
}
