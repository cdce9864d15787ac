using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Conversations.StartConversation;
using Hub.Application.Routing.GetRoutingSuggestions;
using Hub.Application.Triage.GetReferralRecord;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>
/// Who may open a person's record once they have a care team: the care team, anyone offered the
/// work, team leaders, and staff who triaged or met the person; a practitioner with no part in their
/// care is refused, and the refusal is audited.
/// </summary>
public sealed class RecordAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_let_any_practitioner_help_at_the_front_door_and_only_the_care_team_afterwards()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, b, stranger) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member S"));
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        var referral = await TriagedReferral(host);

        // At the front door (no lead worker yet) the shared triage work is open to any practitioner.
        (await host.SendAsPractitioner(new GetReferralRecord(referral.Id), stranger.Id)).Reference.ShouldBe(referral.Reference);

        await Join(host, a, referral.Id, b, CareTeamRole.Lead);
        var deniedBefore = await DeniedRows(host, referral.PersonId);

        await Should.ThrowAsync<ForbiddenAccessException>(() => host.SendAsPractitioner(new GetReferralRecord(referral.Id), stranger.Id));
        await Should.ThrowAsync<ForbiddenAccessException>(() => host.SendAsPractitioner(new GetRoutingSuggestions(referral.Id), stranger.Id));
        await Should.ThrowAsync<ForbiddenAccessException>(() => host.SendAsPractitioner(new StartConversation(referral.Id), stranger.Id));

        var denied = await DeniedRows(host, referral.PersonId);
        denied.Count.ShouldBe(deniedBefore.Count + 3, "each refusal leaves one audit row");
        denied.Skip(deniedBefore.Count).ShouldAllBe(row => row.ActorUserId == stranger.Id && row.RecordId == referral.Id);
        (await host.WithDb(db => db.Conversations.CountAsync(c => c.PersonId == referral.PersonId))).ShouldBe(0, "a refused change changes nothing");

        // The lead, a team leader, and anyone offered the work can open it.
        (await host.SendAsPractitioner(new GetReferralRecord(referral.Id), b.Id)).Care.Team.ShouldContain(m => m.Role == CareTeamRole.Lead && !m.Pending);
        (await host.Send(new GetReferralRecord(referral.Id), leader.Id, Roles.TeamLeader)).Reference.ShouldBe(referral.Reference);
        await Offer(host, b, referral.Id, stranger, CareTeamRole.Involved);
        (await host.SendAsPractitioner(new GetReferralRecord(referral.Id), stranger.Id)).Reference.ShouldBe(referral.Reference);
    }

    private static Task<List<AuditEvent>> DeniedRows(ApplicationHost host, Guid personId) =>
        host.WithDb(db => db.AuditEvents.AsNoTracking().Where(e => e.PersonId == personId && e.Action == AuditAction.Denied).OrderBy(e => e.WriterNumber).ToListAsync());
}
