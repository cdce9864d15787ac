using Hub.Application.Common.Interfaces;
using Hub.Application.Dashboards.GetDashboard;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Reports;

/// <summary>What a report can cover, and how it is named: shared by asking, making and listing reports.</summary>
public static class ReportScopes
{
    /// <summary>Every team with its organisation and sector, by sector then name: the dashboard's and the reports' choice of team.</summary>
    public static async Task<IReadOnlyList<TeamOption>> TeamsAsync(IApplicationDbContext db, CancellationToken cancellationToken) =>
        await (
            from t in db.Teams.AsNoTracking()
            join o in db.Organisations on t.OrganisationId equals o.Id
            orderby o.Sector, t.Name
            select new TeamOption(t.Id, t.Name, o.Name, o.Sector)).ToListAsync(cancellationToken);

    /// <summary>The calendar month before the one <paramref name="today"/> is in: what the monthly report and the form's default cover.</summary>
    public static (DateOnly From, DateOnly To) LastMonth(DateOnly today)
    {
        var to = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        return (new DateOnly(to.Year, to.Month, 1), to);
    }

    public const string WholeHub = "The whole hub";

    /// <summary>The scope's name as reports show it, or null when the team does not exist.</summary>
    public static async Task<string?> LabelAsync(IApplicationDbContext db, Guid? teamId, string? neighbourhood, CancellationToken cancellationToken)
    {
        if (teamId is { } id)
        {
            return await (
                from t in db.Teams
                join o in db.Organisations on t.OrganisationId equals o.Id
                where t.Id == id
                select t.Name + " (" + o.Name + ")").FirstOrDefaultAsync(cancellationToken);
        }
        return neighbourhood is null ? WholeHub : $"People living in {neighbourhood}";
    }

    /// <summary>
    /// The partnership's neighbourhoods, as its members and community offers name them: the only
    /// ones a report may cover or name.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NeighbourhoodsAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var fromMembers = await db.TeamMembers.AsNoTracking().Where(m => m.LeftAt == null).Select(m => m.Neighbourhoods).ToListAsync(cancellationToken);
        var fromOffers = await db.CommunityOffers.AsNoTracking().Where(o => o.Active && o.Neighbourhood != null).Select(o => o.Neighbourhood!).Distinct().ToListAsync(cancellationToken);
        return fromMembers.SelectMany(n => n).Concat(fromOffers)
            .Select(n => n.Trim()).Where(n => n.Length is > 0 and <= 100)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
