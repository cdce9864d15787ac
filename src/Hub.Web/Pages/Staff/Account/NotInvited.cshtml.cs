using Hub.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Account;

/// <summary>Says clearly why a single sign-on identity was refused: nobody invited it (there is no self-registration).</summary>
public sealed class NotInvitedModel(SingleSignOnSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }

    /// <summary>The provider's display name, only if it is one the hub knows (never echoed from the address).</summary>
    public string? ProviderName => settings.Providers.FirstOrDefault(p => p.Name == Provider)?.DisplayName;

    public void OnGet()
    {
    }
}
