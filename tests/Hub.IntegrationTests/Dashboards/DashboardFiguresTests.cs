using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Dashboards.GetDashboard;
using Hub.Application.Dashboards.GetPeopleBehind;
using Hub.Application.Figures;
using Hub.Domain.Contacts;
using Hub.Domain.Directory;
using Hub.Domain.Outcomes;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.IntegrationTests.CareTeams;
using Hub.TestSupport;
using static Hub.IntegrationTests.Dashboards.DashboardWorld;

namespace Hub.IntegrationTests.Dashboards;

/// <summary>
/// A small hub on PostgreSQL whose every figure is worked out by hand below. The period is
/// 2 to 29 November 2026 and "now" is midday on 30 November.
/// </summary>
public sealed class DashboardFiguresTests(DashboardFiguresTests.Hub hub) : IClassFixture<DashboardFiguresTests.Hub>
{
    private static readonly FigureFilter November = new(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 29));

    /// <summary>
    /// A: Black, 36, woman, Brixton. Self-referred 3 Nov; contacts 5 Nov (phone, attended), 10 Nov
    ///    (face to face at the hub, did not attend), 12 Nov (face to face in a café, attended); clock
    ///    stopped 12 Nov after 9 days; DIALOG 3 → 5 and goal 2 → 6 (follow-ups 20 Nov). Lead: voluntary.
    /// B: White, 76, man, Clapham. Spell May to 1 June (goals met); GP referral 9 Nov starts a spell
    ///    following on 161 days later: a return. Video contact 16 Nov. Assessed only: running, day 21
    ///    on 30 Nov (at risk). Lead: secondary.
    /// C: nothing about themselves given. Self-referred 20 Oct; phone contacts 18 and 19 Nov; clock
    ///    stopped 20 Nov after 31 days; DIALOG 4 → 4 (follow-up 24 Nov); closed 25 Nov, their choice. Lead: voluntary.
    /// D: Black, 21, non-binary, Brixton. Self-referred 1 Oct, no lead yet, nothing recorded: day 60, breached.
    /// E: prefer not to say, Brixton. Carer referral 20 Nov, closed at their request 21 Nov at triage:
    ///    the spell ended before its clock stopped.
    /// </summary>
    public sealed class Hub : IAsyncLifetime
    {
        public ApplicationHost Host { get; private set; } = null!;
        public Guid VoluntaryTeam { get; private set; }
        public Guid SecondaryTeam { get; private set; }
        public Guid Leader { get; private set; }
        public Guid PersonA { get; private set; }
        public Guid PersonD { get; private set; }

        public async Task InitializeAsync()
        {
            var database = new DatabaseFixture();
            await database.InitializeAsync();
            Host = CareTeamWorld.Host(database, new TestClock(On(11, 30)));
            VoluntaryTeam = await CareTeamWorld.Team(Host, Sector.Voluntary);
            SecondaryTeam = await CareTeamWorld.Team(Host, Sector.Secondary);
            Leader = (await CareTeamWorld.Member(Host, VoluntaryTeam, "Team leader", Roles.TeamLeader)).Id;
            var voluntary = (await CareTeamWorld.Member(Host, VoluntaryTeam, "Peer worker")).Id;
            var secondary = (await CareTeamWorld.Member(Host, SecondaryTeam, "Nurse")).Id;

            await Host.WithDb(async db =>
            {
                var world = new DashboardWorld(db);

                var a = world.Arrive("Invented A", "M", new DateOnly(1990, 5, 1), "woman", "Brixton", On(11, 3));
                world.Contact(a.Referral, On(11, 5), ContactMedium.Phone, ContactPlace.Remote, attended: true);
                world.Contact(a.Referral, On(11, 10), ContactMedium.FaceToFace, ContactPlace.Hub, attended: false);
                world.Contact(a.Referral, On(11, 12), ContactMedium.FaceToFace, ContactPlace.Cafe, attended: true);
                a.Spell.RecordAssessment(On(11, 5));
                a.Spell.RecordBaselineMeasure(On(11, 5));
                a.Spell.RecordCarePlanAgreed(On(11, 12));
                world.Measure(a.Spell, BuiltInMeasures.DialogCode, baseline: true, On(11, 5), Dialog(3));
                world.Measure(a.Spell, BuiltInMeasures.DialogCode, baseline: false, On(11, 20), Dialog(5));
                world.Measure(a.Spell, BuiltInMeasures.GboCode, baseline: true, On(11, 5), Goal(2));
                world.Measure(a.Spell, BuiltInMeasures.GboCode, baseline: false, On(11, 20), Goal(6));
                world.Lead(a.Spell, voluntary, On(11, 4));
                PersonA = a.Person.Id;

                var before = world.Arrive("Invented B", "A", new DateOnly(1950, 1, 1), "man", "Clapham", On(5, 1));
                before.Spell.Close(SpellClosureReason.GoalsMet, null, Leader, On(6, 1));
                before.Referral.CloseWithSpell(Leader, On(6, 1));
                var b = world.Return(before.Person, On(11, 9), ReferralSource.GeneralPractice);
                b.Spell.FollowOn(before.Spell);
                world.Contact(b.Referral, On(11, 16), ContactMedium.Video, ContactPlace.Remote, attended: true);
                b.Spell.RecordAssessment(On(11, 16));
                world.Lead(b.Spell, secondary, On(11, 10));

                var c = world.Arrive("Invented C", null, null, null, null, On(10, 20));
                world.Contact(c.Referral, On(11, 18), ContactMedium.Phone, ContactPlace.Remote, attended: true);
                world.Contact(c.Referral, On(11, 19), ContactMedium.Phone, ContactPlace.Remote, attended: true);
                c.Spell.RecordAssessment(On(10, 22));
                c.Spell.RecordBaselineMeasure(On(10, 22));
                c.Spell.RecordCarePlanAgreed(On(11, 20));
                world.Measure(c.Spell, BuiltInMeasures.DialogCode, baseline: true, On(10, 22), Dialog(4));
                world.Measure(c.Spell, BuiltInMeasures.DialogCode, baseline: false, On(11, 24), Dialog(4));
                world.Lead(c.Spell, voluntary, On(10, 21));
                c.Spell.Close(SpellClosureReason.PersonsChoice, null, Leader, On(11, 25));
                c.Referral.CloseWithSpell(Leader, On(11, 25));

                var d = world.Arrive("Invented D", "N", new DateOnly(2005, 6, 1), "non-binary", "Brixton", On(10, 1));
                PersonD = d.Person.Id;

                var e = world.Arrive("Invented E", "prefer-not-to-say", null, "prefer-not-to-say", "Brixton", On(11, 20), ReferralSource.CarerOrFamily);
                e.Referral.RecordOutcome(Domain.Triage.TriageOutcome.ClosedAtPersonsRequest, null, Leader, On(11, 21));
                e.Spell.End(On(11, 21));

                return await db.SaveChangesAsync(CancellationToken.None);
            });
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();

        public Task<Dashboard> Dashboard(FigureFilter filter) => Host.Send(new GetDashboard(filter), Leader, Roles.TeamLeader);
    }

    [SkippableFact]
    public async Task Should_count_the_four_week_clock_as_worked_out_by_hand()
    {
        var w = (await hub.Dashboard(November)).Figures.Waiting;

        w.WaitingNow.Count.ShouldBe(2, "B and D; A and C stopped, E ended");
        w.AtRisk.Count.ShouldBe(1, "B is at day 21");
        w.Breached.Count.ShouldBe(1, "D is at day 60");
        w.Stopped.Count.ShouldBe(2, "A after 9 days, C after 31");
        w.MedianDays.ShouldBe(20m);
        w.WithinStandard.Count.ShouldBe(1);
        w.OverStandard.Count.ShouldBe(1);
        w.EndedBeforeStopping.Count.ShouldBe(1, "E");
    }

    [SkippableFact]
    public async Task Should_count_flow_as_worked_out_by_hand()
    {
        var flow = (await hub.Dashboard(November)).Figures.Flow;

        flow.Referred.Count.ShouldBe(3, "A, B and E; C and D were referred in October");
        flow.ByWeek.Select(t => t.Count).ShouldBe([1, 1, 1, 0]);
        flow.BySource.Where(t => t.Count > 0).Select(t => (t.Key, t.Count)).ShouldBe(
            [("source:Self", 1), ("source:CarerOrFamily", 1), ("source:GeneralPractice", 1)], ignoreOrder: true);
        flow.Returns.Count.ShouldBe(1, "B came back 161 days after the last spell ended");
        flow.Contacts.Count.ShouldBe(6);
        flow.DidNotAttend.Count.ShouldBe(1);
        flow.DidNotAttend.Percent.ShouldBe(16.7m);
        flow.ByMedium.Where(t => t.Count > 0).Select(t => (t.Key, t.Count)).ShouldBe(
            [("medium:FaceToFace", 2), ("medium:Phone", 3), ("medium:Video", 1)], ignoreOrder: true);
        flow.ByPlace.Where(t => t.Count > 0).Select(t => (t.Key, t.Count)).ShouldBe(
            [("place:Hub", 1), ("place:Cafe", 1), ("place:Remote", 4)], ignoreOrder: true);
        flow.Closed.Count.ShouldBe(2, "C and E; B's earlier spell closed in June");
        flow.ByClosureReason.Where(t => t.Count > 0).Select(t => t.Key).ShouldBe(["closure:PersonsChoice", "closure:" + FigureKeys.NoReason], ignoreOrder: true);
    }

    [SkippableFact]
    public async Task Should_pair_outcomes_as_worked_out_by_hand()
    {
        var outcomes = (await hub.Dashboard(November)).Figures.Outcomes;

        var dialog = outcomes.Single(o => o.Measure == "dialog");
        dialog.Pairs.Count.ShouldBe(2, "A and C, each with two attended contacts");
        dialog.MeanChange.ShouldBe(1m, "(+2 + 0) / 2");
        dialog.ByCategory.Select(t => t.Count).ShouldBe([1, 1, 0]);
        var gbo = outcomes.Single(o => o.Measure == "gbo");
        gbo.Pairs.Count.ShouldBe(1);
        gbo.ByCategory[0].Count.ShouldBe(1, "A's goal rose by 4, past the reliable change of 3");
    }

    [SkippableFact]
    public async Task Should_break_figures_down_by_group_and_count_caseloads_now()
    {
        var dashboard = await hub.Dashboard(November);

        var ethnicity = dashboard.Figures.Equity.Single(t => t.Dimension == EquityDimension.Ethnicity);
        var black = ethnicity.Rows.Single(r => r.Group == "Black or Black British");
        black.Referred.Count.ShouldBe(1);
        black.WaitingNow.Count.ShouldBe(1);
        black.Breached.Count.ShouldBe(1, "D");
        ethnicity.Rows.Single(r => r.Group == "White").Returns.Count.ShouldBe(1);
        ethnicity.Rows.Single(r => r.Group == EquityGroups.NotSaid).Referred.Count.ShouldBe(1, "E");
        ethnicity.Rows.Sum(r => r.Referred.Count).ShouldBe(3);
        var age = dashboard.Figures.Equity.Single(t => t.Dimension == EquityDimension.AgeBand);
        age.Rows.Single(r => r.Group == "65 and over").WaitingNow.Count.ShouldBe(1, "B, 76");
        age.Rows.Single(r => r.Group == "18 to 24").Breached.Count.ShouldBe(1, "D, 21");

        var c = dashboard.Caseloads;
        c.Members.Single(m => m.Name == "Peer worker").Open.ShouldBe(1, "A; C's spell has closed");
        c.Members.Single(m => m.Name == "Nurse").Open.ShouldBe(1, "B");
        c.Sectors.Single(s => s.Name == Sector.Voluntary.Describe()).Open.ShouldBe(1);
        c.Unallocated.ShouldBe(1, "D has no lead worker");
        c.HandoffsAwaiting.ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_narrow_every_figure_to_a_team_or_a_neighbourhood()
    {
        var team = (await hub.Dashboard(November with { TeamId = hub.VoluntaryTeam })).Figures;
        team.Flow.Referred.Count.ShouldBe(1, "only A's referral in the period has the voluntary team on its care team");
        team.Flow.Contacts.Count.ShouldBe(5, "A's three and C's two");
        team.Flow.Closed.Count.ShouldBe(1, "C");
        team.Waiting.Stopped.Count.ShouldBe(2);
        team.Waiting.WaitingNow.Count.ShouldBe(0);

        var sector = (await hub.Dashboard(November with { Sector = Sector.Secondary })).Figures;
        sector.Flow.Referred.Count.ShouldBe(1, "B");
        sector.Waiting.AtRisk.Count.ShouldBe(1);

        var brixton = await hub.Dashboard(November with { Neighbourhood = "Brixton" });
        brixton.Figures.Flow.Referred.Count.ShouldBe(2, "A and E");
        brixton.Figures.Waiting.Breached.Count.ShouldBe(1, "D");
        brixton.Caseloads.Unallocated.ShouldBe(1);
        brixton.Caseloads.Members.Single(m => m.Name == "Nurse").Open.ShouldBe(0, "B lives in Clapham");
    }

    [SkippableFact]
    public async Task Should_list_the_people_behind_a_number_for_team_leaders_only()
    {
        var breached = await hub.Host.Send(new GetPeopleBehind(November, "waiting:breached"), hub.Leader, Roles.TeamLeader);
        breached.Count.ShouldBe(1);
        breached.People.Select(p => p.PersonId).ShouldBe([hub.PersonD]);
        breached.People[0].Reference.ShouldNotBeNull();

        var missedInBrixton = await hub.Host.Send(new GetPeopleBehind(November, "dna:all|Neighbourhood=Brixton"), hub.Leader, Roles.TeamLeader);
        missedInBrixton.People.Select(p => p.PersonId).ShouldBe([hub.PersonA]);

        await Should.ThrowAsync<ForbiddenAccessException>(() =>
            hub.Host.Send(new GetPeopleBehind(November, "waiting:breached"), hub.Leader, Roles.Practitioner));
        await Should.ThrowAsync<ForbiddenAccessException>(() =>
            hub.Host.Send(new GetPeopleBehind(November, "waiting:breached"), hub.Leader, Roles.Commissioner));
        await Should.ThrowAsync<NotFoundException>(() =>
            hub.Host.Send(new GetPeopleBehind(November, "no-such-number"), hub.Leader, Roles.TeamLeader));
    }

    [SkippableFact]
    public async Task Should_refuse_a_period_that_ends_before_it_starts_or_runs_over_two_years()
    {
        await Should.ThrowAsync<FluentValidation.ValidationException>(() => hub.Dashboard(new FigureFilter(new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 2))));
        await Should.ThrowAsync<FluentValidation.ValidationException>(() => hub.Dashboard(new FigureFilter(new DateOnly(2023, 1, 1), new DateOnly(2026, 11, 29))));
    }
}
