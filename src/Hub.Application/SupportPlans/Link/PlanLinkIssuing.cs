using Hub.Application.Common.Interfaces;
using Hub.Domain.SupportPlans;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link;

/// <summary>A new link for a person: their earlier unused links stop working, so only the newest can open the plan.</summary>
public static class PlanLinkIssuing
{
    public static async Task<PlanAccessLink> IssueAsync(IApplicationDbContext db, Guid personId, Guid? issuedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earlier = await db.PlanAccessLinks.Where(l => l.PersonId == personId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(cancellationToken);
        earlier.ForEach(l => l.Revoke(now));
        var link = PlanAccessLink.Pending(personId, issuedBy, now);
        db.PlanAccessLinks.Add(link);
        return link;
    }
}
