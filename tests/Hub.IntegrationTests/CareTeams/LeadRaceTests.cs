using FluentValidation;
using Hub.Application.CareTeams.OfferHandoff;
using Hub.Application.Triage.RecordContact;
using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.TestSupport;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>
/// Two practitioners take the lead for the same person at the same moment: the aggregate checks each
/// against what it loaded, and the database's one-lead index settles the race. Exactly one wins and
/// the other is told why, never an error page.
/// </summary>
public sealed class LeadRaceTests(DatabaseFixture database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Rounds = 8;

    [SkippableFact]
    public async Task Should_let_exactly_one_of_two_members_racing_to_take_the_lead_win_and_refuse_the_other_with_a_reason()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (b, c) = (await Member(host, team, "Member B"), await Member(host, team, "Member C"));
        var refusals = new List<string>();

        for (var round = 0; round < Rounds; round++)
        {
            var referral = await TriagedReferral(host, Answers(phone: $"07700 900 {500 + round}"));
            // Both have met the person, so each keeps access to the record whoever takes the lead first.
            foreach (var member in new[] { b, c })
            {
                await host.SendAsPractitioner(new RecordContact(referral.Id, host.Clock.GetUtcNow(), ContactMedium.Phone, ContactPlace.Remote, true, 20, null), member.Id);
            }
            var attempts = await Task.WhenAll(new[] { b, c }.Select(member => Task.Run(async () =>
            {
                try
                {
                    return (Member: member.Id, Won: await host.SendAsPractitioner(new OfferHandoff(referral.Id, member.Id, CareTeamRole.Lead, "Taking the lead."), member.Id) == OfferHandoffResult.JoinedCareTeam, Refusal: (string?)null);
                }
                catch (ValidationException ex)
                {
                    return (Member: member.Id, Won: false, Refusal: ex.Errors.ShouldHaveSingleItem().ErrorMessage);
                }
            })));

            var winner = attempts.Where(a => a.Won).ShouldHaveSingleItem($"round {round}: exactly one takes the lead");
            refusals.Add(attempts.Single(a => !a.Won).Refusal.ShouldNotBeNull());
            (await CurrentTeam(host, referral.SpellId)).ShouldBe([(winner.Member, CareTeamRole.Lead)], $"round {round}: one lead, and the loser is not on the team");
        }

        output.WriteLine(string.Join("\n", refusals.GroupBy(r => r).Select(g => $"{g.Count()} x {g.Key}")));
        refusals.ShouldAllBe(r => r.StartsWith("This person already has a lead worker", StringComparison.Ordinal)
            || r == "Someone changed this care team at the same moment. Check it and try again");
    }
}
