using System.Security.Claims;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;

namespace Hub.Web.Security;

/// <summary>The signed-in member of staff, or the public, for the current request.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId =>
        Principal?.Identity?.IsAuthenticated == true && Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Role =>
        Principal?.FindFirst(PersonAccess.SessionClaim) is not null ? Roles.Person
        : Principal?.Identity?.IsAuthenticated == true ? Roles.All.Append(Roles.VolunteerCoordinator).Append(Roles.Volunteer).FirstOrDefault(r => Principal.IsInRole(r)) ?? "Staff"
        : Roles.Public;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
