using Hub.Application.Common.Exceptions;

namespace Hub.Application.Space;

internal static class SpaceMembers
{
    /// <summary>The signed-in space, or a refusal: the space's requests never take a member id from the browser.</summary>
    public static Guid Required(this ICurrentSpaceMember member) => member.MemberId ?? throw new ForbiddenAccessException();
}
