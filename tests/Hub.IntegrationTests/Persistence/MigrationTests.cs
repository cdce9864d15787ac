using Hub.Application.Referrals;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Infrastructure.Jobs;
using Hub.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Hub.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hub.IntegrationTests.Persistence;

/// <summary>Each provider keeps its own migrations; none may lag the model.</summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "Postgres", "SqlServer" };

    private static HubDbContext DesignTimeContext(string provider) => provider switch
    {
        "Sqlite" => new SqliteHubDbContextFactory().CreateDbContext([]),
        "Postgres" => new PostgresHubDbContextFactory().CreateDbContext([]),
        _ => new SqlServerHubDbContextFactory().CreateDbContext([]),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Should_have_no_model_changes_missing_from_the_migrations(string provider)
    {
        using var db = DesignTimeContext(provider);

        db.Database.HasPendingModelChanges().ShouldBeFalse($"run: dotnet ef migrations add <Name> --context {provider}HubDbContext --output-dir Persistence/Migrations/{provider}");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void Should_generate_the_sql_server_script_without_a_server()
    {
        using var db = DesignTimeContext("SqlServer");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE TABLE [Referrals]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_Referrals_FormToken]");
        script.ShouldContain("CREATE TABLE [AuditEvents]");
        script.ShouldContain("INSERT INTO [AuditChainHead]");
        script.ShouldContain("CREATE TRIGGER [AuditEvents_AppendOnly]");
    }

    [Fact]
    public async Task Should_migrate_a_sqlite_hub_holding_people_from_before_interpreter_not_given_and_correct_its_answers()
    {
        // A hub run on the embedded default before the correction holds people whose unanswered interpreter
        // question was stored as false. Migrating it must keep every person and turn only those falses into
        // "not given" (ADR 029): SQLite rebuilds the table to make the column nullable before the correction.
        var file = Path.Combine(Path.GetTempPath(), $"hub-migration-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite($"Data Source={file}").Options;
            await using (var db = new SqliteHubDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync("20261206223423_AuditSealedOutsideTheRequest");
                await InsertPersonAsync(db, interpreterNeeded: 0);
                await InsertPersonAsync(db, interpreterNeeded: 1);
            }
            await using (var db = new SqliteHubDbContext(options))
            {
                await db.Database.MigrateAsync();
                (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
                var answers = await db.Database.SqlQueryRaw<long?>("SELECT \"Communication_InterpreterNeeded\" AS \"Value\" FROM \"People\" ORDER BY \"Value\"").ToListAsync();
                answers.ShouldBe([null, 1L]);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>Adds a person row the way that version of the hub stored one: every required column filled.</summary>
    private static async Task InsertPersonAsync(SqliteHubDbContext db, int interpreterNeeded)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var required = new List<(string Name, string Type)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name, type FROM pragma_table_info('People') WHERE \"notnull\" = 1";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                required.Add((reader.GetString(0), reader.GetString(1)));
        }
        await using var insert = connection.CreateCommand();
        var names = string.Join(", ", required.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", required.Select((_, i) => $"$p{i}"));
        insert.CommandText = $"INSERT INTO \"People\" ({names}) VALUES ({values})";
        for (var i = 0; i < required.Count; i++)
        {
            var (name, type) = required[i];
            object value = name == "Communication_InterpreterNeeded" ? interpreterNeeded
                : name == "Id" ? Guid.NewGuid().ToString().ToUpperInvariant()
                : type == "TEXT" ? (name.EndsWith("At", StringComparison.Ordinal) ? DateTimeOffset.UtcNow.ToString("O") : "x")
                : type == "BLOB" ? new byte[] { 1 } : 0;
            insert.Parameters.AddWithValue($"$p{i}", value);
        }
        (await insert.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Should_migrate_an_empty_sqlite_file_store_in_it_and_refuse_audit_edits()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hub-migration-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite($"Data Source={file}").Options;
            await using (var db = new SqliteHubDbContext(options))
            {
                await db.Database.MigrateAsync();
                var person = new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs }.ToPerson(DateTimeOffset.UtcNow);
                db.People.Add(person);
                await db.SaveChangesAsync();
            }
            await using (var db = new SqliteHubDbContext(options))
            {
                (await db.People.CountAsync()).ShouldBe(1);
                (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
                db.AuditEvents.Add(new AuditEvent(DateTimeOffset.UtcNow, null, "Public", null, "Person", Guid.NewGuid(), AuditAction.Create, "Test"));
                await db.SaveChangesAsync();
                var edit = await Should.ThrowAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Screen\" = 'edited'"));
                edit.Message.ShouldContain("append-only");
                var remove = await Should.ThrowAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));
                remove.Message.ShouldContain("append-only");
                // The sealer's one update is allowed, once.
                var sealer = new AuditSealer(db, AuditKeys.From(new ConfigurationBuilder().Build()), TimeProvider.System, NullLogger<AuditSealer>.Instance);
                (await sealer.SealAsync("test", CancellationToken.None)).Sealed.ShouldBe(1);
                (await db.AuditEvents.AsNoTracking().SingleAsync()).Sequence.ShouldBe(1);
                var reseal = await Should.ThrowAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Sequence\" = 2"));
                reseal.Message.ShouldContain("append-only");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
