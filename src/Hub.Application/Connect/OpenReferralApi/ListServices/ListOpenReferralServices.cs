using System.Globalization;
using FluentValidation;
using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Common;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.OpenReferralApi.ListServices;

/// <summary>
/// A page of the published directory as Open Referral UK services (<c>GET /services</c>), with the
/// standard's query as it arrives: every value is text, checked by <see cref="ListOpenReferralServicesValidator"/>.
/// <c>area</c> is ours (the borough, as the public site scopes it); without it, every area.
/// </summary>
public sealed record ListOpenReferralServices(string? Search = null, string? Page = null, string? PerPage = null, string? TaxonomyTermId = null,
    string? TaxonomyId = null, string? Day = null, string? ModifiedAfter = null, string? Area = null) : IRequest<OpenReferralServicePage>;

/// <summary>One page: the services (whole offers, to be written by <see cref="OpenReferralExport"/>), the page asked for and the total that match.</summary>
public sealed record OpenReferralServicePage(IReadOnlyList<CommunityOffer> Services, int Page, int PerPage, int TotalItems)
{
    public int TotalPages => (int)Math.Ceiling(TotalItems / (double)PerPage);
}

public sealed class ListOpenReferralServicesValidator : AbstractValidator<ListOpenReferralServices>
{
    public ListOpenReferralServicesValidator()
    {
        RuleFor(r => r.Page).Must(p => p is null || ListOpenReferralServicesHandler.Number(p) is >= 1 and <= ListOpenReferralServicesHandler.MaxPage)
            .OverridePropertyName("page").WithMessage($"page must be a whole number from 1 to {ListOpenReferralServicesHandler.MaxPage:N0}.");
        RuleFor(r => r.PerPage).Must(p => p is null || ListOpenReferralServicesHandler.Number(p) is >= 1 and <= ListOpenReferralServicesHandler.MaxPerPage)
            .OverridePropertyName("per_page").WithMessage($"per_page must be a whole number from 1 to {ListOpenReferralServicesHandler.MaxPerPage}.");
        RuleFor(r => r.Search).Must(s => TextRules.Clean(s) is not { } text || (text.Length <= DirectoryFilter.TextMaxLength && !text.Any(char.IsControl)))
            .OverridePropertyName("search").WithMessage($"search must be {DirectoryFilter.TextMaxLength} characters or fewer, without control characters.");
        RuleFor(r => r.Day).Must(d => d is null || ListOpenReferralServicesHandler.DayOf(d) is not null)
            .OverridePropertyName("day").WithMessage("day must be a day of the week, such as Tuesday or TU.");
        RuleFor(r => r.ModifiedAfter).Must(m => m is null || ListOpenReferralServicesHandler.InstantOf(m) is not null)
            .OverridePropertyName("modified_after").WithMessage("modified_after must be a date and time, such as 2026-12-01T09:00:00Z.");
        RuleFor(r => r.Area).Must(a => TextRules.Clean(a) is not { } text || (text.Length <= CommunityOffer.AreaMaxLength && !text.Any(char.IsControl)))
            .OverridePropertyName("area").WithMessage($"area must be {CommunityOffer.AreaMaxLength} characters or fewer, without control characters.");
        RuleFor(r => r.TaxonomyTermId).MaximumLength(100).OverridePropertyName("taxonomy_term_id").WithMessage("taxonomy_term_id must be the id of a taxonomy term.");
        RuleFor(r => r.TaxonomyId).MaximumLength(100).OverridePropertyName("taxonomy_id").WithMessage("taxonomy_id must be the id of a taxonomy.");
    }
}

