using Hub.Application.CareTeams.GetHandoffs;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Care;

/// <summary>People waiting for a lead worker, declined offers with reasons, and offers not yet answered.</summary>
public sealed class AllocationModel(IMediator mediator) : PageModel
{
    public AllocationQueue Queue { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await mediator.Send(new GetAllocationQueue(), cancellationToken);
}
