using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Conversations;
using Hub.Application.SupportPlans.Link;
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
        // Groups already in the plan (a suggested group step the person accepted) stay choosable, so saving keeps them.
        var named = plan.Content.Steps.SelectMany(s => s.Helpers).Where(h => h.Kind == HelperKind.CommunityOffer);
        return (network?.Network ?? []).Select(n => new Helper(HelperKind.NetworkPerson, n.Name, null))
            .Concat(team.Select(t => new Helper(HelperKind.CareTeamMember, t.Name, t.Id)))
            .Concat(offers.Select(o => new Helper(HelperKind.CommunityOffer, o.Name, o.Id)))
            .Concat(named)
            .DistinctBy(h => (h.Kind, h.ReferenceId, h.ReferenceId is null ? h.Name : null)).ToList();
    }

    /// <summary>
    /// The plan, if it is the signed-in person's own; anyone else's reads as not found, so a person
    /// can never reach, or learn of, another person's plan. The refusal is audited (<see cref="RefusedAsync"/>).
    /// </summary>
    public static async Task<SupportPlan> OwnPlan(this IApplicationDbContext db, ICurrentPerson person, Guid planId, AuditTrail audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var personId = person.PersonId ?? throw new ForbiddenAccessException();
        return await db.SupportPlans.FirstOrDefaultAsync(p => p.Id == planId && p.PersonId == personId, cancellationToken)
            ?? throw await db.RefusedAsync(audit, clock, personId, nameof(SupportPlan), planId, "Your plan", cancellationToken);
    }

    /// <summary>
    /// A person's session asked for a record that is not theirs (another person's, or none at all):
    /// audited against the person whose session asked, naming the record asked for, and answered as
    /// not found either way. The first such refusal of each person in an hour writes the audit row;
    /// the rest are counted (<see cref="PersonRefusals"/>), so one session cannot flood the audit table.
    /// </summary>
    public static async Task<NotFoundException> RefusedAsync(this IApplicationDbContext db, AuditTrail audit, TimeProvider clock, Guid personId,
        string recordType, Guid recordId, string what, CancellationToken cancellationToken)
    {
        db.DiscardChanges();
        await PersonRefusals.RecordAsync(db, audit, clock, PersonRefusals.NotTheirs(personId), personId, recordType, recordId,
            $"Person: {recordType} that is not theirs refused", cancellationToken);
        return new NotFoundException(what);
    }
}
