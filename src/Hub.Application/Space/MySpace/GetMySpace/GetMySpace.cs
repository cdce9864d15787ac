using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Application.Space.Outings;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Space;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Space.MySpace.GetMySpace;

/// <summary>The signed-in person's own space: their goals with every rating, their mood check-ins, the groups they follow with the next sessions, and any outings.</summary>
public sealed record GetMySpace : IRequest<MySpaceView>;

public sealed record MySpaceView(IReadOnlyList<SpaceGoalView> Goals, IReadOnlyList<SpaceMoodView> Moods, IReadOnlyList<FollowedGroupView> Groups,
    IReadOnlyList<OutingForMember> Outings, bool SharedWithPlan, DateTimeOffset? SharedSince);

/// <param name="Ratings">Newest first.</param>
public sealed record SpaceGoalView(Guid Id, string Words, DateTimeOffset CreatedAt, IReadOnlyList<SpaceRatingView> Ratings)
{
    public SpaceRatingView? Latest => Ratings.Count > 0 ? Ratings[0] : null;
}

public sealed record SpaceRatingView(int Rating, DateTimeOffset At);

public sealed record SpaceMoodView(int Mood, string? Words, DateTimeOffset At);

/// <param name="Listed">False when the group is no longer in the directory.</param>
public sealed record FollowedGroupView(Guid GroupId, string Name, string? Neighbourhood, bool Listed, string? ScheduleNote,
    IReadOnlyList<(DateOnly Day, OfferSession Session)> Next);

public sealed class GetMySpaceHandler(IApplicationDbContext db, ICurrentSpaceMember current, IOutingsForCommunityMember outings, TimeProvider clock)
    : IRequestHandler<GetMySpace, MySpaceView>
{
    public const int RatingsShown = 30;
    public const int MoodsShown = 20;

    public async Task<MySpaceView> Handle(GetMySpace request, CancellationToken cancellationToken)
    {
        var memberId = current.Required();
        var member = await db.SpaceMembers.AsNoTracking().FirstAsync(m => m.Id == memberId, cancellationToken);
        var goals = await db.SpaceGoals.AsNoTracking().Where(g => g.MemberId == memberId && g.RemovedAt == null).OrderBy(g => g.CreatedAt)
            .Take(SpaceGoal.MaxGoals).ToListAsync(cancellationToken);
        var goalIds = goals.Select(g => g.Id).ToList();
        var ratings = await db.SpaceGoalRatings.AsNoTracking().Where(r => r.MemberId == memberId && goalIds.Contains(r.GoalId))
            .OrderByDescending(r => r.At).Select(r => new { r.GoalId, r.Rating, r.At }).ToListAsync(cancellationToken);
        var moods = await db.SpaceMoodCheckIns.AsNoTracking().Where(m => m.MemberId == memberId).OrderByDescending(m => m.At).Take(MoodsShown)
            .Select(m => new SpaceMoodView(m.Mood, m.Words, m.At)).ToListAsync(cancellationToken);
        var followed = await (from f in db.SpaceFollows.AsNoTracking()
                              join o in db.CommunityOffers on f.GroupId equals o.Id
                              where f.MemberId == memberId
                              orderby o.Name
                              select new { o.Id, o.Name, o.Neighbourhood, o.Active, o.Sessions, o.ScheduleNote })
                             .Take(SpaceFollow.MaxFollowed).ToListAsync(cancellationToken);
        var ukNow = UkTime.ToLocal(clock.GetUtcNow());
        return new MySpaceView(
            goals.Select(g => new SpaceGoalView(g.Id, g.Words, g.CreatedAt,
                ratings.Where(r => r.GoalId == g.Id).Take(RatingsShown).Select(r => new SpaceRatingView(r.Rating, r.At)).ToList())).ToList(),
            moods,
            followed.Select(o => new FollowedGroupView(o.Id, o.Name, o.Neighbourhood, o.Active, o.Active ? o.ScheduleNote : null,
                o.Active ? NextSessions.After(o.Sessions, ukNow) : [])).ToList(),
            await outings.ForMemberAsync(memberId, cancellationToken),
            member.ConnectedPersonId is not null, member.ConnectedAt);
    }
}
