using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.SupportPlans.Link.ExchangePlanLink;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link.ExchangePlanCode;

/// <summary>
/// The person types the printed code and gets a session, once. The handle finds the code; the
/// secret is compared by hash; a wrong secret counts against that code, which locks after
/// <see cref="PrintedCode.MaxFailedTries"/>. An unknown handle is audited, aggregated per hour.
/// Every refusal reads the same to the person.
/// </summary>
public sealed record ExchangePlanCode(string? Code) : IRequest<ExchangeResult>;

public sealed class ExchangePlanCodeHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock) : IRequestHandler<ExchangePlanCode, ExchangeResult>
{
    public async Task<ExchangeResult> Handle(ExchangePlanCode request, CancellationToken cancellationToken)
    {
        var parsed = PrintedCode.Parse(request.Code);
        var code = parsed is { } p ? await db.PlanAccessLinks.FirstOrDefaultAsync(l => l.Handle == p.Handle && l.Kind == AccessKind.PrintedCode, cancellationToken) : null;
        if (code is null)
        {
            await PersonRefusals.RecordAsync(db, audit, clock, PersonRefusals.UnknownCode, null, nameof(PlanAccessLink), Guid.Empty, "Person: unknown code refused", cancellationToken);
            return new ExchangeResult(null, null, LinkProblem.Expired);
        }
        var now = clock.GetUtcNow();
        if (code.ProblemAt(now) is { } problem)
        {
            audit.Record(AuditAction.Denied, code.PersonId, nameof(PlanAccessLink), code.Id, $"Person: code refused ({problem})");
            await db.SaveChangesAsync(cancellationToken);
            return new ExchangeResult(null, null, problem);
        }
        if (!code.CheckSecret(parsed!.Value.Secret, now))
        {
            audit.Record(AuditAction.Denied, code.PersonId, nameof(PlanAccessLink), code.Id,
                code.RevokedAt is null ? "Person: code refused (wrong)" : "Person: code locked after repeated wrong tries");
            await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency);
            return new ExchangeResult(null, null, code.RevokedAt is null ? LinkProblem.Expired : LinkProblem.Revoked);
        }
        var session = code.Use(now);
        db.PersonSessions.Add(session);
        audit.Record(AuditAction.Create, code.PersonId, nameof(PersonSession), session.Id, "Person: signed in with a printed code");
        if (!await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency))
        {
            return new ExchangeResult(null, null, LinkProblem.AlreadyUsed);
        }
        return new ExchangeResult(session.Id, code.PersonId, null);
    }
}
