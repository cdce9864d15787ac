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
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 100)
        {
            return new ExchangeResult(null, null, LinkProblem.Expired);
        }
        var hash = PlanAccessLink.Hash(request.Token.Trim());
        var link = await db.PlanAccessLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (link is null)
        {
            return new ExchangeResult(null, null, LinkProblem.Expired);
        }
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
