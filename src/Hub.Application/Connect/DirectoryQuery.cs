using Hub.Domain.CommunityOffers;

namespace Hub.Application.Connect;

/// <summary>
/// The one translation of a <see cref="DirectoryFilter"/> into SQL, shared by the search, the week
/// view, the calendar feeds and the Open Referral UK API so they always agree. Each test is a column
/// comparison or a bit test, never a read of the JSON schedule, so the cost per request does not grow
/// with what the directory holds.
/// </summary>
public static class DirectoryQuery
{
    public static IQueryable<CommunityOffer> Listed(this IQueryable<CommunityOffer> offers, DirectoryFilter filter)
    {
        var area = filter.Area;
        // One equality on the area, never "or none" (docs/decisions/043), so the index of listed offers
        // that leads with the area and goes on in the directory's order serves both the filter and the sort.
        var query = filter.AllAreas ? offers.Where(o => o.Active) : offers.Where(o => o.Active && o.Area == area);
        if (filter.Interest is { } interest && interest != OfferInterest.None)
        {
            query = query.Where(o => (o.Interests & interest) == interest);
        }
        if (filter.Neighbourhood is { Length: > 0 } hood)
        {
            query = query.Where(o => o.Neighbourhood == hood);
        }
        var slots = OfferWeek.Mask(filter.Day, filter.PartOfDay);
        if (slots != 0)
        {
            query = query.Where(o => (o.WeekSlots & slots) != 0);
        }
        if (filter.FreeOnly)
        {
            query = query.Where(o => o.IsFree);
        }
        if (filter.PeerLedOnly)
        {
            query = query.Where(o => o.PeerLed);
        }
        if (filter.BringSomeoneOnly)
        {
            query = query.Where(o => o.BringSomeoneFirstTime);
        }
        if (filter.ChangedSince is { } since)
        {
            query = query.Where(o => o.UpdatedAt >= since);
        }
        if (filter.Access != OfferAccess.None)
        {
            var access = filter.Access;
            query = query.Where(o => (o.Access & access) == access);
        }
        if (filter.Text is { Length: > 0 } text)
        {
            // Words are tested last, and only on the groups every other filter leaves: those filters are
            // columns the directory's indexes carry (on PostgreSQL), so the candidates are found from an
            // index alone and only they are read whole to test the words, rather than every listed group
            // of the area (docs/decisions/046). Same rows on every provider; the order is the caller's.
            var candidates = query.Select(o => o.Id);
            query = offers.Where(o => candidates.Contains(o.Id)).Containing(text);
        }
        return query;
    }

    /// <summary>The offers whose name, organisation or description holds the words, compared lower-cased; all of them for no words.</summary>
    public static IQueryable<CommunityOffer> Containing(this IQueryable<CommunityOffer> offers, string? text)
    {
        if (text is not { Length: > 0 })
        {
            return offers;
        }
        var lower = text.ToLowerInvariant();
        return offers.Where(o => o.Name.ToLower().Contains(lower) || o.OrganisationName.ToLower().Contains(lower)
            || (o.Description != null && o.Description.ToLower().Contains(lower)));
    }

    /// <summary>
    /// One page, in the directory's order, of the <paramref name="candidates"/> (every filter but the
    /// words) that hold the words. The order and the page are taken from the candidates, and each is
    /// joined to its own row by key for the words: on PostgreSQL the candidates come from an index-only
    /// read of the ordered index in order, and the read stops once the page is full, so a page costs
    /// about (page x size) candidates' worth of index and lookups rather than every listed group of the
    /// area that one pass over the table with a sort reads (docs/decisions/050). The join is on the
    /// primary key, so the rows are exactly those of <c>candidates.Containing(text)</c> on every provider.
    /// </summary>
    public static IQueryable<CommunityOffer> PageInOrder(this IQueryable<CommunityOffer> candidates, IQueryable<CommunityOffer> offers, string? text, int skip, int take) =>
        candidates.Join(offers.Containing(text), c => c.Id, o => o.Id, (c, o) => new { Candidate = c, Offer = o })
            .OrderByDescending(p => p.Candidate.IsFree).ThenBy(p => p.Candidate.Name).ThenBy(p => p.Candidate.Id)
            .Skip(skip).Take(take)
            .Select(p => p.Offer);

    /// <summary>
    /// Free first (people with little money were the first to ask), then A to Z; the id makes the order
    /// total so pages never repeat a row. Indexes of listed offers, (Area, IsFree desc, Name, Id) and
    /// (IsFree desc, Name, Id), hold rows in exactly this order, so a page is an index range read.
    /// </summary>
    public static IOrderedQueryable<CommunityOffer> FreeFirst(this IQueryable<CommunityOffer> offers) =>
        offers.OrderByDescending(o => o.IsFree).ThenBy(o => o.Name).ThenBy(o => o.Id);
}
