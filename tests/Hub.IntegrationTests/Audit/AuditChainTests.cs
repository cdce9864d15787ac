using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Audit;

public sealed class AuditChainTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static SubmitSelfReferral AnyReferral() =>
        new(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs }, Guid.NewGuid());

    [SkippableFact]
    public async Task Should_keep_an_unbroken_chain_when_many_changes_are_written_at_once_refuse_edits_and_detect_a_tampered_row()
    {
        await using var host = new ApplicationHost(database.ConnectionString);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => host.SendAsPublic(AnyReferral()))));

        var sequences = await host.WithDb(db => db.AuditEvents.AsNoTracking().OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        sequences.ShouldBe(Enumerable.Range(1, sequences.Count).Select(i => (long)i), "no gaps and no duplicates");
        var intact = await host.SendAsPractitioner(new VerifyAuditChain());
        intact.Intact.ShouldBeTrue();
        intact.RowsChecked.ShouldBe(sequences.Count);

        var refused = await Should.ThrowAsync<Npgsql.PostgresException>(() =>
            host.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Screen\" = 'edited' WHERE \"Sequence\" = 12")));
        refused.MessageText.ShouldContain("append-only");
        (await host.SendAsPractitioner(new VerifyAuditChain())).Intact.ShouldBeTrue();

        // Someone with rights to switch the guard off can still edit a row; the chain shows where.
        await host.WithDb(db => db.Database.ExecuteSqlRawAsync(
            "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER \"AuditEvents_AppendOnly\"; UPDATE \"AuditEvents\" SET \"Screen\" = 'edited' WHERE \"Sequence\" = 12"));

        var broken = await host.SendAsPractitioner(new VerifyAuditChain());
        broken.Intact.ShouldBeFalse();
        broken.FirstBrokenSequence.ShouldBe(12);
    }
}
