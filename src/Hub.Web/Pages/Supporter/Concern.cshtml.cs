using Hub.Application.Volunteering.Supporting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Supporter;

/// <summary>A volunteer raises a safeguarding concern; every coordinator is emailed at once with a link to it, nothing else.</summary>
public sealed class ConcernModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    [BindProperty] public string? WhatHappened { get; set; }
    [BindProperty] public Guid FormToken { get; set; }
    /// <summary>The request it is about, from the address (read as text: anything that is not an id means none).</summary>
    [BindProperty(SupportsGet = true, Name = "request")] public string? AboutRequest { get; set; }

    public Guid? RequestId => Guid.TryParse(AboutRequest, out var id) ? id : null;

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
