using System.Data.Common;
using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.CareTeams.AnswerHandoff;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Xunit.Abstractions;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;
using static Hub.IntegrationTests.Reliability.SelfReferralWrite;

namespace Hub.IntegrationTests.Reliability;

/// <summary>
/// Transient database faults on PostgreSQL (docs/decisions/018): the whole transaction is tried
/// again, at most <see cref="TransientFaults.MaxRetries"/> more times, and stores its rows once; a
/// fault that is not transient is not retried.
/// </summary>
public sealed class TransientFaultTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    // A serialization failure, the session shut down by the server, a connection failure: all transient to Npgsql.
    private static readonly string[] TransientStates = [PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.ConnectionFailure];

    private static PostgresException Fault(string sqlState) => new("Injected fault", "ERROR", "ERROR", sqlState);

    private ApplicationHost Host(FailOnCommand faults) => new(database.ConnectionString, interceptors: [faults],
        settings: new Dictionary<string, string?> { ["Hub:Notifications:TriageInbox"] = TriageInbox, ["Hub:PublicBaseUrl"] = BaseUrl });

    /// <summary>The number of commands in one clean self-referral write.</summary>
    private static async Task<int> CommandsInOneSubmit(ApplicationHost host, FailOnCommand faults)
    {
        faults.Reset(failAt: null);
        await host.SendAsPublic(Submit(Guid.NewGuid()));
        faults.Seen.ShouldBeInRange(1, 3, "the write is one batch (the match search before it is a look-up)");
        return faults.Seen;
    }

    [SkippableFact]
    public async Task Should_try_the_referral_again_after_a_transient_fault_at_any_command_and_store_it_once()
    {
        var faults = new FailOnCommand();
        await using var host = Host(faults);
        var commands = await CommandsInOneSubmit(host, faults);

        for (var failAt = 1; failAt <= commands; failAt++)
        {
            var sqlState = TransientStates[(failAt - 1) % TransientStates.Length];
            Fault(sqlState).IsTransient.ShouldBeTrue($"Npgsql counts {sqlState} as transient");
            var token = Guid.NewGuid();
            faults.Reset(failAt, _ => Fault(sqlState));

            var result = await host.SendAsPublic(Submit(token));

            (result.AlreadySubmitted, faults.Faults, faults.Seen).ShouldBe((false, 1, failAt + commands),
                $"{sqlState} at command {failAt} of {commands}: one fault, then the whole write once more");
            (await Counts(host, token)).ShouldBe((1, 1, 1), $"one referral, audit row and email after {sqlState} at command {failAt}");
        }

        (await host.SendAsPractitioner(new VerifyAuditChain())).Intact.ShouldBeTrue("a retried write seals its audit row afresh");
        output.WriteLine($"{commands} commands per write; a fault injected at each: {commands} submits, each stored once after 2 tries");
    }

    [SkippableFact]
    public async Task Should_try_the_referral_again_when_the_server_really_ends_the_session_mid_write()
    {
        var faults = new FailOnCommand();
        await using var host = Host(faults);
        var commands = await CommandsInOneSubmit(host, faults);

        for (var failAt = 1; failAt <= commands; failAt++)
        {
            var token = Guid.NewGuid();
            // The server terminates the session that holds the open transaction; the command then meets a dead connection.
            faults.Reset(failAt, command =>
            {
                Terminate(((NpgsqlConnection)command.Connection!).ProcessID);
                return null;
            });

            (await host.SendAsPublic(Submit(token))).AlreadySubmitted.ShouldBeFalse();

            (faults.Faults, faults.Seen).ShouldBe((1, failAt + commands), $"session ended at command {failAt} of {commands}");
            (await Counts(host, token)).ShouldBe((1, 1, 1), $"session ended at command {failAt}");
        }
        (await host.SendAsPractitioner(new VerifyAuditChain())).Intact.ShouldBeTrue();
        output.WriteLine($"{commands} commands per write; the session ended at each: {commands} submits, each stored once after 2 tries");
    }

    [SkippableFact]
    public async Task Should_not_retry_a_fault_that_is_not_transient_and_store_nothing()
    {
        var faults = new FailOnCommand();
        await using var host = Host(faults);
        var commands = await CommandsInOneSubmit(host, faults);
        var token = Guid.NewGuid();
        Fault(PostgresErrorCodes.StringDataRightTruncation).IsTransient.ShouldBeFalse();
        faults.Reset(commands, _ => Fault(PostgresErrorCodes.StringDataRightTruncation));

        await Should.ThrowAsync<DbUpdateException>(() => host.SendAsPublic(Submit(token)));

        (faults.Faults, faults.Seen).ShouldBe((1, commands), "one try: nothing ran after the fault");
        (await Counts(host, token)).ShouldBe((0, 0, 0));
    }

    [SkippableFact]
    public async Task Should_give_up_after_the_bounded_retries_when_the_fault_persists_and_store_nothing()
    {
        var faults = new FailOnCommand();
        await using var host = Host(faults);
        await CommandsInOneSubmit(host, faults);
        var token = Guid.NewGuid();
        faults.Reset(1, _ => Fault(PostgresErrorCodes.SerializationFailure), everyTry: true);

        var error = await Should.ThrowAsync<RetryLimitExceededException>(() => host.SendAsPublic(Submit(token)));

        faults.Faults.ShouldBe(TransientFaults.MaxRetries + 1, "the first try and every retry, and no more");
        // The write is one batch, whose failure EF reports as a failed save around the server's error.
        var cause = error.InnerException is DbUpdateException failedSave ? failedSave.InnerException : error.InnerException;
        cause.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.SerializationFailure);
        faults.Reset(failAt: null);
        (await Counts(host, token)).ShouldBe((0, 0, 0));

        // The person presses send again once the database is back: stored once.
        await host.SendAsPublic(Submit(token));
        (await Counts(host, token)).ShouldBe((1, 1, 1));
    }

    /// <summary>
    /// Accepting the lead is saved in steps (the old lead steps down, then the new lead is inserted)
    /// in one transaction. A fault at the insert rolls back the earlier step too: the retry must save
    /// both again, or the one-lead index would see two leads and the acceptance would be lost.
    /// </summary>
    [SkippableFact]
    public async Task Should_replay_every_step_of_a_care_team_change_after_a_transient_fault_at_its_last_step()
    {
        var faults = new FailOnCommand();
        await using var host = Host(faults);
        var team = await Team(host);
        var (a, b, c) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member C"));
        var referral = await TriagedReferral(host);
        await Join(host, a, referral.Id, b, CareTeamRole.Lead);
        var handoff = await Offer(host, b, referral.Id, c, CareTeamRole.Lead);
        faults.FailWhen(InsertsInto("CareTeamMembers"), _ => Fault(PostgresErrorCodes.SerializationFailure));

        var answered = await host.SendAsPractitioner(new AnswerHandoff(handoff.Id, true, null), c.Id);

        (answered, faults.Faults).ShouldBe((AnswerHandoffResult.Accepted, 1));
        (await CurrentTeam(host, referral.SpellId)).ShouldBe([(b.Id, CareTeamRole.Involved), (c.Id, CareTeamRole.Lead)], ignoreOrder: true);
        var stored = await host.WithDb(db => db.Handoffs.AsNoTracking().SingleAsync(h => h.Id == handoff.Id));
        (stored.Status, stored.DecidedByUserId).ShouldBe((HandoffStatus.Accepted, (Guid?)c.Id));
        (await host.WithDb(db => db.AuditEvents.CountAsync(e => e.RecordId == handoff.Id && e.Action == AuditAction.Update))).ShouldBe(1);
        (await host.SendAsPractitioner(new VerifyAuditChain())).Intact.ShouldBeTrue();
    }

    private static Func<DbCommand, bool> InsertsInto(string table) =>
        command => command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal);

    private void Terminate(int processId)
    {
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
        admin.Open();
        using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 5000)", admin);
        command.Parameters.AddWithValue("pid", processId);
        ((bool)command.ExecuteScalar()!).ShouldBeTrue("the session ended within five seconds");
    }
}
