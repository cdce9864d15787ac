using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.My;

/// <summary>Shown after signing out, or when a session has ended (idle, too long, or access withdrawn).</summary>
public sealed class SignedOutModel : PageModel
{
    public void OnGet()
    {
    }
}
