using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Space;

/// <summary>After signing out of a space.</summary>
public sealed class SignedOutModel : PageModel
{
    public void OnGet()
    {
    }
}
