using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.Space;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.Sharing.GetSharedSpace;

/// <summary>
/// What the person chose to share from their community space, for staff who may open their record:
/// goals with their ratings and mood check-ins, read-only. Null when no space is connected, and then
/// nothing is read. Each view of shared data is audited.
/// </summary>
public sealed record GetSharedSpace(Guid ReferralId) : IRequest<SharedSpaceView?>, IReferralScoped;

public sealed record SharedSpaceView(DateTimeOffset SharedSince, IReadOnlyList<SharedGoal> Goals, IReadOnlyList<SharedMood> Moods);

/// <param name="Ratings">Newest first.</param>
public sealed record SharedGoal(string Words, IReadOnlyList<SharedRating> Ratings);

public sealed record SharedRating(int Rating, DateTimeOffset At);

public sealed record SharedMood(int Mood, string? Words, DateTimeOffset At);

public sealed class GetSharedSpaceHandler(IApplicationDbContext db, AuditTrail audit) : IRequestHandler<GetSharedSpace, SharedSpaceView?>
{
    public const int RatingsShown = 10;
    public const int MoodsShown = 10;

    public async Task<SharedSpaceView?> Handle(GetSharedSpace request, CancellationToken cancellationToken)
    {
        var personId = await db.Referrals.AsNoTracking().Where(r => r.Id == request.ReferralId).Select(r => (Guid?)r.PersonId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The referral");
        var member = await db.SpaceMembers.AsNoTracking().Where(m => m.ConnectedPersonId == personId)
            .Select(m => new { m.Id, m.ConnectedAt }).FirstOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }
        var goals = await db.SpaceGoals.AsNoTracking().Where(g => g.MemberId == member.Id && g.RemovedAt == null).OrderBy(g => g.CreatedAt)
            .Take(SpaceGoal.MaxGoals).Select(g => new { g.Id, g.Words }).ToListAsync(cancellationToken);
        var goalIds = goals.Select(g => g.Id).ToList();
        var ratings = await db.SpaceGoalRatings.AsNoTracking().Where(r => r.MemberId == member.Id && goalIds.Contains(r.GoalId)).OrderByDescending(r => r.At)
            .Select(r => new { r.GoalId, r.Rating, r.At }).ToListAsync(cancellationToken);
        var moods = await db.SpaceMoodCheckIns.AsNoTracking().Where(m => m.MemberId == member.Id).OrderByDescending(m => m.At).Take(MoodsShown)
            .Select(m => new SharedMood(m.Mood, m.Words, m.At)).ToListAsync(cancellationToken);

        audit.Record(AuditAction.View, personId, nameof(SpaceMember), member.Id, "Community space shared with the plan: staff view");
        await db.SaveChangesAsync(cancellationToken);
        return new SharedSpaceView(member.ConnectedAt!.Value,
            goals.Select(g => new SharedGoal(g.Words, ratings.Where(r => r.GoalId == g.Id).Take(RatingsShown).Select(r => new SharedRating(r.Rating, r.At)).ToList())).ToList(),
            moods);
    }
}
