using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Directory;
using Hub.Application.Figures;
using Hub.Domain.CareTeams;
using Hub.Domain.Directory;
using Hub.Domain.Referrals;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Dashboards.GetDashboard;

/// <summary>
/// The team leader's dashboard for a period and scope: the four-week clock, caseloads against
/// capacity, flow, outcomes and equity. A fixed number of SQL commands whatever the hub's size.
/// </summary>
public sealed record GetDashboard(FigureFilter Filter) : IRequest<Dashboard>;

public sealed record Dashboard(HubFigures Figures, Caseloads Caseloads, IReadOnlyList<TeamOption> Teams, IReadOnlyList<string> Neighbourhoods);

public sealed record TeamOption(Guid Id, string Name, string Organisation, Sector Sector);

/// <summary>Live now, not for the period: work held against capacity, work with nobody yet, and offers waiting for an answer.</summary>
public sealed record Caseloads(IReadOnlyList<MemberCaseload> Members, IReadOnlyList<GroupCaseload> Teams, IReadOnlyList<GroupCaseload> Sectors, int Unallocated, int HandoffsAwaiting);

public sealed record MemberCaseload(Guid MemberId, string Name, Guid TeamId, string Team, Sector Sector, int Open, int Capacity, bool Away)
{
    public bool OverCapacity => Open > Capacity;
}

public sealed record GroupCaseload(string Name, int Open, int Capacity, int Members);

public sealed class GetDashboardValidator : AbstractValidator<GetDashboard>
{
    public GetDashboardValidator() => RuleFor(r => r.Filter).SetValidator(new FigureFilterValidator());
}

public sealed class GetDashboardHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<GetDashboard, Dashboard>
{
    public async Task<Dashboard> Handle(GetDashboard request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        var facts = await db.LoadFactsAsync(filter, clock.GetUtcNow(), cancellationToken);
        var figures = HubFigures.From(facts);

        var teams = await Reports.ReportScopes.TeamsAsync(db, cancellationToken);

        var caseloads = await CaseloadsAsync(filter, teams, cancellationToken);
        var neighbourhoods = figures.Equity.Single(t => t.Dimension == EquityDimension.Neighbourhood).Rows.Select(r => r.Group)
            .Where(n => n != EquityGroups.NotKnown)
            .Append(filter.Neighbourhood?.Trim() ?? string.Empty)
            .Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new Dashboard(figures, caseloads, teams, neighbourhoods);
    }

    private async Task<Caseloads> CaseloadsAsync(FigureFilter filter, IReadOnlyList<TeamOption> teams, CancellationToken cancellationToken)
    {
        var hood = string.IsNullOrWhiteSpace(filter.Neighbourhood) ? null : filter.Neighbourhood.Trim();
        var scopedToHood = hood is not null;
        var teamIds = teams.Where(t => (filter.TeamId is null || t.Id == filter.TeamId) && (filter.Sector is null || t.Sector == filter.Sector)).Select(t => t.Id).ToList();

        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => m.LeftAt == null && teamIds.Contains(m.TeamId))
            .Select(m => new { m.Id, m.Name, m.TeamId, m.CaseloadCapacity, m.Away })
            .ToListAsync(cancellationToken);

        var open = await db.CaseloadsByMember(hood, cancellationToken);

        // Like the allocation queue: open spells triaged into support with no lead and no lead offer waiting.
        var unallocated = await (
            from s in db.Spells.AsNoTracking()
            join p in db.People on s.PersonId equals p.Id
            where s.EndedAt == null
               && (!scopedToHood || p.Neighbourhood == hood)
               && db.Referrals.Any(r => r.SpellId == s.Id && r.Status == ReferralStatus.Open)
               && !db.CareTeamMembers.Any(m => m.SpellId == s.Id && m.LeftAt == null && m.Role == CareTeamRole.Lead)
               && !db.Handoffs.Any(h => h.SpellId == s.Id && h.Status == HandoffStatus.Pending && h.Role == CareTeamRole.Lead)
            select s.Id).CountAsync(cancellationToken);

        var memberIds = members.Select(m => m.Id).ToList();
        var awaiting = await db.Handoffs.AsNoTracking()
            .CountAsync(h => h.Status == HandoffStatus.Pending && (!filter.IsScoped || memberIds.Contains(h.ToMemberId)), cancellationToken);

        var teamsById = teams.ToDictionary(t => t.Id);
        var rows = members
            .Select(m => new MemberCaseload(m.Id, m.Name, m.TeamId, $"{teamsById[m.TeamId].Name} ({teamsById[m.TeamId].Organisation})", teamsById[m.TeamId].Sector, open.GetValueOrDefault(m.Id), m.CaseloadCapacity, m.Away))
            .OrderBy(m => m.Sector).ThenBy(m => m.Team, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        return new Caseloads(
            rows,
            rows.GroupBy(r => r.TeamId).Select(g => new GroupCaseload(g.First().Team, g.Sum(r => r.Open), g.Sum(r => r.Capacity), g.Count())).ToList(),
            rows.GroupBy(r => r.Sector).Select(g => new GroupCaseload(g.Key.Describe(), g.Sum(r => r.Open), g.Sum(r => r.Capacity), g.Count())).ToList(),
            unallocated,
            awaiting);
    }
}
