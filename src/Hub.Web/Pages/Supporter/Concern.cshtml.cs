using Hub.Application.Volunteering.Supporting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Supporter;

/// <summary>A volunteer raises a safeguarding concern; every coordinator is emailed at once with a link to it, nothing else.</summary>
public sealed class ConcernModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? WhatHappened { get; set; }
    [BindProperty] public Guid FormToken { get; set; }
    [BindProperty(SupportsGet = true, Name = "request")] public Guid? RequestId { get; set; }

    [TempData]
    public string? Outcome { get; set; }

    public void OnGet() => FormToken = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await mediator.Send(new RaiseConcern(RequestId, WhatHappened, FormToken), cancellationToken);
        Outcome = "Your concern has been sent to your coordinator. They will act on it today.";
        return Redirect("/volunteer");
    }
}
