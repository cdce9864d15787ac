using Hub.Application.Audit.VerifyAuditChain;
using Hub.Application.SupportPlans.MyPlan.AnswerMySuggestion;
using Hub.Application.SupportPlans.MyPlan.GetMyPlan;
using Hub.Application.SupportPlans.MyPlan.SaveMyPlan;
using Hub.Application.SupportPlans.Staff.StartSupportPlan;
using Hub.Application.SupportPlans.Staff.SuggestPlanChange;
using Hub.Application.Meetings.PlanNetworkMeeting;
using Hub.Application.Meetings.RecordNetworkMeeting;
using Hub.Domain.Contacts;
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

    /// <summary>
    /// The person answers a staff suggestion twice at once (a double click, or two tabs). Whichever of
    /// the second answer's commands the first is stored before, the second is refused: the suggestion is
    /// applied once, and is not marked declined after the plan took it.
    /// </summary>
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_apply_a_suggestion_answered_twice_at_once_once(bool secondAccepts)
    {
        var interceptor = new FailOnCommand();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [interceptor]);

        await interceptor.AtEveryCommandAsync(
            async () =>
            {
                var (personId, planId) = await PlanFor(host);
                await host.SendAsPractitioner(new SuggestPlanChange(await ReferralOf(host, planId), PlanSection.WhatMattersToMe, "Invented staff wording.", null));
                var suggestion = (await host.SendAsPerson(new GetMyPlan(), personId)).Suggestions.ShouldHaveSingleItem();
                return (personId, planId, suggestion.SuggestionId);
            },
            plan => host.SendAsPerson(new AnswerMySuggestion(plan.SuggestionId, Accept: true), plan.personId),
            plan => host.SendAsPerson(new AnswerMySuggestion(plan.SuggestionId, secondAccepts), plan.personId),
            async (plan, thrown, where) =>
            {
                if (thrown is not null)
                {
                    thrown.ShouldBeOfType<FluentValidation.ValidationException>(where).Errors.ShouldHaveSingleItem().ErrorMessage
                        .ShouldBe("Your plan changed at the same moment. Nothing was lost: look at it again and choose once more");
                }
                var stored = await host.WithDb(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == plan.planId));
                (stored.VersionNumber, stored.Content.WhatMattersToMe).ShouldBe((2, "Invented staff wording."), where);
                (await host.WithDb(db => db.PlanVersions.CountAsync(v => v.PlanId == plan.planId))).ShouldBe(2, where);
                (await host.WithDb(db => db.PlanSuggestions.AsNoTracking().SingleAsync(x => x.Id == plan.SuggestionId))).Status.ShouldBe(SuggestionStatus.Accepted, where);
                (await host.WithDb(db => db.AuditEvents.CountAsync(e => e.RecordId == plan.SuggestionId && e.Action == Hub.Domain.Audit.AuditAction.Update))).ShouldBe(1, where);
            });
    }

    /// <summary>
    /// A network meeting recorded twice at once (a double click, or two members of its care team):
    /// one contact, whichever of the second's commands the first is stored before.
    /// </summary>
    [SkippableFact]
    public async Task Should_record_a_network_meeting_recorded_twice_at_once_as_one_contact()
    {
        var interceptor = new FailOnCommand();
        await using var host = new ApplicationHost(database.ConnectionString, interceptors: [interceptor],
            settings: new Dictionary<string, string?> { ["Hub:PublicBaseUrl"] = BaseUrl });
        var team = await Team(host);
        var (allocator, lead, colleague) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member C"));

        await interceptor.AtEveryCommandAsync(
            async () =>
            {
                var referral = await TriagedReferral(host);
                await Join(host, allocator, referral.Id, lead, Hub.Domain.CareTeams.CareTeamRole.Lead);
                await Join(host, lead, referral.Id, colleague, Hub.Domain.CareTeams.CareTeamRole.Involved);
                var meetingId = await host.SendAsPractitioner(new PlanNetworkMeeting(referral.Id, host.Clock.GetUtcNow().AddHours(1), ContactMedium.FaceToFace,
                    ContactPlace.CommunityVenue, [lead.Id, colleague.Id], ["Sister"], "Invented purpose."), lead.Id);
                host.Clock.Advance(TimeSpan.FromHours(2));
                return (referral.Id, meetingId);
            },
            meeting => host.SendAsPractitioner(new RecordNetworkMeeting(meeting.meetingId, true, [colleague.Id], ["Sister"], 60, null), colleague.Id),
            meeting => host.SendAsPractitioner(new RecordNetworkMeeting(meeting.meetingId, true, [colleague.Id], ["Sister"], 45, null), lead.Id),
            async (meeting, thrown, where) =>
            {
                thrown.ShouldBeOfType<FluentValidation.ValidationException>(where).Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBeOneOf(
                    "This meeting has already been recorded or cancelled",
                    "Someone changed this person's record at the same moment. Nothing was saved: record the meeting again");
                var contact = (await host.WithDb(db => db.Contacts.AsNoTracking().Where(c => c.ReferralId == meeting.Id).ToListAsync())).ShouldHaveSingleItem(where);
                contact.DurationMinutes.ShouldBe(60, where);
                (await host.WithDb(db => db.NetworkMeetings.AsNoTracking().SingleAsync(m => m.Id == meeting.meetingId))).ContactId.ShouldBe(contact.Id, where);
            });
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
