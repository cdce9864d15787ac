using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Conversations;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.MyPlan;

internal static class OwnPlans
{
    /// <summary>
    /// The plan moved on while this change was made: refused by the plan's token, or, when another
    /// save from the same version committed first, by the unique version number (the database may
    /// meet the version's insert before the plan's update).
    /// </summary>
    public static bool IsPlanConflict(this IApplicationDbContext db, Exception ex) =>
        ex is PlanChangedException or DbUpdateConcurrencyException || (ex is DbUpdateException update && db.IsUniqueViolation(update));

    /// <summary>Who can be named as helping with a step: people from the person's network, their care team, and community offers they agreed.</summary>
    public static async Task<IReadOnlyList<Helper>> HelperOptions(this IApplicationDbContext db, SupportPlan plan, CancellationToken cancellationToken)
    {
        var network = await db.LatestConversationContent(plan.PersonId, plan.SpellId, cancellationToken);
        var team = await (from m in db.CareTeamMembers.AsNoTracking()
                          join t in db.TeamMembers on m.MemberId equals t.Id
                          where m.SpellId == plan.SpellId && m.LeftAt == null
                          select new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var offers = await (from l in db.CommunityLinks.AsNoTracking()
                            join o in db.CommunityOffers on l.OfferId equals o.Id
                            where l.SpellId == plan.SpellId
                            select new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return (network?.Network ?? []).Select(n => new Helper(HelperKind.NetworkPerson, n.Name, null))
            .Concat(team.Select(t => new Helper(HelperKind.CareTeamMember, t.Name, t.Id)))
            .Concat(offers.Select(o => new Helper(HelperKind.CommunityOffer, o.Name, o.Id)))
            .Distinct().ToList();
    }

    /// <summary>
    /// The plan, if it is the signed-in person's own; anyone else's reads as not found, so a person
    /// can never reach, or learn of, another person's plan.
    /// </summary>
    public static async Task<SupportPlan> OwnPlan(this IApplicationDbContext db, ICurrentPerson person, Guid planId, CancellationToken cancellationToken)
    {
        var personId = person.PersonId ?? throw new ForbiddenAccessException();
        return await db.SupportPlans.FirstOrDefaultAsync(p => p.Id == planId && p.PersonId == personId, cancellationToken)
            ?? throw new NotFoundException("Your plan");
    }
}
