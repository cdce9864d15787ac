using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.SupportPlans.MyPlan.AnswerMySuggestion;
using Hub.Application.SupportPlans.MyPlan.GetMyPlan;
using Hub.Application.SupportPlans.MyPlan.SaveMyPlan;
using Hub.Application.SupportPlans.Staff.StartSupportPlan;
using Hub.Application.SupportPlans.Staff.SuggestPlanChange;
using Hub.Domain.SupportPlans;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.Reliability;

/// <summary>
/// No lost update on the person's plan, on PostgreSQL and on SQLite (a file database in a temporary
/// folder, migrated as the hub migrates it at start): a save from a version that has moved on is
/// refused and shows what is saved now, and of 20 saves made at once from one version exactly one
/// goes through. SQL Server is not available on this machine (docs/reliability.md).
/// </summary>
public sealed class LostUpdateTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int ParallelSaves = 20;
    private readonly List<string> _folders = [];

    [SkippableTheory]
    [InlineData("Postgres")]
    [InlineData("Sqlite")]
    public async Task Should_refuse_a_save_from_version_1_after_the_person_accepted_a_staff_suggestion_and_keep_the_suggestion(string provider)
    {
        await using var host = await HostOn(provider);
        var (personId, planId) = await PlanFor(host);
        var opened = await host.SendAsPerson(new GetMyPlan(), personId);
        opened.VersionNumber.ShouldBe(1);

        // In another tab the person accepts the wording a member of staff suggested: version 2.
        await host.SendAsPractitioner(new SuggestPlanChange(await ReferralOf(host, planId), PlanSection.WhatMattersToMe, "Invented staff wording.", null));
        var suggestion = (await host.SendAsPerson(new GetMyPlan(), personId)).Suggestions.ShouldHaveSingleItem();
        await host.SendAsPerson(new AnswerMySuggestion(suggestion.SuggestionId, Accept: true), personId);
        var stale = await host.SendAsPerson(new SaveMyPlan(planId, opened.Token, "Typed in the first tab.", [], [], null, [], null), personId);

        stale.Saved.ShouldBeFalse();
        stale.Theirs!.WhatMattersToMe.ShouldBe("Invented staff wording.", "the refusal shows what is saved now");
        var stored = await host.WithDb(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId));
        (stored.VersionNumber, stored.Content.WhatMattersToMe).ShouldBe((2, "Invented staff wording."), "the first change survives");
        (await host.WithDb(db => db.PlanVersions.CountAsync(v => v.PlanId == planId))).ShouldBe(2);
    }

    [SkippableTheory]
    [InlineData("Postgres")]
    [InlineData("Sqlite")]
    public async Task Should_let_exactly_one_of_twenty_parallel_saves_from_one_version_through(string provider)
    {
        await using var host = await HostOn(provider);
        var (personId, planId) = await PlanFor(host);
        var version1 = (await host.SendAsPerson(new GetMyPlan(), personId)).Token;

        var results = await Task.WhenAll(Enumerable.Range(1, ParallelSaves).Select(n => Task.Run(async () =>
            (Words: $"Saved at once, number {n}.", Result: await host.SendAsPerson(new SaveMyPlan(planId, version1, $"Saved at once, number {n}.", [], [], null, [], null), personId)))));

        var winner = results.Where(r => r.Result.Saved).ShouldHaveSingleItem($"{provider}: one save from version 1 goes through");
        results.Where(r => !r.Result.Saved).ShouldAllBe(r => r.Result.Theirs!.WhatMattersToMe == winner.Words, "every refusal shows the save that went through");
        var stored = await host.WithDb(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId));
        (stored.VersionNumber, stored.Content.WhatMattersToMe).ShouldBe((2, winner.Words));
        (await host.WithDb(db => db.PlanVersions.CountAsync(v => v.PlanId == planId))).ShouldBe(2, "version 1 and the one save");
        (await host.WithDb(db => db.AuditEvents.CountAsync(e => e.RecordId == planId && e.Screen == "Person: save my plan"))).ShouldBe(1);
        (await host.SendAsPractitioner(new VerifyAuditChain())).Intact.ShouldBeTrue();
    }

    /// <summary>The application on PostgreSQL (this class's database) or on a new SQLite file, migrated.</summary>
    private async Task<ApplicationHost> HostOn(string provider)
    {
        if (provider == "Postgres")
        {
            return new ApplicationHost(database.ConnectionString);
        }
        var folder = Directory.CreateTempSubdirectory("hub-sqlite-").FullName;
        _folders.Add(folder);
        var host = new ApplicationHost($"Data Source={Path.Combine(folder, "hub.db")}", settings: new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
        await host.WithService<DatabaseMigrator, bool>(async migrator =>
        {
            await migrator.MigrateAsync(CancellationToken.None);
            return true;
        });
        return host;
    }

    private static async Task<(Guid PersonId, Guid PlanId)> PlanFor(ApplicationHost host)
    {
        var referral = await TriagedReferral(host, Answers(email: $"plan.{Guid.NewGuid():N}@example.org"));
        return (referral.PersonId, await host.SendAsPractitioner(new StartSupportPlan(referral.Id)));
    }

    private static Task<Guid> ReferralOf(ApplicationHost host, Guid planId) => host.WithDb(db => (
        from p in db.SupportPlans
        join r in db.Referrals on p.SpellId equals r.SpellId
        where p.Id == planId
        select r.Id).SingleAsync());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
