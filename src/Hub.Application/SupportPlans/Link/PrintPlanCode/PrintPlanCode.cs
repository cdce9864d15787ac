using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link.PrintPlanCode;

/// <summary>
/// Staff print a one-time code to hand the person when they meet: the way in for someone with
/// neither email nor mobile (docs/decisions/031). The code is returned once, to print, and only
/// its hash is kept; the person's earlier unused links and codes stop working.
/// </summary>
public sealed record PrintPlanCode(Guid ReferralId) : IRequest<PrintedPlanCode>, IReferralScoped;

/// <param name="Code">The code to print, in groups of four; shown once and never stored.</param>
public sealed record PrintedPlanCode(string Code, DateTimeOffset ExpiresAt);

public sealed class PrintPlanCodeHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<PrintPlanCode, PrintedPlanCode>
{
    public async Task<PrintedPlanCode> Handle(PrintPlanCode request, CancellationToken cancellationToken)
    {
        var found = await db.Referrals.AsNoTracking().Where(r => r.Id == request.ReferralId).Select(r => new { r.PersonId, r.SpellId }).FirstAsync(cancellationToken);
        if (!await db.SupportPlans.AnyAsync(p => p.SpellId == found.SpellId, cancellationToken))
        {
            throw Refuse.Because("Code", "Start the person's plan first");
        }
        var now = clock.GetUtcNow();
        var earlier = await db.PlanAccessLinks.Where(l => l.PersonId == found.PersonId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(cancellationToken);
        earlier.ForEach(l => l.Revoke(now));
        var (code, printed) = PlanAccessLink.PrintCode(found.PersonId, user.UserId ?? throw new Common.Exceptions.ForbiddenAccessException(), now);
        db.PlanAccessLinks.Add(code);
        audit.Record(AuditAction.Create, found.PersonId, nameof(PlanAccessLink), code.Id, "Support plan: print a code");
        await db.SaveChangesAsync(cancellationToken);
        return new PrintedPlanCode(printed, code.ExpiresAt);
    }
}
