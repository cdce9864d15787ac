using Hub.Application.Space;
using Hub.Application.Space.MySpace.UnfollowGroup;
using Hub.Domain.Audit;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Space;
using Hub.IntegrationTests.Reliability;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Space;

/// <summary>The groups a person follows from their community space, pressed twice at once.</summary>
public sealed class FollowedGroupsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_stop_following_without_an_error_when_unfollow_is_pressed_twice_at_once()
    {
        var interceptor = new FailOnCommand();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [interceptor]);
        var key = await host.WithService<AuditKey, AuditKey>(k => Task.FromResult(k));
        var runs = 0;

        await interceptor.AtEveryCommandAsync(
            () => host.WithDb(async db =>
            {
                var now = host.Clock.GetUtcNow();
                var member = db.SpaceMembers.Add(new SpaceMember(SpaceAddresses.KeyOf(key, SpaceAddresses.Normalise($"follows.{++runs}@example.org")), now)).Entity;
                var group = db.CommunityOffers.Add(new CommunityOffer("Invented Canal Walkers", "Test organiser", now, "The borough")).Entity;
                db.SpaceFollows.Add(new SpaceFollow(member.Id, group.Id, now));
                await db.SaveChangesAsync();
                return (MemberId: member.Id, GroupId: group.Id);
            }),
            follow => host.SendAsSpaceMember(new UnfollowGroup(follow.GroupId), follow.MemberId),
            follow => host.SendAsSpaceMember(new UnfollowGroup(follow.GroupId), follow.MemberId),
            async (follow, thrown, where) =>
            {
                thrown.ShouldBeNull(where);
                (await host.WithDb(db => db.SpaceFollows.CountAsync(f => f.MemberId == follow.MemberId))).ShouldBe(0, where);
            });
    }
}