public sealed class ListOpenReferralServicesHandler(IApplicationDbContext db, IDirectoryTotals totals) : IRequestHandler<ListOpenReferralServices, OpenReferralServicePage>
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 100;

    /// <summary>Deep enough for every service one at a time at 10,000 services; offset paging past it costs more than any reader needs.</summary>
    public const int MaxPage = 10_000;

    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    // The page, the directory's version, and the count only when this filter has not been counted
    // since the directory last changed (docs/decisions/050): two or three commands whatever the
    // directory holds. A term or taxonomy no service can carry is an empty page, with no query at all.
    public async Task<OpenReferralServicePage> Handle(ListOpenReferralServices request, CancellationToken cancellationToken)
    {
        var page = request.Page is null ? 1 : Number(request.Page)!.Value;
        var perPage = request.PerPage is null ? DefaultPerPage : Number(request.PerPage)!.Value;
        if (Filter(request) is not { } filter)
        {
            return new OpenReferralServicePage([], page, perPage, 0);
        }

        // Every filter but the words; the words are tested on these (docs/decisions/046, 050).
        var candidates = db.CommunityOffers.AsNoTracking().Listed(filter with { Text = null });
        string? vocabulary = null;
        // Trimmed as Filter trims it: an id with spaces round it narrows as it passed (it is not "no such taxonomy").
        if (request.TaxonomyId is { } taxonomyId && OpenReferralTaxonomies.Taxonomy(taxonomyId.Trim()) is { } taxonomy)
        {
            vocabulary = taxonomy.Vocabulary;
            // "Any term of this taxonomy": the field that carries the taxonomy is set.
            candidates = taxonomy.Vocabulary switch
            {
                OpenReferralVocabularies.Interests => candidates.Where(o => o.Interests != OfferInterest.None),
                OpenReferralVocabularies.Access => candidates.Where(o => o.Access != OfferAccess.None),
                _ => candidates.Where(o => o.IsFree || o.PeerLed || o.BringSomeoneFirstTime),
            };
        }
        // The page stops once it is full (a read bounded by its depth, not by the area); the exact total is
        // one pass testing everything, which costs less than a lookup per match when it has to see them all.
        // With no filter but the area the listed rows are the page already: one range of the ordered index
        // with each row read once, where the join would look each up a second time by key.
        var unfiltered = filter == new DirectoryFilter(filter.Area) { AllAreas = filter.AllAreas } && vocabulary is null;
        var services = await (unfiltered ? candidates.FreeFirst().Skip((page - 1) * perPage).Take(perPage)
            : candidates.PageInOrder(db.CommunityOffers.AsNoTracking(), filter.Text, (page - 1) * perPage, perPage)).ToListAsync(cancellationToken);
        var matching = candidates.Containing(filter.Text);
        // Words are compared lower-cased (DirectoryQuery), so "Group" and "group" share a total.
        var counted = new CountedFilter(filter with { Text = filter.Text?.ToLowerInvariant() }, vocabulary);
        var total = await totals.CountAsync(counted, matching, cancellationToken);
        return new OpenReferralServicePage(services, page, perPage, total);
    }

    /// <summary>Everything that decides which services match (not the page): the key of a remembered total.</summary>
    private sealed record CountedFilter(DirectoryFilter Filter, string? Vocabulary);

    /// <summary>The directory filter the query asks for, or none when it names a term or taxonomy we do not publish (nothing can match).</summary>
    private static DirectoryFilter? Filter(ListOpenReferralServices request)
    {
        var area = TextRules.Clean(request.Area);
        var filter = new DirectoryFilter(area ?? string.Empty)
        {
            AllAreas = area is null,
            Text = TextRules.Clean(request.Search),
            Day = request.Day is null ? null : DayOf(request.Day),
            ChangedSince = request.ModifiedAfter is null ? null : InstantOf(request.ModifiedAfter),
        };
        if (request.TaxonomyTermId is { } termId)
        {
            if (OpenReferralTaxonomies.Term(termId.Trim()) is not { } term)
            {
                return null;
            }
            filter = term.Narrow(filter);
        }
        if (request.TaxonomyId is { } taxonomyId && OpenReferralTaxonomies.Taxonomy(taxonomyId.Trim()) is null)
        {
            return null;
        }
        return filter;
    }

    internal static int? Number(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>"Tuesday", "tuesday" or the iCalendar code "TU".</summary>
    internal static DayOfWeek? DayOf(string text)
    {
        var trimmed = text.Trim();
        var code = Array.FindIndex(DayCodes, c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
        if (code >= 0)
        {
            return (DayOfWeek)code;
        }
        return trimmed.Length is > 2 and < 10 && trimmed.All(char.IsLetter) && Enum.TryParse<DayOfWeek>(trimmed, ignoreCase: true, out var day) ? day : null;
    }

    internal static DateTimeOffset? InstantOf(string text) =>
        text.Length <= 40 && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
