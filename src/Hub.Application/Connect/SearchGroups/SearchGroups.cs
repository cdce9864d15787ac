using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.SearchGroups;

/// <summary>A page of the public directory: groups, activities and events that match, free ones first.</summary>
public sealed record SearchGroups(DirectoryFilter Filter, int Page = 1) : IRequest<GroupSearch>;

/// <summary>One page of matches, how many match in all, and the choices the search form offers in this area.</summary>
public sealed record GroupSearch(IReadOnlyList<GroupCard> Groups, int Total, int Page, int PageSize, IReadOnlyList<string> Areas, IReadOnlyList<string> Neighbourhoods)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>What a result shows: enough to decide whether to open the group's page.</summary>
public sealed record GroupCard(Guid Id, string Name, string Organisation, string? Description, string? Neighbourhood, string? When,
    bool IsFree, string? CostNote, bool PeerLed, OfferAccess Access, bool BringSomeoneFirstTime);

public sealed class SearchGroupsHandler(IApplicationDbContext db) : IRequestHandler<SearchGroups, GroupSearch>
{
    public const int PageSize = 20;
    public const int MaxPage = 500;

    // Four commands whatever the directory holds: the page, the count, the areas and this area's neighbourhoods.
    public async Task<GroupSearch> Handle(SearchGroups request, CancellationToken cancellationToken)
    {
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var matching = db.CommunityOffers.AsNoTracking().Listed(request.Filter);
        var rows = await matching.FreeFirst().Skip((page - 1) * PageSize).Take(PageSize)
            .Select(o => new { o.Id, o.Name, o.OrganisationName, o.Description, o.Neighbourhood, o.Sessions, o.ScheduleNote, o.IsFree, o.CostNote, o.PeerLed, o.Access, o.BringSomeoneFirstTime })
            .ToListAsync(cancellationToken);
        var total = await matching.CountAsync(cancellationToken);
        var areas = await ListAreas(db, cancellationToken);
        var neighbourhoods = await ListNeighbourhoods(db, request.Filter, cancellationToken);
        var cards = rows.Select(o => new GroupCard(o.Id, o.Name, o.OrganisationName, o.Description, o.Neighbourhood, ConnectTimes.Schedule(o.Sessions, o.ScheduleNote),
            o.IsFree, o.CostNote, o.PeerLed, o.Access, o.BringSomeoneFirstTime)).ToList();
        return new GroupSearch(cards, total, page, PageSize, areas, neighbourhoods);
    }

    /// <summary>The areas with anything listed (the hub's own is added by the page even when empty).</summary>
    public static Task<List<string>> ListAreas(IApplicationDbContext db, CancellationToken cancellationToken) =>
        db.CommunityOffers.AsNoTracking().Where(o => o.Active && o.Area != null).Select(o => o.Area!).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    /// <summary>The neighbourhoods inside the chosen area.</summary>
    public static Task<List<string>> ListNeighbourhoods(IApplicationDbContext db, DirectoryFilter filter, CancellationToken cancellationToken) =>
        db.CommunityOffers.AsNoTracking().Listed(new DirectoryFilter(filter.Area, filter.IsHomeArea)).Where(o => o.Neighbourhood != null)
            .Select(o => o.Neighbourhood!).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
}
