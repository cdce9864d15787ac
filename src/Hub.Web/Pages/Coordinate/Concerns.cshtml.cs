using Hub.Application.Volunteering.Coordination;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Coordinate;

/// <summary>Safeguarding concerns volunteers raised: open ones first.</summary>
public sealed class ConcernsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ConcernLine> Concerns { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Outcome { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Concerns = await mediator.Send(new GetConcerns(), cancellationToken);
}
