using Hub.Application.Common.Interfaces;
using Hub.Domain.CareTeams;

namespace Hub.Application.CareTeams;

internal static class CareTeamSaving
{
    /// <summary>The current membership that <see cref="CareTeam.Join"/> will promote to lead, if any (call before it).</summary>
    public static CareTeamMember? ToBePromoted(IReadOnlyList<CareTeamMember> current, Guid memberId, CareTeamRole role) =>
        role == CareTeamRole.Lead ? current.FirstOrDefault(m => m.MemberId == memberId && m.Role != CareTeamRole.Lead) : null;

    /// <summary>
    /// Saves a change to care teams in steps inside one transaction, because the filtered unique
    /// indexes (one current lead per spell, each member once) are checked row by row: first the
    /// old leads step down or off, then the new leads are promoted, then new members are inserted.
    /// Each step can be repeated, so a retry after a transient fault replays them all.
    /// </summary>
    public static async Task SaveInSteps(this IApplicationDbContext db, IReadOnlyCollection<CareTeamMember> promoted,
        IReadOnlyCollection<CareTeamMember> joining, CancellationToken cancellationToken)
    {
        if (promoted.Count == 0 && joining.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await db.SaveInOneTransactionAsync(async token =>
        {
            foreach (var member in promoted)
            {
                member.BecomeInvolved();
            }
            await db.SaveChangesAsync(token);
            if (promoted.Count > 0)
            {
                foreach (var member in promoted)
                {
                    member.BecomeLead();
                }
                await db.SaveChangesAsync(token);
            }
            if (joining.Count > 0)
            {
                db.CareTeamMembers.AddRange(joining);
                await db.SaveChangesAsync(token);
            }
        }, cancellationToken);
    }

    public static Task SaveInSteps(this IApplicationDbContext db, CareTeamMember? promoted, CareTeamMember? joining, CancellationToken cancellationToken) =>
        db.SaveInSteps(promoted is null ? [] : [promoted], joining is null ? [] : [joining], cancellationToken);
}
