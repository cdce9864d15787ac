using System.Security.Claims;
using System.Text;
using Hub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Account;

/// <summary>Enrols the signed-in member of staff in TOTP MFA. Outside demo mode every staff page leads here until done.</summary>
public sealed class AuthenticatorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public bool AlreadyEnabled { get; private set; }
    public string FormattedKey { get; private set; } = string.Empty;
    public string AuthenticatorUri { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }
        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }
        ModelState.Clear();
        var code = (Code ?? string.Empty).Replace(" ", string.Empty).Replace("-", string.Empty);
        var valid = code.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "The code is not right. Check the key you entered and try the newest code");
            await Load(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        // The same "amr" claim a sign-in with a code carries, which is what lets the member past MfaEnforcement.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return LocalRedirect(User.IsInRole(Hub.Application.Common.Roles.Volunteer) ? "/volunteer" : "/staff");
    }

    private async Task Load(StaffUser user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, which is checked on every request: without
            // refreshing this sign-in, the member would be signed out before they could enter a code.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var sb = new StringBuilder();
        for (var i = 0; i < key!.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        FormattedKey = sb.ToString().TrimEnd().ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Living Well Hub")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Living Well Hub")}&digits=6";
    }
}
