using Hub.Application.CommunityOffers.ListOffers;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Offers;

/// <summary>The community offers directory (Connect and Do): groups, activities and services to point people to.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public OfferList Offers { get; private set; } = null!;
    public string? Area { get; private set; }
    public string? Neighbourhood { get; private set; }

    public async Task OnGetAsync(string? area, string? neighbourhood, int? pageNumber, CancellationToken cancellationToken)
    {
        DeterminantArea? chosen = Enum.TryParse<DeterminantArea>(area, out var a) && Enum.IsDefined(a) ? a : null;
        Area = chosen?.ToString();
        Neighbourhood = string.IsNullOrWhiteSpace(neighbourhood) ? null : neighbourhood.Trim();
        Offers = await mediator.Send(new ListCommunityOffers(chosen, Neighbourhood, Math.Clamp(pageNumber ?? 1, 1, 10_000)), cancellationToken);
    }
}
