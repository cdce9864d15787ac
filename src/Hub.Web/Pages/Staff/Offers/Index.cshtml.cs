using Hub.Application.CommunityOffers.ListOffers;
using Hub.Domain.Conversations;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Offers;

/// <summary>The community offers directory (Connect and Do): groups, activities and services to point people to, A to Z a page at a time.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    public string FieldFor(FluentValidation.Results.ValidationFailure failure) => failure.PropertyName switch
    {
        nameof(ListCommunityOffers.Search) => "q",
        nameof(ListCommunityOffers.Area) => "area",
        nameof(ListCommunityOffers.Neighbourhood) => "neighbourhood",
        _ => string.Empty,
    };

    /// <summary>Null when the search or page link could not be read.</summary>
    public OfferList? Offers { get; private set; }
    public string? Area { get; private set; }
    public string? Neighbourhood { get; private set; }
    public string? Q { get; private set; }

    public PageLinks Pages => PageLinks.For("/staff/offers", [new("q", Q), new("area", Area), new("neighbourhood", Neighbourhood)],
        Offers?.Offers.Next, Offers?.Offers.Previous, "Pages of offers");

    public async Task OnGetAsync(string? q, string? area, string? neighbourhood, string? after, string? before, CancellationToken cancellationToken)
    {
        DeterminantArea? chosen = Enum.TryParse<DeterminantArea>(area, out var a) && Enum.IsDefined(a) && !area!.Any(char.IsDigit) ? a : null;
        Area = string.IsNullOrWhiteSpace(area) ? null : area;
        Neighbourhood = string.IsNullOrWhiteSpace(neighbourhood) ? null : neighbourhood.Trim();
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Area is not null && chosen is null)
        {
            ModelState.AddModelError("area", "Select what the offer helps with from the list");
            return;
        }
        Offers = await mediator.Send(new ListCommunityOffers(chosen, Neighbourhood, Q, after, before), cancellationToken);
    }
}
