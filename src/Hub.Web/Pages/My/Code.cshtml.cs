using Hub.Application.SupportPlans.Link.ExchangePlanCode;
using Hub.Domain.SupportPlans;
using Hub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.My;

/// <summary>
/// Where a person types the printed code staff gave them (docs/decisions/031). The code travels
/// only in the form's body, never in an address; once exchanged the browser goes to /my/plan.
/// </summary>
public sealed class CodeModel(IMediator mediator) : PageModel
{
    /// <summary>The address printed beside the code.</summary>
    public const string Address = "/my/code";

    [BindProperty] public string? Code { get; set; }
    public LinkProblem? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await mediator.Send(new ExchangePlanCode(Code), cancellationToken);
        Code = null; // never echoed back into the page
        if (result.Problem is { } problem)
        {
            Problem = problem;
            ModelState.AddModelError(nameof(Code), "That code does not work. Check it and try again, or ask whoever supports you at the hub for a new one");
            return Page();
        }
        await HttpContext.SignInAsync(PersonAccess.Scheme, PersonAccess.PrincipalFor(result.SessionId!.Value, result.PersonId!.Value));
        return Redirect("/my/plan");
    }
}
