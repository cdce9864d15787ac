using Hub.Application.Common;
using Hub.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff;

/// <summary>Staff home: the places each role works from.</summary>
public sealed class IndexModel(IAuthorizationService authorization) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;
    public IReadOnlyList<(string Href, string Label, string Hint)> Links { get; private set; } = [];

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirst(Security.StaffClaims.DisplayName)?.Value ?? User.Identity?.Name ?? string.Empty;
        var links = new List<(string, string, string)>();
        if (User.IsInRole(Roles.Practitioner) || User.IsInRole(Roles.TeamLeader))
        {
            links.Add(("/staff/triage", "Triage queue", "New requests for help, oldest first"));
            links.Add(("/staff/handoffs", "My work", "Work offered to you, and the people you work with"));
            links.Add(("/staff/allocation", "Allocation queue", "People waiting for a lead worker, and declined offers"));
            links.Add(("/staff/offers", "Community offers", "Local groups, activities and services"));
        }
        // Community connectors (and administrators) check what the public proposes for Connect and Do, as in the staff menu.
        if ((User.IsInRole(Roles.Practitioner) || User.IsInRole(Roles.TeamLeader) || User.IsInRole(Roles.Admin))
            && (await authorization.AuthorizeAsync(User, Policies.Moderation)).Succeeded)
        {
            links.Add(("/staff/connect/proposals", "Connect and Do proposals", "Groups proposed by the public, to check before they are published"));
        }
        if (User.IsInRole(Roles.TeamLeader))
        {
            links.Add(("/staff/dashboard", "Dashboard", "The four-week clock, caseloads, flow, outcomes and equity"));
            links.Add(("/staff/waiting", "Four-week waits", "Whose clock is running, longest first"));
            links.Add(("/staff/caseloads", "Caseloads", "Caseloads against capacity, and reallocation"));
        }
        if (User.IsInRole(Roles.TeamLeader) || User.IsInRole(Roles.Commissioner))
        {
            links.Add(("/staff/reports", "Reports", "Aggregate reports for commissioners, as PDF and CSV"));
        }
        if (User.IsInRole(Roles.Admin))
        {
            links.Add(("/staff/directory", "Team directory", "Organisations, teams, members and community offers"));
        }
        Links = links;
    }
}
