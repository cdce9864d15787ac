using Hub.Domain.CareTeams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// The order in which one save must reach the database so that the care team's filtered unique
/// indexes (one current lead per spell, each current member once) never see two rows at once: they
/// are checked row by row and cannot be deferred on every provider. First whoever steps down or
/// off (and everything else in the save), then whoever is promoted to lead, then new members.
/// The domain already keeps the rules; the indexes are the backstop against two saves at once.
/// </summary>
internal sealed class CareTeamSaveOrder
{
    // Entities, not entries: a step detaches and re-tracks rows, and a retry puts them back.
    private readonly List<(CareTeamMember Member, CareTeamRole Former)> promoted;
    private readonly List<CareTeamMember> joining;

    private CareTeamSaveOrder(List<(CareTeamMember, CareTeamRole)> promoted, List<CareTeamMember> joining)
    {
        this.promoted = promoted;
        this.joining = joining;
    }

    /// <summary>The order needed by the changes in <paramref name="tracker"/>, or null when one plain save is safe.</summary>
    public static CareTeamSaveOrder? Of(ChangeTracker tracker)
    {
        var changed = tracker.Entries<CareTeamMember>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var promoted = changed
            .Where(e => e.State == EntityState.Modified && e.Entity.Role == CareTeamRole.Lead && e.Property(m => m.Role).OriginalValue != CareTeamRole.Lead)
            .Select(e => (e.Entity, e.Property(m => m.Role).OriginalValue)).ToList();
        var joining = changed.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var steppingDownOrOff = changed.Count - promoted.Count - joining.Count;
        // Without a row stepping down or off in the same save, no two rows can clash.
        return steppingDownOrOff > 0 && promoted.Count + joining.Count > 0 ? new CareTeamSaveOrder(promoted, joining) : null;
    }

    /// <summary>Runs the save in its steps; <paramref name="save"/> is one plain save inside the caller's transaction.</summary>
    public async Task<int> SaveInSteps(DbContext context, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        // Held back: promotions wait at their former role, new members are not yet tracked.
        foreach (var (member, former) in promoted)
        {
            context.Entry(member).Property(m => m.Role).CurrentValue = former;
        }
        foreach (var member in joining)
        {
            context.Entry(member).State = EntityState.Detached;
        }
        var rows = await save(cancellationToken);
        if (promoted.Count > 0)
        {
            foreach (var (member, _) in promoted)
            {
                context.Entry(member).Property(m => m.Role).CurrentValue = CareTeamRole.Lead;
            }
            rows += await save(cancellationToken);
        }
        if (joining.Count > 0)
        {
            context.AddRange(joining);
            rows += await save(cancellationToken);
        }
        return rows;
    }
}
