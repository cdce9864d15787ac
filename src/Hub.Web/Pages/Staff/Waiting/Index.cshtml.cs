using Hub.Application.Waiting.GetFourWeekWaits;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Waiting;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public FourWeekWaitPage Waits { get; private set; } = new([], 1, false, 0, 0, 0);

    public async Task OnGetAsync(int? pageNumber, CancellationToken cancellationToken) =>
        Waits = await mediator.Send(new GetFourWeekWaits(Math.Clamp(pageNumber ?? 1, 1, 100_000)), cancellationToken);
}
