using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Triage.GetReferralRecord;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Infrastructure.Jobs;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.IntegrationTests.Audit;

/// <summary>
/// The audit trail sealed outside the request (docs/decisions/032): requests insert unsealed rows,
/// one sealer chains them, and verification finds an edited, removed or reordered row, sealed or not.
/// </summary>
public sealed class AuditChainTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static SubmitSelfReferral AnyReferral() =>
        new(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs }, Guid.NewGuid());

    private static Task<AuditSealResult> Seal(ApplicationHost host, string instance = "test-sealer") =>
        host.WithService<AuditSealer, AuditSealResult>(s => s.SealAsync(instance, CancellationToken.None));

    private static Task<AuditChainReport> Verify(ApplicationHost host) => host.SendAsPractitioner(new VerifyAuditChain());

    /// <summary>Changes the table as someone with the right to switch the append-only guard off would.</summary>
    private async Task Tamper(ApplicationHost host, string sql)
    {
        _ = host;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"ALTER TABLE \"AuditEvents\" DISABLE TRIGGER \"AuditEvents_AppendOnly\"; {sql}; ALTER TABLE \"AuditEvents\" ENABLE TRIGGER \"AuditEvents_AppendOnly\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task<List<AuditEvent>> Rows(ApplicationHost host) =>
        host.WithDb(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.WriterNumber).ToListAsync());

    [SkippableFact]
    public async Task Should_write_rows_unsealed_and_have_a_later_sealer_chain_them_all_whatever_order_they_committed_in()
    {
        await database.ResetAsync();
        await using (var writer = new ApplicationHost(database.ConnectionString))
        {
            await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => writer.SendAsPublic(AnyReferral()))));
            var written = await Verify(writer);
            (written.Intact, written.SealedRows, written.UnsealedRows).ShouldBe((true, 0, 30), "each request left its row unsealed, its MAC intact");
        }

        // Another process, after the writer stopped (a crash between write and seal loses nothing): it seals them all.
        await using var host = new ApplicationHost(database.ConnectionString);
        (await Seal(host)).Sealed.ShouldBe(30);
        var sequences = await host.WithDb(db => db.AuditEvents.AsNoTracking().OrderBy(a => a.Sequence).Select(a => a.Sequence!.Value).ToListAsync());
        sequences.ShouldBe(Enumerable.Range(1, 30).Select(i => (long)i), "positions given by the sealer: no gaps, no duplicates");

        // A row that commits after later ones were sealed (it started an hour earlier) takes the next place, not its time's.
        host.Clock.Advance(TimeSpan.FromHours(-1));
        await host.SendAsPublic(AnyReferral());
        (await Seal(host)).Sealed.ShouldBe(1);
        var late = await host.WithDb(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.At).FirstAsync());
        late.Sequence.ShouldBe(31);
        var report = await Verify(host);
        (report.Intact, report.SealedRows, report.UnsealedRows, report.MissingRows).ShouldBe((true, 31, 0, 0));
    }

    [SkippableFact]
    public async Task Should_refuse_edits_and_detect_an_edited_row_sealed_or_not()
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString);
        for (var i = 0; i < 10; i++)
        {
            await host.SendAsPublic(AnyReferral());
        }
        await Seal(host);
        for (var i = 0; i < 5; i++)
        {
            await host.SendAsPublic(AnyReferral());
        }

        var refused = await Should.ThrowAsync<PostgresException>(() =>
            host.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Screen\" = 'edited' WHERE \"Sequence\" = 4")));
        refused.MessageText.ShouldContain("append-only");
        var refusedUnsealed = await Should.ThrowAsync<PostgresException>(() =>
            host.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Screen\" = 'edited' WHERE \"Sequence\" IS NULL")));
        refusedUnsealed.MessageText.ShouldContain("append-only");
        (await Verify(host)).Intact.ShouldBeTrue();

        await Tamper(host, "UPDATE \"AuditEvents\" SET \"Screen\" = 'edited' WHERE \"Sequence\" = 4");
        var unsealed = (await Rows(host)).Where(r => !r.IsSealed).ToList();
        await Tamper(host, $"UPDATE \"AuditEvents\" SET \"ActorRole\" = 'Admin' WHERE \"Id\" = '{unsealed[2].Id}'");

        var report = await Verify(host);
        (report.Intact, report.FirstBrokenSequence, report.AlteredUnsealed).ShouldBe((false, 4L, 1L));

        // The sealer seals the altered row as found (the evidence stays) and it stays reported.
        (await Seal(host)).WithoutValidMac.ShouldBe(1);
        var after = await Verify(host);
        (after.Intact, after.FirstBrokenSequence, after.UnsealedRows).ShouldBe((false, 4L, 0L));
    }

    [SkippableFact]
    public async Task Should_detect_a_removed_row_sealed_or_not()
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString);
        for (var i = 0; i < 10; i++)
        {
            await host.SendAsPublic(AnyReferral());
        }
        await Seal(host);
        // More rows than can be in flight at once follow the one removed below, so its gap cannot be a save still going on.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await host.SendAsPublic(AnyReferral());
            }
        })));
        var rows = await Rows(host);
        var unsealedEarly = rows.Where(r => !r.IsSealed).OrderBy(r => r.WriterNumber).ElementAt(3);

        await Tamper(host, $"DELETE FROM \"AuditEvents\" WHERE \"Id\" = '{unsealedEarly.Id}'");
        var unsealedGone = await Verify(host);
        (unsealedGone.Intact, unsealedGone.MissingRows, unsealedGone.FirstBrokenSequence).ShouldBe((false, 1L, (long?)null), "an unsealed row removed leaves a hole in its writer's numbering");

        await Tamper(host, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 6");
        var sealedGone = await Verify(host);
        (sealedGone.Intact, sealedGone.FirstBrokenSequence).ShouldBe((false, 6L));
    }

    [SkippableFact]
    public async Task Should_detect_reordered_rows_sealed_or_not()
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString);
        for (var i = 0; i < 10; i++)
        {
            await host.SendAsPublic(AnyReferral());
        }
        await Seal(host);
        for (var i = 0; i < 5; i++)
        {
            await host.SendAsPublic(AnyReferral());
        }

        // Two unsealed rows swap their place in their writer's order (and their times).
        var unsealed = (await Rows(host)).Where(r => !r.IsSealed).ToList();
        var (a, b) = (unsealed[1], unsealed[2]);
        await Tamper(host, $"UPDATE \"AuditEvents\" SET \"WriterNumber\" = CASE \"Id\" WHEN '{a.Id}' THEN {b.WriterNumber} ELSE {a.WriterNumber} END, " +
            $"\"At\" = CASE \"Id\" WHEN '{a.Id}' THEN '{b.At:O}'::timestamptz ELSE '{a.At:O}'::timestamptz END WHERE \"Id\" IN ('{a.Id}', '{b.Id}')");
        var unsealedSwapped = await Verify(host);
        (unsealedSwapped.Intact, unsealedSwapped.AlteredUnsealed).ShouldBe((false, 2L));

        // Two sealed rows swap positions.
        await Tamper(host, "UPDATE \"AuditEvents\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 7; UPDATE \"AuditEvents\" SET \"Sequence\" = 7 WHERE \"Sequence\" = 8; UPDATE \"AuditEvents\" SET \"Sequence\" = 8 WHERE \"Sequence\" = -1");
        var sealedSwapped = await Verify(host);
        (sealedSwapped.Intact, sealedSwapped.FirstBrokenSequence).ShouldBe((false, 7L));
    }

    [SkippableFact]
    public async Task Should_let_a_record_view_and_a_referral_complete_while_the_sealer_lease_and_lock_are_held()
    {
        await database.ResetAsync();
        await using var host = new ApplicationHost(database.ConnectionString);
        var first = await host.SendAsPublic(AnyReferral());
        var referralId = await host.WithDb(db => db.Referrals.Where(r => r.Reference == first.Reference).Select(r => r.Id).SingleAsync());

        // Another instance's sealer in the middle of a batch: its lease taken and the head row locked, in an open transaction.
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand(
            "UPDATE \"AuditChainHead\" SET \"LeaseHolder\" = 'another-instance', \"LeaseExpiresAt\" = now() + interval '1 hour' WHERE \"Id\" = 1", other, transaction))
        {
            (await take.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        // Our own sealer waits on that lock (only sealers ever touch the head) ...
        var sealing = Seal(host);
        // ... while requests go on: neither touches the chain head.
        var within = TimeSpan.FromSeconds(60);
        var view = await host.SendAsPractitioner(new GetReferralRecord(referralId)).WaitAsync(within);
        view.ShouldNotBeNull();
        var sent = await host.SendAsPublic(AnyReferral()).WaitAsync(within);
        sent.AlreadySubmitted.ShouldBeFalse();
        sealing.IsCompleted.ShouldBeFalse("the sealer waits for the lock the other instance holds");
        (await host.WithDb(db => db.AuditEvents.CountAsync(e => e.Sequence == null))).ShouldBe(3, "the referrals' rows and the view's, written unsealed");

        // The other instance's lease is still good when it commits: ours gives up at once and seals nothing.
        await transaction.CommitAsync();
        var result = await sealing.WaitAsync(within);
        (result.LeaseHeldElsewhere, result.Sealed).ShouldBe((true, 0));

        // Once that lease has lapsed (here: given back), the next run seals everything.
        await host.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditChainHead\" SET \"LeaseHolder\" = NULL, \"LeaseExpiresAt\" = NULL"));
        (await Seal(host)).Sealed.ShouldBe(3);
        (await Verify(host)).Intact.ShouldBeTrue();
    }
}
