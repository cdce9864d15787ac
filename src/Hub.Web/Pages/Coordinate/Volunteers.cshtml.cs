using Hub.Application.Volunteering.Coordination;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Coordinate;

/// <summary>Every volunteer: status, availability, what they hold now, and checks falling due.</summary>
public sealed class VolunteersModel(IMediator mediator) : PageModel
{
    public VolunteerList List { get; private set; } = null!;

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Outcome { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => List = await mediator.Send(new GetVolunteers(), cancellationToken);
}
