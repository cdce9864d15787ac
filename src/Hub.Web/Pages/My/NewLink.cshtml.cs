using Hub.Application.SupportPlans.Link.RequestPlanLink;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.My;

/// <summary>
/// Ask for a new link to your plan, by the email address or mobile number you gave. Every valid
/// request gets the same answer, by the same path (queued; the worker looks the address up), so
/// the page never says whether an address is known.
/// </summary>
public sealed class NewLinkModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? EmailOrMobile { get; set; }
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            await mediator.Send(new RequestPlanLink(EmailOrMobile, HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        }
        catch (FluentValidation.ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(nameof(EmailOrMobile), error.ErrorMessage);
            }
            return Page();
        }
        Sent = true;
        return Page();
    }
}
