using System.Data.Common;
using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Jobs;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Hub.IntegrationTests.Referrals;

/// <summary>
/// The send's rows bypass EF's update pipeline on PostgreSQL (docs/decisions/047): a second writer,
/// so it must write what EF's save writes, column for column, and follow every model change.
/// </summary>
public sealed class DirectInsertDriftTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly KeyValuePair<string, string?>[] ThroughEf = [new("Database:DirectInserts", "false")];
    private static readonly KeyValuePair<string, string?>[] TriageInbox = [new("Hub:Notifications:TriageInbox", "triage@example.org")];

    private static SelfReferralAnswers Full(ContactMethod method, string phone, string email, string name = "Rowan Invented-Quill") => new()
    {
        PreferredName = name,
        ContactMethod = method,
        Phone = phone,
        Email = email,
        SafeToLeaveMessage = "yes",
        BirthDay = "4",
        BirthMonth = "11",
        BirthYear = "1990",
        Postcode = "LS6 1AA",
        WhatIsHappening = "Invented words: sleeping badly, £ and “quotes”, and a line\nbreak.",
        WhatWouldHelp = "Someone to talk to.",
        PreferredLanguage = "Polish",
        InterpreterNeeded = "yes",
        AccessNeeds = "Large print.",
        EthnicCategory = "A",
        Gender = "non-binary",
        SexualOrientation = EqualityMonitoring.PreferNotToSay,
        Disability = "no",
        ConsentToShare = "yes",
    };

    /// <summary>Three sends by one name and date of birth: one by email, a second with the same email, and one confirmed by text; three possible matches.</summary>
    private static async Task SendThree(ApplicationHost host)
    {
        await host.SendAsPublic(new SubmitSelfReferral(Full(ContactMethod.Email, "07700 900 611", "drift.one@example.org"), Guid.NewGuid()));
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendAsPublic(new SubmitSelfReferral(Full(ContactMethod.Email, "07700 900 612", "drift.one@example.org"), Guid.NewGuid()));
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendAsPublic(new SubmitSelfReferral(Full(ContactMethod.Text, "07700 900 613", "drift.three@example.org"), Guid.NewGuid()));
    }

    [SkippableFact]
    public async Task Should_write_every_column_of_every_row_of_a_send_as_efs_save_writes_it()
    {
        await database.ResetAsync();
        // EF's save writes three sends into a database of their own...
        await using var viaEf = new ApplicationHost(await (await PostgresServer.GetAsync()).CreateDatabaseAsync(), settings: [.. ThroughEf, .. TriageInbox]);
        await SendThree(viaEf);
        var written = await viaEf.WithDb(async db => new Rows(
            await db.People.AsNoTracking().ToListAsync(), await db.Spells.AsNoTracking().ToListAsync(),
            await db.Referrals.AsNoTracking().ToListAsync(), await db.PossibleMatches.AsNoTracking().ToListAsync(),
            await db.AuditEvents.AsNoTracking().ToListAsync(), await db.OutboxMessages.AsNoTracking().ToListAsync()));
        written.People.Count.ShouldBe(3);
        written.Matches.Count.ShouldBe(3, "one name and date of birth throughout: the second send matches the first (by email too), the third both");
        written.Outbox.Count(m => m.Template is not null).ShouldBe(1, "the third send is confirmed by text");
        written.Outbox.Count.ShouldBe(6, "three confirmations and three triage emails");

        // ...and the very same entities go through the direct writer into this one.
        var commands = new CommandSources();
        await using var direct = new ApplicationHost(database.ConnectionString, interceptors: [commands]);
        await direct.WithDb(async db =>
        {
            db.AddRange(written.All);
            return await db.SaveChangesAsync();
        });
        commands.Seen.ShouldBe([CommandSource.ExecuteSqlRaw], "one command, from the direct writer, not EF's save");

        var read = await direct.WithDb(async db => new Rows(
            await db.People.AsNoTracking().ToListAsync(), await db.Spells.AsNoTracking().ToListAsync(),
            await db.Referrals.AsNoTracking().ToListAsync(), await db.PossibleMatches.AsNoTracking().ToListAsync(),
            await db.AuditEvents.AsNoTracking().ToListAsync(), await db.OutboxMessages.AsNoTracking().ToListAsync()));
        var model = await direct.WithDb(db => Task.FromResult(db.Model));
        var compared = 0;
        foreach (var type in DirectInserts.Types)
        {
            compared += SameRows(model.FindEntityType(type)!, written.OfType(type), read.OfType(type));
        }
        compared.ShouldBeGreaterThan(3 * 30, "every column of every row was compared");

        // The audit rows keep the MAC the writer computed: the sealer chains them and verify-audit finds them intact.
        await direct.WithService<AuditSealer, AuditSealResult>(s => s.SealAsync("drift-test", CancellationToken.None));
        var report = await direct.SendAsPractitioner(new VerifyAuditChain());
        report.Intact.ShouldBeTrue(report.Describe());
        report.SealedRows.ShouldBe(3);
    }

    [SkippableFact]
    public async Task Should_write_every_column_the_send_tables_have()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (writer, model) = await host.WithDb(db => Task.FromResult((db.DirectWriter, db.Model)));
        writer.ShouldNotBeNull("PostgreSQL has the direct writer");
        writer.Refused.ShouldBeEmpty("a type the direct writer leaves to EF: its model gained something the writer does not write");

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var type in DirectInserts.Types)
        {
            var table = model.FindEntityType(type)!.GetTableName()!;
            await using var command = new NpgsqlCommand(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table", connection);
            command.Parameters.AddWithValue("table", table);
            var columns = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }
            columns.ShouldNotBeEmpty(table);
            writer.ColumnsOf(type)!.OrderBy(c => c, StringComparer.Ordinal)
                .ShouldBe(columns.OrderBy(c => c, StringComparer.Ordinal), $"{table}: every column the table has, and no other");
        }
    }

    [SkippableFact]
    public async Task Should_send_in_one_command_the_direct_insert_with_its_suggestions()
    {
        var commands = new CommandSources();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [commands], settings: TriageInbox);
        await host.SendAsPublic(new SubmitSelfReferral(Full(ContactMethod.Email, "07700 900 621", "two.commands@example.org", "Sol Invented-Twocommands"), Guid.NewGuid()));

        commands.Clear();
        var token = Guid.NewGuid();
        var sent = await host.SendAsPublic(new SubmitSelfReferral(Full(ContactMethod.Email, "07700 900 622", "two.commands@example.org", "Sol Invented-Twocommands"), token));
        commands.Seen.ShouldBe([CommandSource.ExecuteSqlRaw], "every row and the possible-match suggestions in one command (docs/decisions/052)");

        // A repeated form token is refused by the unique index inside that one command; nothing more is stored.
        commands.Clear();
        var again = await host.SendAsPublic(new SubmitSelfReferral(Full(ContactMethod.Email, "07700 900 622", "two.commands@example.org", "Sol Invented-Twocommands"), token));
        again.AlreadySubmitted.ShouldBeTrue();
        again.Reference.ShouldBe(sent.Reference);
        commands.Seen.ShouldBe([CommandSource.ExecuteSqlRaw, CommandSource.LinqQuery], "the refused insert (its suggestions with it), then the stored reference");
        var (referrals, matches, audit, outbox) = await host.WithDb(async db =>
        {
            var ids = await db.Referrals.Where(r => r.FormToken == token).Select(r => r.Id).ToListAsync();
            return (ids.Count, await db.PossibleMatches.CountAsync(m => ids.Contains(m.ReferralId)),
                await db.AuditEvents.CountAsync(a => ids.Contains(a.RecordId)), await db.OutboxMessages.CountAsync(m => m.Subject.Contains(sent.Reference) || m.Body.Contains(sent.Reference)));
        });
        (referrals, matches, audit, outbox).ShouldBe((1, 1, 1, 2));
    }

    [SkippableFact]
    public async Task Should_store_none_of_the_rows_when_the_reference_collides_and_give_the_audit_number_back()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var first = await host.SendAsPublic(new SubmitSelfReferral(Full(ContactMethod.Phone, "07700 900 631", "collide@example.org"), Guid.NewGuid()));

        // The same rows a send makes, but the reference an earlier referral already has.
        var now = host.Clock.GetUtcNow();
        var person = Full(ContactMethod.Phone, "07700 900 632", "collide.two@example.org").ToPerson(now);
        var spell = new ReferralSpell(person.Id, now);
        var referral = Referral.SelfReferral(first.Reference, person, spell, now, "Invented.", null, true, Guid.NewGuid());
        var audit = new AuditEvent(now, null, "Public", person.Id, nameof(Referral), referral.Id, AuditAction.Create, "Public self-referral");
        var refused = await Should.ThrowAsync<DbUpdateException>(() => host.WithDb(async db =>
        {
            db.AddRange(person, spell, referral, audit);
            try
            {
                return await db.SaveChangesAsync();
            }
            catch (DbUpdateException ex)
            {
                db.IsUniqueViolation(ex).ShouldBeTrue("the handler tries again with a fresh reference on this");
                throw;
            }
        }));
        refused.InnerException.ShouldBeOfType<PostgresException>();
        audit.IsStamped.ShouldBeFalse("a failed save gives its audit number back");
        (await host.WithDb(db => db.People.CountAsync(p => p.Id == person.Id))).ShouldBe(0, "all or nothing: the person went with the refused referral");
        (await host.WithDb(db => db.Spells.CountAsync(s => s.Id == spell.Id))).ShouldBe(0);
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.Id == audit.Id))).ShouldBe(0);
    }

    /// <summary>Compares every mapped column (as the provider stores it) of each row, matched by key; returns the values compared.</summary>
    private static int SameRows(IEntityType type, IReadOnlyList<object> expected, IReadOnlyList<object> actual)
    {
        var key = type.FindPrimaryKey()!.Properties.Single();
        var properties = type.GetFlattenedProperties().ToList();
        actual.Count.ShouldBe(expected.Count, type.ShortName());
        var byKey = actual.ToDictionary(a => key.GetGetter().GetClrValueUsingContainingEntity(a)!);
        var compared = 0;
        foreach (var row in expected)
        {
            var other = byKey[key.GetGetter().GetClrValueUsingContainingEntity(row)!];
            foreach (var property in properties)
            {
                Stored(property, other).ShouldBe(Stored(property, row), $"{type.ShortName()}.{property.Name}");
                compared++;
            }
        }
        return compared;
    }

    private static object? Stored(IProperty property, object entity)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
        return value is null ? null : property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    private sealed record Rows(List<Person> People, List<ReferralSpell> Spells, List<Referral> Referrals, List<PossibleMatch> Matches,
        List<AuditEvent> Audit, List<OutboxMessage> Outbox)
    {
        public IEnumerable<object> All => People.Cast<object>().Concat(Spells).Concat(Referrals).Concat(Matches).Concat(Audit).Concat(Outbox);

        public IReadOnlyList<object> OfType(Type type) => All.Where(e => e.GetType() == type).ToList();
    }

    /// <summary>Where each command came from: EF's save, a LINQ query, or raw SQL (the direct writer).</summary>
    private sealed class CommandSources : DbCommandInterceptor
    {
        private readonly List<CommandSource> _seen = [];

        public IReadOnlyList<CommandSource> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public void Clear()
        {
            lock (_seen)
            {
                _seen.Clear();
            }
        }

        private void Add(CommandEventData data)
        {
            lock (_seen)
            {
                _seen.Add(data.CommandSource);
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(eventData);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Add(eventData);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Add(eventData);
            return ValueTask.FromResult(result);
        }
    }
}
