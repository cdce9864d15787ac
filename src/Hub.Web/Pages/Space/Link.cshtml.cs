using Hub.Application.Space.SignIn.ExchangeSpaceLink;
using Hub.Domain.Space;
using Hub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Space;

/// <summary>
/// Where a space sign-in link lands. Opening it changes nothing (email scanners open links too); the
/// person presses the button, the token is exchanged once for a session, and they go to a clean
/// address with no token in it.
/// </summary>
public sealed class LinkModel(IMediator mediator) : PageModel
{
    public SpaceLinkProblem? Problem { get; private set; }
    public string Token { get; private set; } = string.Empty;

    public void OnGet(string token) => Token = token;

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ExchangeSpaceLink(token), cancellationToken);
        if (result.Problem is { } problem)
        {
            Problem = problem;
            return Page();
        }
        await SpaceAccess.SignInAsync(HttpContext, result.SessionId!.Value, result.MemberId!.Value);
        // A link sent after an outing lands on it; the outing page checks it is this space's.
        return Redirect(result.LandOnOutingId is { } outingId ? $"/space/outings/{outingId}" : "/space");
    }
}
