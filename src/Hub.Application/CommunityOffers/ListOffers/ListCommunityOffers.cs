using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CommunityOffers.ListOffers;

/// <summary>The community offers directory, optionally narrowed to a life area, a neighbourhood or words in its name, organisation or description, A to Z.</summary>
public sealed record ListCommunityOffers(DeterminantArea? Area, string? Neighbourhood, int Page = 1, string? Search = null) : IRequest<OfferList>;

public sealed class ListCommunityOffersValidator : FluentValidation.AbstractValidator<ListCommunityOffers>
{
    public ListCommunityOffersValidator()
    {
        RuleFor(q => q.Search).SafeText("Search", 100, multiline: false);
        RuleFor(q => q.Neighbourhood).SafeText("Neighbourhood", 100, multiline: false);
    }
}

public sealed record OfferList(IReadOnlyList<OfferRow> Offers, int Total, int Page, int PageSize, IReadOnlyList<string> Neighbourhoods);

public sealed record OfferRow(Guid Id, string Name, string Organisation, string? Description, IReadOnlyList<DeterminantArea> HelpsWith, string? Neighbourhood,
    string? Schedule, bool IsFree, string? CostNote, bool PeerLed, string? Phone, string? Email, string? Url);

public sealed class ListCommunityOffersHandler(IApplicationDbContext db) : IRequestHandler<ListCommunityOffers, OfferList>
{
    public const int PageSize = 25;

    public async Task<OfferList> Handle(ListCommunityOffers request, CancellationToken cancellationToken)
    {
        var query = db.CommunityOffers.AsNoTracking().Where(o => o.Active);
        if (!string.IsNullOrWhiteSpace(request.Neighbourhood))
        {
            query = query.Where(o => o.Neighbourhood == request.Neighbourhood);
        }
        var neighbourhoods = await db.CommunityOffers.AsNoTracking().Where(o => o.Active && o.Neighbourhood != null)
            .Select(o => o.Neighbourhood!).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);

        // Life areas live in a JSON list: filter in memory over the (already narrowed) directory.
        var all = await query.OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var matching = request.Area is { } area ? all.Where(o => o.HelpsWith.Contains(area)).ToList() : all;
        if (request.Search?.Trim() is { Length: > 0 } words)
        {
            // The directory is the partnership's few hundred offers, already in memory for the life areas.
            matching = matching.Where(o => o.Name.Contains(words, StringComparison.OrdinalIgnoreCase)
                || o.OrganisationName.Contains(words, StringComparison.OrdinalIgnoreCase)
                || (o.Description?.Contains(words, StringComparison.OrdinalIgnoreCase) ?? false)).ToList();
        }
        var page = Math.Max(1, request.Page);
        var rows = matching.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(o => new OfferRow(o.Id, o.Name, o.OrganisationName, o.Description, o.HelpsWith, o.Neighbourhood, OfferScheduleText.Describe(o),
                o.IsFree, o.CostNote, o.PeerLed, o.Phone, o.Email, o.Url)).ToList();
        return new OfferList(rows, matching.Count, page, PageSize, neighbourhoods);
    }
}
