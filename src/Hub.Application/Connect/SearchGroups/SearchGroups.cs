using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.SearchGroups;

/// <summary>A page of the public directory: groups, activities and events that match, free ones first.</summary>
public sealed record SearchGroups(DirectoryFilter Filter, int Page = 1) : IRequest<GroupSearch>;

/// <summary>
/// One page of matches, how many match (counted up to <see cref="SearchGroupsHandler.CountAhead"/> past
/// this page: <see cref="More"/> says there are more than <see cref="Total"/>), and the choices the
/// search form offers in this area.
/// </summary>
public sealed record GroupSearch(IReadOnlyList<GroupCard> Groups, int Total, int Page, int PageSize, IReadOnlyList<string> Areas, IReadOnlyList<string> Neighbourhoods,
    bool More = false)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    /// <summary>A later page exists (there may be more pages than <see cref="Pages"/> when <see cref="More"/>).</summary>
    public bool HasNext => Page < Pages || More;
}

/// <summary>What a result shows: enough to decide whether to open the group's page.</summary>
public sealed record GroupCard(Guid Id, string Name, string Organisation, string? Description, string? Neighbourhood, string? When,
    bool IsFree, string? CostNote, bool PeerLed, OfferAccess Access, bool BringSomeoneFirstTime);

public sealed class SearchGroupsHandler(IApplicationDbContext db, IDirectoryChoices choices) : IRequestHandler<SearchGroups, GroupSearch>
{
    public const int PageSize = 20;
    public const int MaxPage = 500;

    /// <summary>How far past the page shown matches are counted: ten pages. Beyond it the page says "more than".</summary>
    public const int CountAhead = 10 * PageSize;

    // Four commands whatever the directory holds: the page, the count, the areas and this area's
    // neighbourhoods (the hub's own area is added by the page even when empty). The count stops
    // CountAhead past this page, so neither it nor anything else reads every match.
    public async Task<GroupSearch> Handle(SearchGroups request, CancellationToken cancellationToken)
    {
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var skip = (page - 1) * PageSize;
        var ordered = db.CommunityOffers.AsNoTracking().Listed(request.Filter).FreeFirst();
        var rows = await ordered.Skip(skip).Take(PageSize)
            .Select(o => new { o.Id, o.Name, o.OrganisationName, o.Description, o.Neighbourhood, o.Sessions, o.ScheduleNote, o.IsFree, o.CostNote, o.PeerLed, o.Access, o.BringSomeoneFirstTime })
            .ToListAsync(cancellationToken);
        var ahead = await CountedAhead.CountAsync(ordered, skip, CountAhead, cancellationToken);
        var areas = await choices.AreasAsync(cancellationToken);
        var neighbourhoods = await choices.NeighbourhoodsAsync(request.Filter.Area, cancellationToken);
        var cards = rows.Select(o => new GroupCard(o.Id, o.Name, o.OrganisationName, o.Description, o.Neighbourhood, ConnectTimes.Schedule(o.Sessions, o.ScheduleNote),
            o.IsFree, o.CostNote, o.PeerLed, o.Access, o.BringSomeoneFirstTime)).ToList();
        return new GroupSearch(cards, ahead.Total, page, PageSize, areas, neighbourhoods, ahead.More);
    }
}
