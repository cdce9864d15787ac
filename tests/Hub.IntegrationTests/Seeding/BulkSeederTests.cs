using Hub.Domain.Contacts;
using Hub.Domain.Referrals;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding.Bulk;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Seeding;

/// <summary>
/// The bulk seed generator behind the performance benchmarks: six weeks of a small hub (300
/// referrals at 50 a week), checked for the shape the benchmarks rely on.
/// </summary>
public sealed class BulkSeederTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly BulkSeedOptions SixWeeks = new() { Referrals = 300, PerWeek = 50 };

    private static Task<BulkSeedResult> Seed(ApplicationHost host, BulkSeedOptions options) =>
        host.WithService<BulkSeeder, BulkSeedResult>(seeder => seeder.SeedAsync(options, null, CancellationToken.None));

    [SkippableFact]
    public async Task Should_write_six_weeks_of_referrals_with_people_spells_returns_reviews_and_mostly_closed_spells()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var result = await Seed(host, SixWeeks);

        await host.WithDb(async db =>
        {
            (await db.Referrals.CountAsync()).ShouldBe(300);
            result.RowsByTable["Referrals"].ShouldBe(300);

            var oldest = await db.Referrals.MinAsync(r => r.ReceivedAt);
            var newest = await db.Referrals.MaxAsync(r => r.ReceivedAt);
            var now = host.Clock.GetUtcNow();
            (newest - oldest).TotalDays.ShouldBeInRange(41, 42);
            newest.ShouldBeLessThanOrEqualTo(now);
            (now - newest).TotalHours.ShouldBeLessThan(7 * 24 / 50.0);

            (await db.Referrals.CountAsync(r => db.People.Any(p => p.Id == r.PersonId) && db.Spells.Any(s => s.Id == r.SpellId && s.PersonId == r.PersonId)))
                .ShouldBe(300);

            var followOns = await db.Spells.Where(s => s.PreviousSpellId != null)
                .Join(db.Spells, s => s.PreviousSpellId, p => p.Id, (s, p) => new { s.PersonId, s.StartedAt, PreviousPersonId = p.PersonId, p.EndedAt })
                .ToListAsync();
            followOns.ShouldNotBeEmpty();
            followOns.ShouldAllBe(f => f.PersonId == f.PreviousPersonId && f.EndedAt < f.StartedAt);
            (await db.People.CountAsync()).ShouldBeLessThan(300);

            var spells = await db.Spells.CountAsync();
            var open = await db.Spells.CountAsync(s => s.EndedAt == null);
            (open * 2).ShouldBeLessThan(spells);
            (await db.Spells.CountAsync(s => s.ClosureReason != null)).ShouldBeGreaterThan(0);

            (await db.OutcomeRecords.CountAsync(o => !o.IsBaseline)).ShouldBeGreaterThan(0);
            (await db.OutcomeRecords.CountAsync(o => o.IsBaseline)).ShouldBeGreaterThan(await db.OutcomeRecords.CountAsync(o => !o.IsBaseline));
            (await db.Spells.CountAsync(s => s.AssessedAt != null && s.BaselineMeasuredAt != null && s.CarePlanAgreedAt != null)).ShouldBeGreaterThan(0);
            (await db.CareTeamMembers.CountAsync()).ShouldBeGreaterThan(0);

            // Triage has seen most; the mix of sources and missed appointments is there.
            (await db.Referrals.CountAsync(r => r.Outcome != null)).ShouldBeGreaterThan(240);
            (await db.Referrals.Select(r => r.Source).Distinct().CountAsync()).ShouldBeGreaterThan(3);
            (await db.Referrals.CountAsync(r => r.Source == ReferralSource.Self)).ShouldBeGreaterThan(150);
            (await db.Contacts.CountAsync(c => !c.Attended && c.DurationMinutes == null)).ShouldBeGreaterThan(0);
            (await db.Contacts.CountAsync(c => c.Attended && c.DurationMinutes > 0 && c.Medium == ContactMedium.FaceToFace)).ShouldBeGreaterThan(0);
            return 0;
        });
    }

    [SkippableFact]
    public async Task Should_write_the_same_people_and_references_for_the_same_seed_and_refuse_a_hub_with_referrals()
    {
        var server = await PostgresServer.GetAsync();
        await using var first = new ApplicationHost(await server.CreateDatabaseAsync());
        await using var second = new ApplicationHost(await server.CreateDatabaseAsync());
        await Seed(first, SixWeeks);
        await Seed(second, SixWeeks);

        static async Task<(int People, int Referrals, int Spells, string FirstReference)> Summary(HubDbContext db) =>
            (await db.People.CountAsync(), await db.Referrals.CountAsync(), await db.Spells.CountAsync(),
                await db.Referrals.OrderBy(r => r.ReceivedAt).Select(r => r.Reference).FirstAsync());
        (await second.WithDb(Summary)).ShouldBe(await first.WithDb(Summary));

        await Should.ThrowAsync<InvalidOperationException>(() => Seed(first, SixWeeks));
    }
}
