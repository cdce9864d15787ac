using System.Data.Common;
using System.Text.RegularExpressions;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.Infrastructure.Jobs;
using Hub.Infrastructure.Persistence.Providers;
using Hub.IntegrationTests.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hub.IntegrationTests.Referrals;

/// <summary>
/// What a send asks of PostgreSQL (docs/decisions/051, 052): one command on one connection, whose
/// possible-match search tests only the keys the person gave and has a generic plan that reads indexes,
/// and seals written a batch at a time.
/// </summary>
public sealed partial class SendDatabaseWorkTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_write_a_send_with_its_suggestions_in_one_command_on_one_connection()
    {
        var (counter, opens) = (new CommandCounter(), new OpenCounter());
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [counter, opens]);
        await host.SendAsPublic(Send(phone: "07700 900 301", email: $"one.{Guid.NewGuid():N}@example.org"));
        counter.Reset();
        opens.Reset();

        var sent = await host.SendAsPublic(Send(phone: "07700 900 301", email: $"two.{Guid.NewGuid():N}@example.org"));

        counter.Count.ShouldBe(1, "the rows, and the search that writes the suggestions, in one command (docs/decisions/052)");
        opens.Count.ShouldBe(1);
        var suggested = await host.WithDb(db => db.PossibleMatches.Where(m => db.Referrals.Any(r => r.Id == m.ReferralId && r.Reference == sent.Reference)).Select(m => m.Reasons).ToListAsync());
        suggested.ShouldBe([MatchReasons.SamePhone], "the earlier record with the same phone is suggested in that same command");
    }

    [SkippableFact]
    public async Task Should_search_only_the_keys_the_person_gave()
    {
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [counter]);

        var phoneOnly = await SearchText(host, counter, Send(phone: "07700 900 302"));
        var emailOnly = await SearchText(host, counter, Send(email: $"keys.{Guid.NewGuid():N}@example.org"));

        phoneOnly.ShouldContain("\"PhoneKey\" =");
        phoneOnly.ShouldNotContain("\"EmailKey\"", customMessage: "no arm for a key the person left out, not even IS NULL");
        phoneOnly.ShouldNotContain("\"NameKey\" =");
        emailOnly.ShouldContain("\"EmailKey\" =");
        emailOnly.ShouldNotContain("\"PhoneKey\" =");
        emailOnly.ShouldNotContain("Key\" IS NULL", customMessage: "no arm for a key the person left out");
    }

    [SkippableFact]
    public async Task Should_have_a_generic_plan_for_every_key_shape_that_reads_indexes_not_every_person()
    {
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [counter]);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            // Enough people that reading them all would cost more than the indexes (a handful fit on one page either way).
            await using var seed = new NpgsqlCommand("""
                INSERT INTO "People" ("Id", "CreatedAt", "PhoneKey", "EmailKey", "DateOfBirth", "NameKey", "Contact_PreferredMethod")
                SELECT gen_random_uuid(), now() - make_interval(mins => g), '0770' || lpad(g::text, 7, '0'), 'seed' || g || '@example.org',
                       DATE '1960-01-01' + g % 15000, 'seed person ' || g, 0
                FROM generate_series(1, 20000) AS g;
                ANALYZE "People";
                """, connection);
            await seed.ExecuteNonQueryAsync();
        }

        var shapes = new[]
        {
            Send(phone: "07700 900 303"),
            Send(email: "shape@example.org"),
            Send(name: "Ada Shape", born: new DateOnly(1990, 1, 2)),
            Send(phone: "07700 900 304", email: "shape.two@example.org"),
            Send(phone: "07700 900 305", name: "Ada Shape", born: new DateOnly(1990, 1, 2)),
            Send(email: "shape.three@example.org", name: "Ada Shape", born: new DateOnly(1990, 1, 2)),
            Send(phone: "07700 900 306", email: "shape.four@example.org", name: "Ada Shape", born: new DateOnly(1990, 1, 2)),
        };
        foreach (var shape in shapes)
        {
            counter.Reset();
            await host.SendAsPublic(shape);
            var search = Suggestion(counter.Commands.Single());
            var plan = await GenericPlan(search);
            plan.ShouldNotContain("Seq Scan on \"People\"", customMessage: $"the generic plan of {search.Text}:\n{plan}");
            plan.ShouldContain("Index");
        }
    }

    [SkippableFact]
    public async Task Should_prepare_the_statements_tagged_for_it_and_no_others()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (tagged, untagged) = await host.WithDb(async db =>
        {
            await using var held = await db.HoldConnectionAsync(CancellationToken.None);
            await db.People.TagWith(PreparedStatements.Tag).Where(p => p.PhoneKey == "07700900307").CountAsync();
            await db.People.Where(p => p.EmailKey == "not.prepared@example.org").CountAsync();
            var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements WHERE NOT from_sql").ToListAsync();
            // The connection may come back from the pool holding other tests' prepared statements (a send's
            // inserts: one command, whose first statement carries the tag): only these two queries are looked at.
            return (prepared.Count(s => s.Contains(PreparedStatements.Tag, StringComparison.Ordinal) && s.Contains("07700900307", StringComparison.Ordinal)),
                    prepared.Count(s => s.Contains("not.prepared", StringComparison.Ordinal)));
        });

        tagged.ShouldBe(1, "the tagged query is prepared on the connection that ran it");
        untagged.ShouldBe(0, "an untagged query is planned with its values each time");
    }

    [SkippableFact]
    public async Task Should_log_a_form_sent_twice_as_a_warning_not_an_error()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = new ApplicationHost(database.ConnectionString,
            configure: s => s.AddLogging(b => b.AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)));
        var send = Send(email: $"twice.{Guid.NewGuid():N}@example.org");
        var first = await host.SendAsPublic(send);

        var second = await host.SendAsPublic(send);

        second.AlreadySubmitted.ShouldBeTrue();
        second.Reference.ShouldBe(first.Reference);
        logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal),
            "EF still says the command failed, so an operator can see it");
        logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Category).ShouldBeEmpty("a double click is not an error");
    }

    [SkippableFact]
    public async Task Should_seal_a_batch_of_audit_rows_with_one_update()
    {
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [counter]);
        for (var i = 0; i < 12; i++)
        {
            await host.SendAsPublic(Send(email: $"seal.{i}.{Guid.NewGuid():N}@example.org"));
        }
        counter.Reset();

        var sealedNow = await host.WithService<AuditSealer, AuditSealResult>(s => s.SealAsync("seal-test", CancellationToken.None));

        sealedNow.Sealed.ShouldBeGreaterThanOrEqualTo(12);
        counter.Texts.Count(t => t.Contains("UPDATE \"AuditEvents\"", StringComparison.Ordinal)).ShouldBe(1, "one UPDATE for the batch, not one per row");
        var unsealed = await host.WithDb(db => db.AuditEvents.CountAsync(e => e.Sequence == null));
        unsealed.ShouldBe(0);
    }

    private static async Task<string> SearchText(ApplicationHost host, CommandCounter counter, SubmitSelfReferral send)
    {
        counter.Reset();
        await host.SendAsPublic(send);
        var text = Suggestion(counter.Commands.Single()).Text;
        return text[text.IndexOf("WHERE", StringComparison.Ordinal)..]; // the tests, not the keys it compares
    }

    /// <summary>The statement of the send's command that searches and writes the suggestions, with its own parameters only.</summary>
    private static CommandCounter.SeenCommand Suggestion(CommandCounter.SeenCommand send)
    {
        var statement = send.Text.Split(";\n").Single(s => s.Contains("INSERT INTO \"PossibleMatches\"", StringComparison.Ordinal) && s.Contains("FROM \"People\"", StringComparison.Ordinal));
        var names = ParameterName().Matches(statement).Select(m => m.Value.TrimStart('@')).ToHashSet();
        return new CommandCounter.SeenCommand(statement, send.Parameters.Where(p => names.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>The plan PostgreSQL keeps once it plans the statement without its values, as a prepared statement may.</summary>
    private async Task<string> GenericPlan(CommandCounter.SeenCommand search)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        var text = ParameterName().Replace(search.Text, m =>
        {
            var index = names.IndexOf(m.Value);
            if (index < 0)
            {
                names.Add(m.Value);
                index = names.Count - 1;
            }
            return "$" + (index + 1);
        });
        var parameters = names.Select(n => search.Parameters[n.TrimStart('@')]).ToList();
        var types = string.Join(", ", parameters.Select(value => value switch
        {
            Guid => "uuid",
            Guid[] => "uuid[]",
            int => "integer",
            DateOnly => "date",
            _ => "text",
        }));
        var name = "search_" + Guid.NewGuid().ToString("N");
        await using (var prepare = new NpgsqlCommand($"SET plan_cache_mode = force_generic_plan; PREPARE {name} ({types}) AS {text}", connection))
        {
            await prepare.ExecuteNonQueryAsync();
        }
        var values = string.Join(", ", parameters.Select(value => value switch
        {
            int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DateOnly date => $"'{date:yyyy-MM-dd}'",
            Guid[] ids => $"'{{{string.Join(",", ids)}}}'",
            _ => $"'{value}'",
        }));
        await using var explain = new NpgsqlCommand($"EXPLAIN EXECUTE {name} ({values})", connection);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }

    private static SubmitSelfReferral Send(string? phone = null, string? email = null, string? name = null, DateOnly? born = null) =>
        new(KeyedAnswers.With(phone, email, name, born, "Checking what the database is asked."), Guid.NewGuid());

    [GeneratedRegex("@[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex ParameterName();

    private sealed class OpenCounter : DbConnectionInterceptor
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}
