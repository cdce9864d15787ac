using Hub.Application.Volunteering.TellHowItWent;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Connect.HowItWent;

/// <summary>The person's "how did it go" link. Opening it changes nothing; Continue checks it and moves to an address with no token.</summary>
public sealed class LinkModel(IMediator mediator) : PageModel
{
    public bool NotWorking { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public void OnGet(string token) => Token = token;

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        if (await mediator.Send(new CheckHowItWentLink(token), cancellationToken) is not { } linkId)
        {
            NotWorking = true;
            ModelState.AddModelError(string.Empty, "This link no longer works");
            return Page();
        }
        HowItWentSession.Start(HttpContext, linkId);
        return Redirect("/connect/how-it-went");
    }
}
