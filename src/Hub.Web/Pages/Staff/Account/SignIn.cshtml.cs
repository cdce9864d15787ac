using Hub.Infrastructure.Identity;
using Hub.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Account;

public sealed class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SingleSignOnSettings singleSignOn, ILogger<SignInModel> logger) : PageModel
{
    /// <summary>The single sign-on providers staff may use beside a hub password.</summary>
    public IReadOnlyList<SingleSignOnProvider> Providers => singleSignOn.Providers;

    /// <summary>Why a single sign-on did not finish, from the address the hub itself redirected to (never free text from it).</summary>
    public string? SingleSignOnProblem => Request.Query["sso"].ToString() switch
    {
        "failed" => "Signing in with your organisation's account did not work. Try again, or sign in with your hub email address and password.",
        "locked" => "Your hub account is locked or cannot sign in at the moment. Speak to your team leader if you need help now.",
        _ => null,
    };

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A new session: end the one this browser held on the server too (as signing out does, by
        // changing that member's security stamp), so a copy of the old cookie stops working.
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } previous)
        {
            await users.UpdateSecurityStampAsync(previous);
        }
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(await LandingAsync());
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl = await LandingAsync() });
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Staff sign-in locked out");
            ModelState.AddModelError(nameof(Email), "Too many attempts. Your account is locked for 15 minutes. Speak to your team leader if you need help now");
            return Page();
        }
        ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
        return Page();
    }

    /// <summary>Starts a single sign-on with one of the configured providers; it returns to <c>/staff/account/sso/return</c>.</summary>
    public IActionResult OnPostExternal(string? provider)
    {
        if (singleSignOn.Providers.FirstOrDefault(p => p.Name == provider) is not { } chosen)
        {
            return NotFound();
        }
        var scheme = SingleSignOn.SchemeOf(chosen.Name);
        var properties = signIn.ConfigureExternalAuthenticationProperties(scheme, $"{SingleSignOn.ReturnPath}?ReturnUrl={Uri.EscapeDataString(SafeReturnUrl())}");
        return Challenge(properties, scheme);
    }

    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && (ReturnUrl.StartsWith("/staff", StringComparison.Ordinal) || ReturnUrl.StartsWith("/volunteer", StringComparison.Ordinal)) ? ReturnUrl : "/staff";

    /// <summary>
    /// Where a sign-in goes when no page was asked for: volunteers to their own page, a coordinator
    /// with no staff role to the volunteering queue (neither may open the staff start page).
    /// </summary>
    private async Task<string> LandingAsync()
    {
        var asked = SafeReturnUrl();
        if (asked != "/staff" || await users.FindByEmailAsync(Email!.Trim()) is not { } user)
        {
            return asked;
        }
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(Hub.Application.Common.Roles.Volunteer) ? "/volunteer"
            : !roles.Any(Hub.Application.Common.Roles.All.Contains) && roles.Contains(Hub.Application.Common.Roles.VolunteerCoordinator) ? "/staff/volunteering"
            : asked;
    }
}
