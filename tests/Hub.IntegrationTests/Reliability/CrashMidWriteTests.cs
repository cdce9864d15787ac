using System.Data.Common;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
            settings: new Dictionary<string, string?> { ["Hub:Notifications:TriageInbox"] = "triage@hub.test" });

        // Count the commands of one clean submit, then fail at each of them in turn.
        faults.Reset(failAt: null);
        await host.SendAsPublic(Submit(Guid.NewGuid()));
        var commands = faults.Seen;
        commands.ShouldBeGreaterThan(3);

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

    private static SubmitSelfReferral Submit(Guid token) =>
        new(new SelfReferralAnswers { ContactMethod = ContactMethod.Phone, Phone = "07700 900 777", SafeToLeaveMessage = "yes", WhatIsHappening = "Crash test" }, token);

    private static Task<(int, int, int)> Counts(ApplicationHost host, Guid token) => host.WithDb(async db =>
    {
        var ids = await db.Referrals.Where(r => r.FormToken == token).Select(r => new { r.Id, r.Reference }).ToListAsync();
        var referralIds = ids.Select(i => i.Id).ToList();
        var references = ids.Select(i => i.Reference).ToList();
        var audits = await db.AuditEvents.CountAsync(a => referralIds.Contains(a.RecordId));
        var emails = references.Count == 0 ? 0 : await db.OutboxMessages.CountAsync(m => references.Any(r => m.Subject.Contains(r)));
        return (ids.Count, audits, emails);
    });

    /// <summary>Throws, as a dropped connection would, when the chosen command of the next write runs.</summary>
    private sealed class FailOnCommand : DbCommandInterceptor
    {
        private int? _failAt;
        private int _seen;
        private bool _counting;

        public int Seen => _seen;

        public void Reset(int? failAt)
        {
            _failAt = failAt;
            _seen = 0;
            _counting = true;
        }

        private void Step(DbCommand command)
        {
            // Only the submit's own write counts: reads that come before it (token and match look-ups) are selects.
            if (!_counting || (_seen == 0 && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && command.Transaction is null))
            {
                return;
            }
            _seen++;
            if (_failAt == _seen)
            {
                _counting = false;
                throw new InvalidOperationException("Injected: connection lost");
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Step(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Step(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Step(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
