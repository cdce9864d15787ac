using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.MySpace.IsFollowing;

/// <summary>Whether the space signed in on this browser follows a group (for its "Follow" button).</summary>
public sealed record IsFollowing(Guid GroupId) : IRequest<bool>;

public sealed class IsFollowingHandler(IApplicationDbContext db, ICurrentSpaceMember current) : IRequestHandler<IsFollowing, bool>
{
    public async Task<bool> Handle(IsFollowing request, CancellationToken cancellationToken) =>
        current.MemberId is { } memberId && await db.SpaceFollows.AnyAsync(f => f.MemberId == memberId && f.GroupId == request.GroupId, cancellationToken);
}
