using Hub.Application.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff;

public sealed class IndexModel : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;
    public bool CanTriage { get; private set; }

    public void OnGet()
    {
        DisplayName = User.FindFirst(Security.StaffClaims.DisplayName)?.Value ?? User.Identity?.Name ?? string.Empty;
        CanTriage = User.IsInRole(Roles.Practitioner) || User.IsInRole(Roles.TeamLeader);
    }
}
