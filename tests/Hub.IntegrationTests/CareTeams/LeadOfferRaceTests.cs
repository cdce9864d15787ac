using FluentValidation;
using Hub.Application.CareTeams.OfferHandoff;
using Hub.Application.Triage.RecordContact;
using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>
/// The lead is offered to one colleague at a time. Two members of a care team offering it to two
/// different colleagues at the same moment each pass the aggregate's check against what they loaded;
/// the database's one-open-lead-offer index settles it, and the loser is told why. A hub migrated
/// from before the index keeps the earliest of any such pair and withdraws the rest.
/// </summary>
public sealed class LeadOfferRaceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const int Rounds = 8;

    [SkippableFact]
    public async Task Should_leave_one_open_offer_of_the_lead_when_two_members_offer_it_to_two_colleagues_at_once()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (b, c) = (await Member(host, team, "Member B"), await Member(host, team, "Member C"));
        var (d, e) = (await Member(host, team, "Member D"), await Member(host, team, "Member E"));

        for (var round = 0; round < Rounds; round++)
        {
            var referral = await TriagedReferral(host, Answers(phone: $"07700 900 {600 + round}"));
            foreach (var member in new[] { b, c })
            {
                await host.SendAsPractitioner(new RecordContact(referral.Id, host.Clock.GetUtcNow(), ContactMedium.Phone, ContactPlace.Remote, true, 20, null), member.Id);
            }
            var attempts = await Task.WhenAll(new[] { (From: b, To: d), (From: c, To: e) }.Select(pair => Task.Run(async () =>
            {
                try
                {
                    return (Offered: await host.SendAsPractitioner(new OfferHandoff(referral.Id, pair.To.Id, CareTeamRole.Lead, "Offering the lead."), pair.From.Id) == OfferHandoffResult.Offered,
                        Refusal: (string?)null);
                }
                catch (ValidationException ex)
                {
                    return (Offered: false, Refusal: ex.Errors.ShouldHaveSingleItem().ErrorMessage);
                }
            })));

            attempts.Count(a => a.Offered).ShouldBe(1, $"round {round}: one offer of the lead is made");
            attempts.Single(a => !a.Offered).Refusal.ShouldNotBeNull().ShouldBeOneOf(
                "The lead has already been offered to someone and they have not answered yet. Wait for their answer before offering the lead again",
                "Someone changed this care team at the same moment. Check it and try again");
            var open = await host.WithDb(db => db.Handoffs.AsNoTracking()
                .CountAsync(h => h.SpellId == referral.SpellId && h.Status == HandoffStatus.Pending && h.Role == CareTeamRole.Lead));
            open.ShouldBe(1, $"round {round}: one open offer of the lead");
        }
    }

    [SkippableFact]
    public async Task Should_withdraw_all_but_the_earliest_open_lead_offer_when_migrating_a_hub_from_before_the_index()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (b, d, e) = (await Member(host, team, "Member B"), await Member(host, team, "Member D"), await Member(host, team, "Member E"));
        var referral = await TriagedReferral(host, Answers(phone: "07700 900 690"));
        var first = await Offer(host, b, referral.Id, d, CareTeamRole.Lead);
        var laterId = Guid.NewGuid();

        await host.WithDb(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_OneOpenLeadOffer", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[index - 1]);
            // What a race could leave before the index: a second open offer of the lead, made a minute later, to someone else.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Handoffs" ("Id", "SpellId", "PersonId", "FromUserId", "ToMemberId", "Role", "Note", "Status", "CreatedAt", "Version")
                SELECT {laterId}, "SpellId", "PersonId", "FromUserId", {e.Id}, "Role", "Note", "Status", "CreatedAt" + interval '1 minute', {Guid.NewGuid()}
                FROM "Handoffs" WHERE "Id" = {first.Id}
                """);
            await migrator.MigrateAsync();
            return true;
        });

        var offers = await host.WithDb(db => db.Handoffs.AsNoTracking().Where(h => h.SpellId == referral.SpellId).ToDictionaryAsync(h => h.Id));
        offers[first.Id].Status.ShouldBe(HandoffStatus.Pending, "the earliest offer stands");
        offers[laterId].Status.ShouldBe(HandoffStatus.Withdrawn, "the later one is withdrawn");
        offers[laterId].ResolvedAt.ShouldBe(offers[laterId].CreatedAt);
    }
}
