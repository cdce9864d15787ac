using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Space;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.MySpace.FollowGroup;

/// <summary>The person follows a listed Connect and Do group from its page. Following twice is following once.</summary>
public sealed record FollowGroup(Guid GroupId) : IRequest<Unit>;

public sealed class FollowGroupHandler(IApplicationDbContext db, ICurrentSpaceMember current, TimeProvider clock) : IRequestHandler<FollowGroup, Unit>
{
    public async Task<Unit> Handle(FollowGroup request, CancellationToken cancellationToken)
    {
        var memberId = current.Required();
        if (!await db.CommunityOffers.AnyAsync(o => o.Id == request.GroupId && o.Active, cancellationToken))
        {
            throw new NotFoundException("The group");
        }
        if (await db.SpaceFollows.AnyAsync(f => f.MemberId == memberId && f.GroupId == request.GroupId, cancellationToken))
        {
            return Unit.Value;
        }
        if (await db.SpaceFollows.CountAsync(f => f.MemberId == memberId, cancellationToken) >= SpaceFollow.MaxFollowed)
        {
            throw Refuse.Because(nameof(FollowGroup.GroupId), $"You can follow up to {SpaceFollow.MaxFollowed} groups. Stop following one first");
        }
        db.SpaceFollows.Add(new SpaceFollow(memberId, request.GroupId, clock.GetUtcNow()));
        await db.TrySaveAsync(cancellationToken, SaveClash.Unique); // pressed twice at once: followed once
        return Unit.Value;
    }
}
