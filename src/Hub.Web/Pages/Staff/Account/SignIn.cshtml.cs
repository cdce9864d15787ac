using Hub.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Account;

public sealed class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, ILogger<SignInModel> logger) : PageModel
{
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
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl = SafeReturnUrl() });
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

    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/staff", StringComparison.Ordinal) ? ReturnUrl : "/staff";
}
