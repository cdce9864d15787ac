using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Triage.RecordTriageOutcome;
using Hub.Application.Waiting.GetFourWeekWaits;
using Hub.Domain.People;
using Hub.Domain.Triage;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Waiting;

/// <summary>The team leader's four-week list, in a database of its own so the figures are exact.</summary>
public sealed class FourWeekWaitsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static async Task<string> Refer(ApplicationHost host, string name) =>
        (await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, PreferredName = name }, Guid.NewGuid()))).Reference;

    [SkippableFact]
    public async Task Should_list_running_clocks_longest_first_flag_risk_and_breach_and_leave_out_stopped_and_closed_spells()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        await Refer(host, "Thirty days");             // day 0
        host.Clock.Advance(TimeSpan.FromDays(5));
        await Refer(host, "Twenty five days");        // day 5
        var closedRef = await Refer(host, "Closed");  // day 5, closed below
        host.Clock.Advance(TimeSpan.FromDays(10));
        var stoppedRef = await Refer(host, "Stopped"); // day 15, clock stopped below
        host.Clock.Advance(TimeSpan.FromDays(13));
        await Refer(host, "Two days");                 // day 28
        host.Clock.Advance(TimeSpan.FromDays(2));      // today is day 30

        var closed = await host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == closedRef));
        await host.SendAsPractitioner(new RecordTriageOutcome(closed.Id, TriageOutcome.ClosedAtPersonsRequest, "Found support elsewhere.", closed.Version));
        var stopped = await host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == stoppedRef));
        await host.WithDb(async db =>
        {
            var spell = await db.Spells.SingleAsync(s => s.Id == stopped.SpellId);
            spell.RecordAssessment(host.Clock.GetUtcNow());
            spell.RecordBaselineMeasure(host.Clock.GetUtcNow());
            spell.RecordCarePlanAgreed(host.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var waits = await host.Send(new GetFourWeekWaits(), ApplicationHost.PractitionerId, "TeamLeader");

        waits.Rows.Select(r => r.PreferredName).ShouldBe(["Thirty days", "Twenty five days", "Two days"]);
        waits.Rows.Select(r => r.Clock.DaysWaited).ShouldBe([30, 25, 2]);
        waits.Rows[0].Clock.Breached.ShouldBeTrue();
        waits.Rows[1].Clock.AtRisk.ShouldBeTrue();
        waits.Rows[2].Clock.AtRisk.ShouldBeFalse();
        (waits.Running, waits.AtRisk, waits.Breached).ShouldBe((3, 1, 1));
        waits.Rows.ShouldAllBe(r => r.LatestReference != null);
        waits.HasNext.ShouldBeFalse();

        var firstPage = await host.Send(new GetFourWeekWaits(Page: 1, PageSize: 2), ApplicationHost.PractitionerId, "TeamLeader");
        var secondPage = await host.Send(new GetFourWeekWaits(Page: 2, PageSize: 2), ApplicationHost.PractitionerId, "TeamLeader");
        firstPage.HasNext.ShouldBeTrue();
        firstPage.Rows.Concat(secondPage.Rows).Select(r => r.SpellId).ShouldBe(waits.Rows.Select(r => r.SpellId));
    }
}
