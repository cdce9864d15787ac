using Hub.Application.Volunteering.Coordination;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Supporter;

/// <summary>
/// A volunteer sets their first password through the coordinator's invitation (a one-time link,
/// hashed, 7 days). Opening the page changes nothing; the password is checked against the same rules
/// as staff passwords. Then they sign in and add an authenticator app, as staff do.
/// </summary>
public sealed class WelcomeModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public string Token { get; private set; } = string.Empty;

    public bool NotWorking { get; private set; }

    public void OnGet(string token) => Token = token;

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        ModelState.Clear();
        if (!await mediator.Send(new AcceptInvitation(token, Password, ConfirmPassword), cancellationToken))
        {
            NotWorking = true;
            ModelState.AddModelError(string.Empty, "This link no longer works. If you have just set your password with it, sign in with that password");
            return Page();
        }
        return Redirect("/staff/account/sign-in?ReturnUrl=%2Fvolunteer");
    }
}
