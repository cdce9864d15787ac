using Hub.Application.CareTeams.GetHandoffs;
using Hub.Application.Common;
using Hub.Application.Routing.GetRoutingSuggestions;
using Hub.Application.SupportPlans.MyPlan.GetMyPlan;
using Hub.Application.SupportPlans.MyPlan.SaveMyPlan;
using Hub.Application.SupportPlans.Staff.GetStaffPlan;
using Hub.Application.SupportPlans.Staff.StartSupportPlan;
using Hub.Application.SupportPlans.Staff.SuggestPlanChange;
using Hub.Domain.CareTeams;
using Hub.Domain.Referrals;
using Hub.IntegrationTests.Persistence;
using Hub.TestSupport;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>
/// The care-team and plan pages cost the same number of SQL commands whatever the number of people,
/// members and plan changes (no query per row).
/// </summary>
public sealed class CareTeamCommandCountTests(DatabaseFixture database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_read_routing_work_lists_and_plans_with_the_same_number_of_commands_at_two_sizes()
    {
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [counter],
            settings: new Dictionary<string, string?> { ["Hub:PublicBaseUrl"] = BaseUrl });
        var team = await Team(host);
        var leader = await Member(host, team, "Team leader L", Roles.TeamLeader);
        var lead = await Member(host, team, "Member B");

        var small = await Measure(host, counter, team, leader, lead, people: 2);
        var large = await Measure(host, counter, team, leader, lead, people: 12);

        output.WriteLine($"SQL commands (routing, allocation queue, my work, staff plan, my plan): {small} with 2 people, {large} with 12");
        large.ShouldBe(small);
    }

    private static async Task<(int Routing, int Queue, int MyWork, int StaffPlan, int MyPlan)> Measure(
        ApplicationHost host, CommandCounter counter, Guid team, Staff leader, Staff lead, int people)
    {
        Referral? last = null;
        for (var i = 0; i < people; i++)
        {
            await Member(host, team, $"Member {people}-{i}");
            last = await TriagedReferral(host, Answers(email: $"count.{people}.{i}@example.org"));
            await Join(host, leader, last.Id, lead, CareTeamRole.Lead);
        }
        var planId = await host.SendAsPractitioner(new StartSupportPlan(last!.Id), lead.Id);
        for (var i = 0; i < people; i++)
        {
            var token = (await host.SendAsPerson(new GetMyPlan(), last.PersonId)).Token;
            await host.SendAsPerson(new SaveMyPlan(planId, token, $"Invented words {i}.", [], [$"Step {i}"], null, [], null), last.PersonId);
            await host.SendAsPractitioner(new SuggestPlanChange(last.Id, Domain.SupportPlans.PlanSection.AddStep, $"Suggestion {i}", null), lead.Id);
        }

        counter.Reset();
        await host.SendAsPractitioner(new GetRoutingSuggestions(last.Id), lead.Id);
        var routing = counter.Count;
        counter.Reset();
        await host.Send(new GetAllocationQueue(), leader.Id, Roles.TeamLeader);
        var queue = counter.Count;
        counter.Reset();
        await host.SendAsPractitioner(new GetMyWork(), lead.Id);
        var myWork = counter.Count;
        counter.Reset();
        await host.SendAsPractitioner(new GetStaffPlan(last.Id), lead.Id);
        var staffPlan = counter.Count;
        counter.Reset();
        await host.SendAsPerson(new GetMyPlan(), last.PersonId);
        return (routing, queue, myWork, staffPlan, counter.Count);
    }
}
