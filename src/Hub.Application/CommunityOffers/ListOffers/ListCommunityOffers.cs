using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Paging;
using Hub.Application.Common.Searching;
using Hub.Application.Common.Validation;
using Hub.Application.Connect;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.CommunityOffers.ListOffers;

/// <summary>
/// The community offers directory A to Z, a page at a time by keyset, optionally narrowed to a life
/// area, a neighbourhood, or words in its name, organisation, description, neighbourhood or interests.
/// </summary>
public sealed record ListCommunityOffers(DeterminantArea? Area, string? Neighbourhood, string? Search = null, string? After = null, string? Before = null,
    int PageSize = ListCommunityOffersHandler.PageSize) : IRequest<OfferList>;

public sealed class ListCommunityOffersValidator : FluentValidation.AbstractValidator<ListCommunityOffers>
{
    public ListCommunityOffersValidator()
    {
        RuleFor(q => q.Search).SafeText("Search", 100, multiline: false);
        RuleFor(q => q.Neighbourhood).SafeText("Neighbourhood", 100, multiline: false);
        RuleFor(q => q.Area).IsInEnum().WithMessage("Select what the offer helps with from the list");
        RuleFor(q => q).Must(q => Keyset.TryRead<string>(q.After, q.Before, out _)).WithName("Page").WithMessage(Keyset.BadTokenMessage);
    }
}

/// <param name="Total">Offers matching the filters.</param>
public sealed record OfferList(KeysetPage<OfferRow> Offers, int Total, IReadOnlyList<string> Neighbourhoods);

public sealed record OfferRow(Guid Id, string Name, string Organisation, string? Description, IReadOnlyList<DeterminantArea> HelpsWith, string? Neighbourhood,
    string? Schedule, bool IsFree, string? CostNote, bool PeerLed, string? Phone, string? Email, string? Url);

public sealed class ListCommunityOffersHandler(IApplicationDbContext db) : IRequestHandler<ListCommunityOffers, OfferList>
{
    public const int PageSize = 25;

    public async Task<OfferList> Handle(ListCommunityOffers request, CancellationToken cancellationToken)
    {
        Keyset.TryRead<string>(request.After, request.Before, out var at);
        var query = db.CommunityOffers.AsNoTracking().Where(o => o.Active);
        if (!string.IsNullOrWhiteSpace(request.Neighbourhood))
        {
            query = query.Where(o => o.Neighbourhood == request.Neighbourhood);
        }
        if (request.Area is { } area)
        {
            // Life areas are a JSON list in one column on every provider: read which offers name the
            // area (the directory is the partnership's few hundred offers), then page those in SQL.
            var tagged = await db.CommunityOffers.AsNoTracking().Where(o => o.Active).Select(o => new { o.Id, o.HelpsWith }).ToListAsync(cancellationToken);
            var ids = tagged.Where(o => o.HelpsWith.Contains(area)).Select(o => o.Id).ToList();
            query = query.Where(o => ids.Contains(o.Id));
        }
        if (request.Search?.Trim() is { Length: > 0 } words)
        {
            var pattern = SearchTerm.ContainsPatternFor(words.ToLowerInvariant());
            var interests = Enum.GetValues<OfferInterest>().Where(i => i != OfferInterest.None && i.Describe().Contains(words, StringComparison.OrdinalIgnoreCase))
                .Aggregate(OfferInterest.None, (all, i) => all | i);
            query = query.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern, "\\")
                || EF.Functions.Like(o.OrganisationName.ToLower(), pattern, "\\")
                || EF.Functions.Like(o.Description!.ToLower(), pattern, "\\")
                || EF.Functions.Like(o.Neighbourhood!.ToLower(), pattern, "\\")
                || (interests != OfferInterest.None && (o.Interests & interests) != OfferInterest.None));
        }
        var neighbourhoods = await db.CommunityOffers.AsNoTracking().Where(o => o.Active && o.Neighbourhood != null)
            .Select(o => o.Neighbourhood!).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var fetched = await query.PageAt(o => o.Name, o => o.Id, at, request.PageSize).ToListAsync(cancellationToken);
        var page = Keyset.Finish(fetched, at, request.PageSize, o => o.Name, o => o.Id,
            o => new OfferRow(o.Id, o.Name, o.OrganisationName, o.Description, o.HelpsWith, o.Neighbourhood, OfferScheduleText.Describe(o),
                o.IsFree, o.CostNote, o.PeerLed, o.Phone, o.Email, o.Url));
        return new OfferList(page, total, neighbourhoods);
    }
}
