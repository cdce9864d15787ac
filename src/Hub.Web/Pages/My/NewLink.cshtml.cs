using Hub.Application.SupportPlans.Link.RequestPlanLink;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.My;

/// <summary>Ask for a new link to your plan. The answer never says whether the address is known.</summary>
public sealed class NewLinkModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await mediator.Send(new RequestPlanLink(Email), cancellationToken);
        Sent = true;
        return Page();
    }
}
