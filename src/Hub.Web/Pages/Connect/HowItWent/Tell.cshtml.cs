using Hub.Application.Volunteering.TellHowItWent;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Connect.HowItWent;

/// <summary>The person says, in their own words, how an outing with a volunteer went (one say per link).</summary>
public sealed class TellModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    [BindProperty] public string? HowItWent { get; set; }
    [BindProperty] public string? Words { get; set; }

    public OutingToTell? Outing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Outing = HowItWentSession.LinkOf(HttpContext) is { } linkId ? await mediator.Send(new GetOutingToTell(linkId), cancellationToken) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (HowItWentSession.LinkOf(HttpContext) is not { } linkId || await mediator.Send(new GetOutingToTell(linkId), cancellationToken) is not { } outing)
        {
            Outing = null;
            return Page();
        }
        Outing = outing;
        if (!await mediator.Send(new SayHowItWent(linkId, HowItWent, Words), cancellationToken))
        {
            Outing = null;
            return Page();
        }
        HowItWentSession.End(HttpContext);
        return Redirect("/connect/how-it-went/thanks");
    }

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) =>
        Outing = HowItWentSession.LinkOf(HttpContext) is { } linkId ? await mediator.Send(new GetOutingToTell(linkId), cancellationToken) : null;
}
