using Hub.Application.CommunityOffers.ListOffers;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Offers;

/// <summary>The community offers directory (Connect and Do): groups, activities and services to point people to.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    public string FieldFor(FluentValidation.Results.ValidationFailure failure) => failure.PropertyName == nameof(ListCommunityOffers.Search) ? "q" : failure.PropertyName.ToLowerInvariant();

    public OfferList Offers { get; private set; } = new([], 0, 1, 25, []);
    public string? Area { get; private set; }
    public string? Neighbourhood { get; private set; }
    public string? Q { get; private set; }

    /// <summary>This page's filters in a query string, for the page links.</summary>
    public string Query(int pageNumber) => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["area"] = Area, ["neighbourhood"] = Neighbourhood, ["pageNumber"] = pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    public async Task OnGetAsync(string? q, string? area, string? neighbourhood, int? pageNumber, CancellationToken cancellationToken)
    {
        DeterminantArea? chosen = Enum.TryParse<DeterminantArea>(area, out var a) && Enum.IsDefined(a) ? a : null;
        Area = chosen?.ToString();
        Neighbourhood = string.IsNullOrWhiteSpace(neighbourhood) ? null : neighbourhood.Trim();
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (!string.IsNullOrEmpty(area) && chosen is null)
        {
            ModelState.AddModelError("area", "Select what the offer helps with from the list");
        }
        Offers = await mediator.Send(new ListCommunityOffers(chosen, Neighbourhood, Math.Clamp(pageNumber ?? 1, 1, 10_000), Q), cancellationToken);
    }
}
