using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.CareTeams;
using Hub.Domain.Spells;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CareTeams;

/// <summary>
/// Loads care teams whole (current members, offers waiting, declines in the queue) and stores what
/// they changed. The order the filtered unique indexes need is Infrastructure's concern: one save.
/// </summary>
public static class CareTeamStore
{
    public static async Task<CareTeam> LoadCareTeam(this IApplicationDbContext db, ReferralSpell spell, CancellationToken cancellationToken) =>
        (await db.LoadCareTeams([spell], cancellationToken)).Single();

    /// <summary>The care teams of <paramref name="spells"/> (tracked), three queries whatever their number.</summary>
    public static async Task<IReadOnlyList<CareTeam>> LoadCareTeams(this IApplicationDbContext db, IReadOnlyCollection<ReferralSpell> spells, CancellationToken cancellationToken)
    {
        var ids = spells.Select(s => s.Id).ToList();
        var members = await db.CareTeamMembers.Where(m => ids.Contains(m.SpellId) && m.LeftAt == null).ToListAsync(cancellationToken);
        var offers = await db.Handoffs.Where(h => ids.Contains(h.SpellId)
            && (h.Status == HandoffStatus.Pending || (h.Status == HandoffStatus.Declined && h.ResolvedAt == null))).ToListAsync(cancellationToken);
        return spells.Select(s => new CareTeam(s, members.Where(m => m.SpellId == s.Id), offers.Where(h => h.SpellId == s.Id))).ToList();
    }

    /// <summary>A member of staff as a care team sees them; null when they are not in the directory.</summary>
    public static Task<Colleague?> FindColleague(this IApplicationDbContext db, Guid memberId, CancellationToken cancellationToken) =>
        db.TeamMembers.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new Colleague(m.Id, m.Name, !m.Away && m.LeftAt == null)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Adds the memberships and offers the teams made and saves everything in one save (once per request).</summary>
    public static async Task SaveCareTeams(this IApplicationDbContext db, IEnumerable<CareTeam> teams, CancellationToken cancellationToken)
    {
        AddNewRows(db, teams);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static Task SaveCareTeam(this IApplicationDbContext db, CareTeam team, CancellationToken cancellationToken) =>
        db.SaveCareTeams([team], cancellationToken);

    /// <summary>
    /// Saves the team's changes; when someone changed the same team at the same moment (the unique
    /// indexes or an offer's version refuse the save), nothing is saved and the user is told why.
    /// </summary>
    public static Task SaveCareTeamOrRefuse(this IApplicationDbContext db, CareTeam team, string property, string message, CancellationToken cancellationToken) =>
        db.SaveCareTeamsOrRefuse([team], property, message, cancellationToken);

    public static async Task SaveCareTeamsOrRefuse(this IApplicationDbContext db, IEnumerable<CareTeam> teams, string property, string message, CancellationToken cancellationToken)
    {
        AddNewRows(db, teams);
        await db.SaveOrRefuseAsync(property, message, cancellationToken);
    }

    /// <summary>Saves the team's changes; false (and nothing saved) when someone changed it at the same moment.</summary>
    public static Task<bool> TrySaveCareTeam(this IApplicationDbContext db, CareTeam team, CancellationToken cancellationToken)
    {
        AddNewRows(db, [team]);
        return db.TrySaveAsync(cancellationToken);
    }

    /// <summary>Turns a refusal into the validation error the page shows against <paramref name="property"/>.</summary>
    public static void ThrowIfRefused(this CareTeamDecision decision, string property)
    {
        if (decision.Refusal is { } why && !decision.WasAlreadyAnswered)
        {
            throw Refuse.Because(property, why);
        }
    }

    private static void AddNewRows(IApplicationDbContext db, IEnumerable<CareTeam> teams)
    {
        foreach (var team in teams)
        {
            db.CareTeamMembers.AddRange(team.NewMembers);
            db.Handoffs.AddRange(team.NewOffers);
        }
    }
}
