using Hub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Account;

public sealed class TwoFactorModel(SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var code = (Code ?? string.Empty).Replace(" ", string.Empty).Replace("-", string.Empty);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && (ReturnUrl!.StartsWith("/staff", StringComparison.Ordinal) || ReturnUrl.StartsWith("/volunteer", StringComparison.Ordinal)) ? ReturnUrl : "/staff");
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Code), "Too many attempts. Your account is locked for 15 minutes");
            return Page();
        }
        ModelState.AddModelError(nameof(Code), "The code is not right. Check your app and enter the newest code");
        return Page();
    }
}
