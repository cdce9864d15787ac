using Hub.Application.Connect.Moderation.GetModerationQueue;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Connect;

/// <summary>The Connect and Do moderation queue: proposed groups and organisers' changes waiting for a decision.</summary>
public sealed class ProposalsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<QueuedProposal> Queue { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Outcome { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await mediator.Send(new GetModerationQueue(), cancellationToken);
}
