using System.Net;
using Hub.Domain.CareTeams;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.CareTeams.CareTeamSteps;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.CareTeams;

/// <summary>
/// A person's record is open to practitioners with a part in their care, not to every practitioner:
/// once a lead worker has accepted the work, a practitioner with no part is refused (and the refusal
/// audited), while the lead worker and team leaders open it. Ids typed into forms or addresses do not
/// open anything either.
/// </summary>
public sealed class CareTeamRecordAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_refuse_and_audit_a_practitioner_with_no_part_once_a_lead_worker_has_accepted_the_work()
    {
        var (referralId, practitioner, peer) = await TriagedAndOfferedToPeerAsync();
        var nurse = await Factory.SignedInAsync(Nurse);
        var nurseId = await Factory.UserIdAsync(Nurse);
        // While nobody leads, allocation is shared front-door work that every practitioner may do.
        (await nurse.GetAsync(RoutingUrl(referralId))).StatusCode.ShouldBe(HttpStatusCode.OK, "with no lead worker yet, any practitioner may help allocate");
        await peer.AcceptAsync(Factory, referralId);
        var reference = await Factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => r.Reference).SingleAsync());
        var deniedBefore = await Factory.DeniedAuditRowsAsync(nurseId, referralId);

        foreach (var url in new[] { RecordUrl(referralId), RoutingUrl(referralId) })
        {
            var html = await nurse.ShouldBeRefusedAsync(await nurse.GetAsync(url), $"a practitioner with no part may not open {Describe(url)}");

            html.Contains(reference, StringComparison.Ordinal).ShouldBeFalse($"the refusal on {Describe(url)} shows nothing of the record");
            html.Contains("not been sleeping", StringComparison.Ordinal).ShouldBeFalse($"the refusal on {Describe(url)} shows none of the person's words");
        }

        (await Factory.DeniedAuditRowsAsync(nurseId, referralId)).ShouldBe(deniedBefore + 2, "each refusal writes one Denied audit row with the nurse as actor");
        (await Factory.CareTeamAsync(referralId)).ShouldNotContain(m => m.MemberId == nurseId);
    }

    [SkippableFact]
    public async Task Should_open_the_record_and_routing_for_the_lead_worker_the_practitioner_who_triaged_and_the_team_leader()
    {
        var (referralId, practitioner, peer) = await TriagedAndOfferedToPeerAsync();
        await peer.AcceptAsync(Factory, referralId);
        var teamLeader = await Factory.SignedInAsync(TeamLeader);

        foreach (var (who, client) in new[] { ("the lead worker", peer), ("the practitioner who triaged", practitioner), ("the team leader", teamLeader) })
        {
            foreach (var url in new[] { RecordUrl(referralId), RoutingUrl(referralId) })
            {
                var response = await client.GetAsync(url);

                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{who} opens {Describe(url)}");
            }
        }
        var routing = await peer.GetDocumentAsync(RoutingUrl(referralId));
        routing.QuerySelectorAll("#care-team ~ table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim())
            .ShouldContain("Lead worker", "the routing page shows the accepted lead on the care team");
    }

    [SkippableFact]
    public async Task Should_refuse_accepting_a_handoff_offered_to_someone_else_and_leave_it_unanswered()
    {
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var referralId = await Factory.NewReferralAsync();
        var (peerId, nurseId) = (await Factory.UserIdAsync(Peer), await Factory.UserIdAsync(Nurse));
        await practitioner.OfferedAsync(referralId, peerId, CareTeamRole.Involved);
        await practitioner.OfferedAsync(referralId, nurseId, CareTeamRole.Involved);
        var peersOffer = await Factory.HandoffToAsync(referralId, peerId);
        var nursesOffer = await Factory.HandoffToAsync(referralId, nurseId);
        var nurse = await Factory.SignedInAsync(Nurse);
        var myWork = await nurse.GetDocumentAsync("/staff/handoffs");

        // The nurse's own accept button, with the peer worker's handoff id put in its place.
        var response = await nurse.SubmitAsync(myWork, myWork.FormFor(AcceptForm, nursesOffer.Id),
            new Dictionary<string, string> { ["HandoffId"] = peersOffer.Id.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "accepting someone else's offer is forbidden");
        (await response.ReadDocumentAsync()).Text("h1").ShouldBe(AccessDeniedHeading);
        var after = await Factory.HandoffToAsync(referralId, peerId);
        after.Status.ShouldBe(HandoffStatus.Pending, "the peer worker's offer is still waiting for their answer");
        after.DecidedAt.ShouldBeNull();
        after.DecidedByUserId.ShouldBeNull();
        (await Factory.HandoffToAsync(referralId, nurseId)).Status.ShouldBe(HandoffStatus.Pending, "the nurse's own offer is untouched too");
        (await Factory.CareTeamAsync(referralId)).ShouldBeEmpty("nobody joined the care team");
    }

    [SkippableFact]
    public async Task Should_answer_not_found_for_the_routing_page_of_a_referral_that_does_not_exist()
    {
        var practitioner = await Factory.SignedInAsync(Practitioner);

        var response = await practitioner.GetAsync(RoutingUrl(Guid.NewGuid()));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadDocumentAsync()).Text("h1").ShouldBe("Page not found");
    }

    /// <summary>
    /// A fresh referral triaged by the practitioner (so it has left the front door), and the work
    /// offered to the peer worker as lead through the routing page; the peer worker is signed in.
    /// </summary>
    private async Task<(Guid ReferralId, HttpClient Practitioner, HttpClient Peer)> TriagedAndOfferedToPeerAsync()
    {
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var referralId = await Factory.NewReferralAsync();
        await practitioner.TriageAsync(referralId);
        await practitioner.OfferedAsync(referralId, await Factory.UserIdAsync(Peer), CareTeamRole.Lead);
        return (referralId, practitioner, await Factory.SignedInAsync(Peer));
    }

    private static string Describe(string url) => url.EndsWith("/routing", StringComparison.Ordinal) ? "the routing page" : "the record page";

    public void Dispose() => _factory?.Dispose();
}
