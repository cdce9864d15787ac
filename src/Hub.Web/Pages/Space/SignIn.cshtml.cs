using Hub.Application.Space.SignIn.AskForSpaceLink;
using Hub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Space;

/// <summary>
/// "Your space": sign in with a one-time link sent to an email address or a UK mobile, no password.
/// Every address gets the same answer, so the page never says whether it has a space or whether the
/// hub knows the person. Protected like the front door: rate limit, honeypot, one-time form token.
/// </summary>
public sealed class SignInModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? EmailOrMobile { get; set; }

    /// <summary>"yes" or "no": whether a message to that address is safe for them.</summary>
    [BindProperty] public string? SafeToMessage { get; set; }

    [BindProperty] public Guid FormToken { get; set; }

    /// <summary>A group they pressed "Follow" on, followed once they are signed in.</summary>
    [BindProperty(SupportsGet = true, Name = "follow")] public Guid? Follow { get; set; }

    [BindProperty(Name = Honeypot.FieldName)] public string? Trap { get; set; }

    public SpaceLinkAnswer? Answer { get; private set; }

    public void OnGet()
    {
        ModelState.Clear(); // a "follow" that is not a group id is ignored, not shown as an error
        FormToken = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Honeypot.IsFilled(Trap))
        {
            Answer = SpaceLinkAnswer.OnItsWay; // answered as if it worked; nothing sent or stored
            return Page();
        }
        bool? safe = SafeToMessage switch { "yes" => true, "no" => false, _ => null };
        Answer = await mediator.Send(new AskForSpaceLink(EmailOrMobile, safe, FormToken, Follow, HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        return Page();
    }
}
