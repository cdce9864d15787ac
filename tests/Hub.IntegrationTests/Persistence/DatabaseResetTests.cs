using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Persistence;

/// <summary>Respawn empties a test class's database between tests, and the audit chain starts again whole.</summary>
public sealed class DatabaseResetTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static SubmitSelfReferral Referral() =>
        new(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, PreferredName = "Rowan", WhatIsHappening = "Words" }, Guid.NewGuid());

    [SkippableFact]
    public async Task Should_leave_no_rows_behind_and_an_audit_chain_that_verifies_after_the_next_write()
    {
        await using (var before = new ApplicationHost(database.ConnectionString))
        {
            await before.SendAsPublic(Referral());
            (await before.WithDb(db => db.AuditEvents.CountAsync())).ShouldBeGreaterThan(0);
        }

        await database.ResetAsync();

        await using var host = new ApplicationHost(database.ConnectionString);
        (await host.WithDb(db => db.Referrals.CountAsync())).ShouldBe(0);
        (await host.WithDb(db => db.AuditEvents.CountAsync())).ShouldBe(0);
        (await host.WithDb(db => db.OutboxMessages.CountAsync())).ShouldBe(0);
        await host.SendAsPublic(Referral());
        var chain = await host.SendAsPractitioner(new VerifyAuditChain());
        chain.Intact.ShouldBeTrue();
        chain.RowsChecked.ShouldBeGreaterThan(0);
    }
}
