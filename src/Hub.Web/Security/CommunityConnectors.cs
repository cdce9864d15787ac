using System.Security.Claims;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Application.Directory.CommunityConnectors;
using Microsoft.AspNetCore.Authorization;
using Connectors = Hub.Application.Directory.CommunityConnectors.CommunityConnectors;

namespace Hub.Web.Security;

/// <summary>
/// Moderating Connect and Do (publishing proposed groups and organisers' changes) is for community
/// connectors, known by their member profile, and administrators. A profile is read when the page is
/// asked for, so a change of profile counts at once (the staff menu remembers it instead: <see cref="ModerationMenu"/>).
/// </summary>
public sealed class CommunityConnectorRequirement : IAuthorizationRequirement;

internal sealed class CommunityConnectorHandler(IApplicationDbContext db) : AuthorizationHandler<CommunityConnectorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CommunityConnectorRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Admin))
        {
            context.Succeed(requirement);
            return;
        }
        if (Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await Connectors.IsConnectorAsync(db, userId, Connectors.PolicyTag, CancellationToken.None))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// Whether the staff menu shows "Connect and Do proposals": the roles the moderation policy admits,
/// and for practitioners and team leaders their profile, remembered between pages
/// (<see cref="CommunityConnectorMenu"/>, docs/decisions/049) rather than read on every page.
/// </summary>
public sealed class ModerationMenu(IApplicationDbContext db, CommunityConnectorMenu menu)
{
    public async Task<bool> ShowsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return true;
        }
        if (!(user.IsInRole(Roles.Practitioner) || user.IsInRole(Roles.TeamLeader))
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }
        return await menu.IsConnectorAsync(db, userId, cancellationToken);
    }
}
