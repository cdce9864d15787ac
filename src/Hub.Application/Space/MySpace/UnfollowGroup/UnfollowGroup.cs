using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.MySpace.UnfollowGroup;

/// <summary>The person stops following a group. Only their own follow can go.</summary>
public sealed record UnfollowGroup(Guid GroupId) : IRequest<Unit>;

public sealed class UnfollowGroupHandler(IApplicationDbContext db, ICurrentSpaceMember current) : IRequestHandler<UnfollowGroup, Unit>
{
    public async Task<Unit> Handle(UnfollowGroup request, CancellationToken cancellationToken)
    {
        var memberId = current.Required();
        var follow = await db.SpaceFollows.FirstOrDefaultAsync(f => f.MemberId == memberId && f.GroupId == request.GroupId, cancellationToken);
        if (follow is not null)
        {
            db.SpaceFollows.Remove(follow);
            // Pressed twice at once: the other press removed it first, which is what was asked.
            await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency);
        }
        return Unit.Value;
    }
}
