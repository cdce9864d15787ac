using System.Security.Claims;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Directory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Hub.Web.Security;

/// <summary>
/// Moderating Connect and Do (publishing proposed groups and organisers' changes) is for community
/// connectors, known by their member profile, and administrators. A profile is read when the page is
/// asked for, so a change of profile counts at once.
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
            && await db.TeamMembers.AsNoTracking().AnyAsync(m => m.Id == userId && m.Group == ProfessionalGroup.CommunityConnector))
        {
            context.Succeed(requirement);
        }
    }
}
