using Hub.TestSupport;
using static Hub.IntegrationTests.Reliability.SelfReferralWrite;

namespace Hub.IntegrationTests.Reliability;

/// <summary>
/// The connection fails after each command of the self-referral's write in turn: the referral,
/// its audit row and its outbox email are all stored, or none of them is.
/// </summary>
public sealed class CrashMidWriteTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_store_the_referral_its_audit_row_and_its_email_together_or_not_at_all()
    {
        var faults = new FailOnCommand();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [faults],
            settings: new Dictionary<string, string?> { ["Hub:Notifications:TriageInbox"] = TriageInbox });

        // Count the commands of one clean submit, then fail at each of them in turn.
        faults.Reset(failAt: null);
        await host.SendAsPublic(Submit(Guid.NewGuid()));
        var commands = faults.Seen;
        commands.ShouldBeInRange(1, 3, "the write is one batch (the match search before it is a look-up)");

        for (var failAt = 1; failAt <= commands; failAt++)
        {
            var token = Guid.NewGuid();
            faults.Reset(failAt);
            await Should.ThrowAsync<Exception>(() => host.SendAsPublic(Submit(token)), $"failing command {failAt} of {commands}");
            faults.Reset(failAt: null);

            var (referrals, audits, emails) = await Counts(host, token);
            referrals.ShouldBe(0, $"after failing command {failAt}");
            audits.ShouldBe(0, $"after failing command {failAt}");
            emails.ShouldBe(0, $"after failing command {failAt}");

            // The person presses send again: it works, once.
            await host.SendAsPublic(Submit(token));
            (await Counts(host, token)).ShouldBe((1, 1, 1), $"retry after failing command {failAt}");
        }

        var chain = await host.SendAsPractitioner(new Hub.Application.Audit.VerifyAuditChain.VerifyAuditChain());
        chain.Intact.ShouldBeTrue("failed writes leave no gap or orphan in the audit chain");
    }
}
