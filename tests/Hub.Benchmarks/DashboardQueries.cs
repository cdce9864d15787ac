using Hub.Application.CareTeams.GetHandoffs;
using Hub.Application.Common;
using Hub.Application.Common.Paging;
using Hub.Application.Dashboards.GetDashboard;
using Hub.Application.Dashboards.GetPeopleBehind;
using Hub.Application.Figures;
using Hub.Application.Triage.GetReferralRecord;
using Hub.Application.Triage.GetTriageQueue;
using Hub.Application.Waiting.GetFourWeekWaits;

namespace Hub.Benchmarks;

/// <summary>One request timed on each database, sent the way the page sends it, as the user who would.</summary>
/// <param name="Send">Sends the request once; <c>run</c> counts from 0, for rotating through several records.</param>
internal sealed record BenchmarkQuery(string Name, Func<SeededHub, int, Task> Send);

/// <summary>The requests the quality bar holds to "p95 at 1,000,000 referrals / p95 at 1,000 &lt;= 1.5".</summary>
internal static class DashboardQueries
{
    private static FigureFilter LastFourWeeks(SeededHub hub) =>
        FigureFilter.LastFourWeeks(DateOnly.FromDateTime(UkTime.ToLocal(hub.Host.Clock.GetUtcNow())));

    /// <summary>A page token half the seeded history back from now: the position a member of staff reaches after many Next pages.</summary>
    private static string HalfwayBack(SeededHub hub) =>
        Keyset.Token(hub.Host.Clock.GetUtcNow().AddDays(-3.5 * hub.Weeks), Guid.Empty);

    public static IReadOnlyList<BenchmarkQuery> All { get; } =
    [
        new("Triage queue, first page", (hub, _) => hub.Host.Send(new GetTriageQueue(), hub.Practitioner, Roles.Practitioner)),
        // Issue 22: the queue as shared work. Filters a triage team uses all day, and a search by
        // part of a name (an audited read, through the trigram index on PostgreSQL).
        new("Triage queue, filtered: overdue, self-referred, nobody on it, one neighbourhood", (hub, _) => hub.Host.Send(
            new GetTriageQueue(Waiting: WaitFilter.FirstContactOverdue, Source: Hub.Domain.Referrals.ReferralSource.Self, PickedUp: PickUpFilter.Nobody, Neighbourhood: "Central"),
            hub.Practitioner, Roles.Practitioner)),
        new("Triage queue, search by part of a name", (hub, _) => hub.Host.Send(new GetTriageQueue(Search: "sam"), hub.Practitioner, Roles.Practitioner)),
        new("Triage queue, all statuses, newest first (team leader)", (hub, _) => hub.Host.Send(new GetTriageQueue(Status: QueueStatus.All, Order: QueueOrder.NewestFirst), hub.TeamLeader, Roles.TeamLeader)),
        // A deep page by keyset: every status, newest first, from half the history back (Next from
        // there), and the page before it (Previous). Each must start from the index, not read the rows in front.
        new("Triage queue, all statuses, a page half the history back (team leader)", (hub, _) => hub.Host.Send(
            new GetTriageQueue(Status: QueueStatus.All, Order: QueueOrder.NewestFirst, After: HalfwayBack(hub)), hub.TeamLeader, Roles.TeamLeader)),
        new("Triage queue, all statuses, the page before that (team leader)", (hub, _) => hub.Host.Send(
            new GetTriageQueue(Status: QueueStatus.All, Order: QueueOrder.NewestFirst, Before: HalfwayBack(hub)), hub.TeamLeader, Roles.TeamLeader)),
        new("Four-week waits, first page", (hub, _) => hub.Host.Send(new GetFourWeekWaits(), hub.TeamLeader, Roles.TeamLeader)),
        new("Person record, by their lead worker", (hub, run) =>
        {
            var record = hub.Records[run % hub.Records.Count];
            return hub.Host.Send(new GetReferralRecord(record.ReferralId), record.LeadId, Roles.Practitioner);
        }),
        new("Person record, by a team leader", (hub, run) =>
            hub.Host.Send(new GetReferralRecord(hub.Records[run % hub.Records.Count].ReferralId), hub.TeamLeader, Roles.TeamLeader)),

        new("Team leader dashboard, last four weeks", (hub, _) => hub.Host.Send(new GetDashboard(LastFourWeeks(hub)), hub.TeamLeader, Roles.TeamLeader)),
        new("Dashboard drill-down: people at day 21 to 28", (hub, _) => hub.Host.Send(new GetPeopleBehind(LastFourWeeks(hub), "waiting:at-risk"), hub.TeamLeader, Roles.TeamLeader)),
        new("Allocation queue", (hub, _) => hub.Host.Send(new GetAllocationQueue(), hub.TeamLeader, Roles.TeamLeader)),
    ];
}
