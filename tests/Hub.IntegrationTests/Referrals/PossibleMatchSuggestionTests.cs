using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.TestSupport;
using Hub.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.IntegrationTests.Referrals;

/// <summary>
/// The suggestions PostgreSQL searches for and writes inside the send's one command (docs/decisions/052)
/// are the ones the search and <see cref="ReturningPersonMatch.Compare(Person, MatchKeys)"/> give when
/// the send searches first and adds them itself (as on SQLite and SQL Server, or with direct inserts
/// off): the same earlier records, for the same reasons, for every combination of keys, the newest
/// five when more share a key, and none for a person with no key.
/// </summary>
public sealed class PossibleMatchSuggestionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly Born = new(1988, 3, 14);

    /// <summary>Earlier people, each sent a minute after the one before (so "newest" is never a tie).</summary>
    private static readonly SelfReferralAnswers[] Earlier =
    [
        Answers(phone: "07700 900 401", email: "shared.suggest@example.org", name: "Ada Suggest", born: Born),
        Answers(phone: "07700 900 401"),
        Answers(email: "shared.suggest@example.org"),
        Answers(name: "Ada Suggest", born: Born),
        Answers(name: "Ada Suggest", born: Born.AddDays(1)),
        Answers(name: "Bea Suggest", born: Born),
        .. Enumerable.Range(0, 7).Select(i => Answers(phone: "07700 900 402", email: $"many.{i}@example.org")),
    ];

    /// <summary>Incoming people: every key, each key alone, a crowded phone, two keys, and none.</summary>
    private static readonly SelfReferralAnswers[] Incoming =
    [
        Answers(phone: "07700 900 401", email: "shared.suggest@example.org", name: "Ada Suggest", born: Born),
        Answers(phone: "07700 900 401"),
        Answers(email: "Shared.Suggest@example.org"),
        Answers(name: "ada suggest", born: Born),
        Answers(phone: "07700 900 402"),
        Answers(phone: "07700 900 402", name: "Ada Suggest", born: Born),
        Answers(email: "shared.suggest@example.org", name: "Bea Suggest", born: Born),
        Answers(),
    ];

    [SkippableFact]
    public async Task Should_suggest_in_the_send_what_the_search_and_the_domain_suggest_when_the_send_searches_first()
    {
        var inTheSend = await SuggestionsAsync(database.ConnectionString, settings: []);
        var searchedFirst = await SuggestionsAsync(await (await PostgresServer.GetAsync()).CreateDatabaseAsync(),
            settings: [new("Database:DirectInserts", "false")]);

        inTheSend.Count.ShouldBe(Incoming.Length);
        for (var i = 0; i < Incoming.Length; i++)
        {
            inTheSend[i].ShouldBe(searchedFirst[i], ignoreOrder: true, $"incoming person {i}");
        }
        this.ShouldSatisfyAllConditions(
            () => inTheSend[0].ShouldBe([(0, MatchReasons.SamePhone | MatchReasons.SameEmail | MatchReasons.SameNameAndDateOfBirth),
                (1, MatchReasons.SamePhone), (2, MatchReasons.SameEmail), (3, MatchReasons.SameNameAndDateOfBirth)], ignoreOrder: true),
            () => inTheSend[2].ShouldBe([(0, MatchReasons.SameEmail), (2, MatchReasons.SameEmail), (100, MatchReasons.SameEmail)], ignoreOrder: true, "an email matches whatever its capitals"),
            () => inTheSend[4].Select(s => s.Earlier).ShouldBe([8, 9, 10, 11, 12], ignoreOrder: true, "the newest five of seven with that phone"),
            () => inTheSend[7].ShouldBeEmpty("no key, no search"));
    }

    [SkippableFact]
    public async Task Should_write_the_suggestions_after_the_save_in_its_transaction_when_the_send_cannot_be_one_command()
    {
        await using var host = new ApplicationHost(await (await PostgresServer.GetAsync()).CreateDatabaseAsync());
        var earlier = await host.SendAsPublic(new SubmitSelfReferral(Answers(phone: "07700 900 403"), Guid.NewGuid()));

        // Inside a caller's transaction the direct writer stands aside: EF saves, then the suggestions run, before the commit.
        var (reference, pendingInTransaction) = await host.WithService<IServiceProvider, (string, int)>(async services =>
        {
            var db = services.GetRequiredService<HubDbContext>();
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var sent = await services.GetRequiredService<IMediator>().Send(new SubmitSelfReferral(Answers(phone: "07700 900 403"), Guid.NewGuid()));
                var pending = await db.PossibleMatches.CountAsync(m => db.Referrals.Any(r => r.Id == m.ReferralId && r.Reference == sent.Reference));
                await transaction.CommitAsync();
                return (sent.Reference, pending);
            });
        });

        pendingInTransaction.ShouldBe(1, "written in the caller's transaction");
        var stored = await host.WithDb(db => db.PossibleMatches.Where(m => db.Referrals.Any(r => r.Id == m.ReferralId && r.Reference == reference))
            .Select(m => new { m.Reasons, Earlier = db.Referrals.Where(r => r.PersonId == m.CandidatePersonId).Select(r => r.Reference).FirstOrDefault() }).ToListAsync());
        stored.Select(m => (m.Earlier, m.Reasons)).ShouldBe([(earlier.Reference, MatchReasons.SamePhone)]);
    }

    /// <summary>Sends the earlier people, then each incoming one; gives each incoming send's suggestions as (earlier person's index, reasons).</summary>
    private static async Task<List<List<(int Earlier, MatchReasons Reasons)>>> SuggestionsAsync(string connectionString, KeyValuePair<string, string?>[] settings)
    {
        await using var host = new ApplicationHost(connectionString, settings: settings);
        var earlier = new List<string>();
        foreach (var answers in Earlier)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            earlier.Add((await host.SendAsPublic(new SubmitSelfReferral(answers, Guid.NewGuid()))).Reference);
        }
        var incoming = new List<string>();
        foreach (var answers in Incoming)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            incoming.Add((await host.SendAsPublic(new SubmitSelfReferral(answers, Guid.NewGuid()))).Reference);
        }
        return await host.WithDb(async db =>
        {
            // Earlier people by their index; incoming ones (which later incoming ones may match) from 100.
            var people = await db.Referrals.Where(r => earlier.Contains(r.Reference) || incoming.Contains(r.Reference))
                .ToDictionaryAsync(r => r.PersonId, r => earlier.Contains(r.Reference) ? earlier.IndexOf(r.Reference) : 100 + incoming.IndexOf(r.Reference));
            var result = new List<List<(int, MatchReasons)>>();
            foreach (var reference in incoming)
            {
                var suggested = await db.PossibleMatches.Where(m => db.Referrals.Any(r => r.Id == m.ReferralId && r.Reference == reference))
                    .Select(m => new { m.CandidatePersonId, m.Reasons, m.Decision }).ToListAsync();
                suggested.ShouldAllBe(m => m.Decision == MatchDecision.Pending);
                // A candidate outside the earlier people would be another test's person: this database is this class's own.
                result.Add(suggested.Select(m => (people.TryGetValue(m.CandidatePersonId, out var index) ? index : -1, m.Reasons)).ToList());
            }
            return result;
        });
    }

    private static SelfReferralAnswers Answers(string? phone = null, string? email = null, string? name = null, DateOnly? born = null) =>
        KeyedAnswers.With(phone, email, name, born, "Checking which earlier records are suggested.");
}
