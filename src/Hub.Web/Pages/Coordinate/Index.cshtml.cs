using Hub.Application.Volunteering.Coordination;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Coordinate;

/// <summary>The volunteer coordinator's queue: requests waiting for a volunteer (oldest first), matched, or closed.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public RequestQueue Queue { get; private set; } = null!;

    [TempData]
    public string? Outcome { get; set; }

    public async Task OnGetAsync(string? show, CancellationToken cancellationToken)
    {
        var status = show switch { "matched" => SupportRequestStatus.Matched, "closed" => SupportRequestStatus.Closed, _ => SupportRequestStatus.Waiting };
        Queue = await mediator.Send(new GetRequestQueue(status), cancellationToken);
    }
}
