using System.Diagnostics;
using Bogus;
using Hub.Application.Common;
using Hub.Infrastructure.Identity;
using Hub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hub.Infrastructure.Seeding.Bulk;

/// <summary>
/// Fills an empty hub database with invented but realistic history, for measuring how the hub's
/// queries behave as a hub ages: people with equality data, referrals from a mix of sources,
/// MHSDS spells (returning people start a spell that follows on from their last), triage,
/// contacts with durations and missed appointments, strengths-based conversations with DIALOG and
/// GBO baselines and reviews, agreed plans, care teams, and closing.
/// <para>
/// <b>Density is fixed, history grows.</b> Referrals arrive at <see cref="BulkSeedOptions.PerWeek"/>
/// a week (250 by default), counted back from now: 1,000 referrals cover the last 4 weeks and
/// 1,000,000 about 77 years. The most recent weeks look the same at every size (the same open
/// caseload of hundreds, the same triage queue, the same waiting list), so a query that is slower
/// on the large database is slower because of accumulated history, which is what indexes must
/// make irrelevant, and not because today is busier.
/// </para>
/// <para>
/// The same <see cref="BulkSeedOptions.Seed"/> gives the same people, references and stories
/// (identifiers and concurrency tokens are still new GUIDs). PostgreSQL is written with binary
/// COPY; other providers through EF Core, which is only sensible for small numbers. Nothing about
/// a person is ever logged or reported: progress is counts.
/// </para>
/// </summary>
public sealed class BulkSeeder(HubDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock)
{
    public Task<bool> HasReferralsAsync(CancellationToken cancellationToken) => db.Referrals.AnyAsync(cancellationToken);

    public async Task<BulkSeedResult> SeedAsync(BulkSeedOptions options, IProgress<BulkSeedProgress>? progress, CancellationToken cancellationToken)
    {
        options.EnsureValid();
        if (await HasReferralsAsync(cancellationToken))
        {
            throw new InvalidOperationException("This hub database already has referrals; bulk seeding only fills an empty one.");
        }
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        // A randomizer of our own rather than the global Randomizer.Seed, so that two seeds in one
        // process (tests run in parallel) cannot disturb each other's sequence.
        var faker = new Faker("en_GB") { Random = new Randomizer(options.Seed) };
        var staff = await BulkStaff.CreateAsync(db, users, faker, cancellationToken);
        var generator = new ReferralHistoryGenerator(options, clock.GetUtcNow(), staff, faker,
            (entity, property, value) => db.Entry(entity).Property(property).CurrentValue = value);

        var rows = new Dictionary<string, long>();
        var stopwatch = Stopwatch.StartNew();
        await using (IBulkWriter writer = db.Database.IsNpgsql() ? new PostgresCopyWriter(db) : new EfCoreBulkWriter(db))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            Task? writing = null;
            while (!generator.Done)
            {
                var batch = generator.Next(options.BatchSize);
                // Entries made while setting state through the model are not kept between batches.
                db.ChangeTracker.Clear();
                Count(batch, rows);
                if (writing is not null)
                {
                    await writing;
                    progress?.Report(new BulkSeedProgress(generator.Written - batch.Referrals.Count, options.Referrals, stopwatch.Elapsed));
                }
                if (writer.WritesInBackground)
                {
                    // Generating the next batch takes about as long as writing this one: two cores, two jobs.
                    writing = Task.Run(() => writer.WriteAsync(batch, cancellationToken), cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    progress?.Report(new BulkSeedProgress(generator.Written, options.Referrals, stopwatch.Elapsed));
                }
            }
            if (writing is not null)
            {
                await writing;
                progress?.Report(new BulkSeedProgress(generator.Written, options.Referrals, stopwatch.Elapsed));
            }

            var written = stopwatch.Elapsed;
            await writer.FinishAsync(cancellationToken);
            return new BulkSeedResult(rows, written, stopwatch.Elapsed - written);
        }
    }

    private void Count(BulkBatch batch, Dictionary<string, long> rows)
    {
        foreach (var (type, list) in batch.InWriteOrder())
        {
            var table = db.Model.FindEntityType(type)?.GetTableName() ?? type.Name;
            rows[table] = rows.GetValueOrDefault(table) + list.Count;
        }
    }
}
