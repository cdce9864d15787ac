using Hub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Account;

/// <summary>Signs out on the server too: the security stamp changes, so a copied cookie stops working.</summary>
public sealed class SignOutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
