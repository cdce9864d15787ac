using Hub.Application.Common.Interfaces;
using Hub.Domain.CareTeams;

namespace Hub.Application.CareTeams;

internal static class CareTeamSaving
{
    public static Task SaveInSteps(this IApplicationDbContext db, CareTeamMember? joining, CancellationToken cancellationToken) =>
        db.SaveInSteps(joining is null ? [] : [joining], cancellationToken);

    /// <summary>
    /// Saves the tracked changes (a lead stepping down or off) and then inserts the new places, in
    /// one transaction: the filtered unique indexes (one current lead, each member once) are
    /// checked row by row, so the old place must change before the new one arrives.
    /// </summary>
    public static async Task SaveInSteps(this IApplicationDbContext db, IReadOnlyCollection<CareTeamMember> joining, CancellationToken cancellationToken)
    {
        if (joining.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.CareTeamMembers.AddRange(joining);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
