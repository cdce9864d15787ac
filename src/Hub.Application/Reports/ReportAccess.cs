using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;

namespace Hub.Application.Reports;

/// <summary>Commissioners and team leaders ask for and read reports; reports hold aggregate, suppressed figures only.</summary>
public static class ReportAccess
{
    public static void EnsureAllowed(ICurrentUser user)
    {
        if (!user.IsInRole(Roles.Commissioner) && !user.IsInRole(Roles.TeamLeader))
        {
            throw new ForbiddenAccessException();
        }
    }
}
