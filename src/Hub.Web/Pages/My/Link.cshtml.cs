using Hub.Application.SupportPlans.Link.ExchangePlanLink;
using Hub.Domain.SupportPlans;
using Hub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.My;

/// <summary>
/// Where a sign-in link lands. Opening it changes nothing (email scanners open links too); the
/// person presses the button, the token is exchanged once for a session, and they go to a clean
/// address with no token in it.
/// </summary>
public sealed class LinkModel(IMediator mediator) : PageModel
{
    public LinkProblem? Problem { get; private set; }
    public string Token { get; private set; } = string.Empty;

    public void OnGet(string token) => Token = token;

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ExchangePlanLink(token), cancellationToken);
        if (result.Problem is { } problem)
        {
            Problem = problem;
            return Page();
        }
        await HttpContext.SignInAsync(PersonAccess.Scheme, PersonAccess.PrincipalFor(result.SessionId!.Value, result.PersonId!.Value));
        return Redirect("/my/plan");
    }
}
