using Hub.Application.Volunteering.Supporting;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Supporter;

/// <summary>A volunteer's own page, made for a phone: only the requests matched to them now.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public MyRequests Mine { get; private set; } = null!;

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Outcome { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Mine = await mediator.Send(new GetMyRequests(), cancellationToken);
}
