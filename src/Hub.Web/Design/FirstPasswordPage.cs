using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Design;

/// <summary>
/// A page where someone sets their first password through an invitation's one-time link (a member of
/// staff's or a volunteer's; docs/decisions/053, 055), shown by <c>Pages/Shared/_FirstPassword.cshtml</c>.
/// Opening it changes nothing; the use case checks the password against the staff password rules and
/// spends the link with it. A link that does not work says so, with a way to sign in for someone who has
/// just used it.
/// </summary>
public abstract class FirstPasswordPage : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public string Token { get; private set; } = string.Empty;

    public bool NotWorking { get; private set; }

    public string Title => NotWorking ? "This link no longer works" : "Set your password";

    /// <summary>The caption above the heading: whose account this is.</summary>
    public abstract string Caption { get; }

    /// <summary>The address the form posts to, before the token.</summary>
    public abstract string PathBeforeToken { get; }

    /// <summary>Where to go after signing in.</summary>
    public abstract string AfterSignIn { get; }

    /// <summary>Who to ask for a new link, as in "ask your … to invite you again".</summary>
    public abstract string WhoInvites { get; }

    /// <summary>What happens after signing in, in a sentence; null when the page says nothing of it.</summary>
    public virtual string? AfterPassword => null;

    public string SignInAddress => "/staff/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(AfterSignIn);

    /// <summary>Sends the use case that spends the link and sets the password; false when the link does not work.</summary>
    protected abstract Task<bool> AcceptAsync(string token, CancellationToken cancellationToken);

    public void OnGet(string token) => Token = token;

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        ModelState.Clear();
        if (!await AcceptAsync(token, cancellationToken))
        {
            NotWorking = true;
            ModelState.AddModelError(string.Empty, "This link no longer works. If you have just set your password with it, sign in with that password");
            return Page();
        }
        return Redirect(SignInAddress);
    }
}
