using Hub.Application.Directory.InviteStaffMember;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Account;

/// <summary>
/// A new member of staff sets their first password through an administrator's invitation (a one-time
/// link, hashed, 7 days). Opening the page changes nothing; the password is checked against the staff
/// password rules. Then they sign in and add an authenticator app.
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
        if (!await mediator.Send(new AcceptStaffInvitation(token, Password, ConfirmPassword), cancellationToken))
        {
            NotWorking = true;
            ModelState.AddModelError(string.Empty, "This link no longer works. If you have just set your password with it, sign in with that password");
            return Page();
        }
        return Redirect("/staff/account/sign-in?ReturnUrl=%2Fstaff");
    }
}
