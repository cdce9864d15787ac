using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.SupportPlans.Link;
using Hub.Domain.Audit;
using Hub.Application.SupportPlans.Link.ExchangePlanLink;
using Hub.Application.SupportPlans.Link.RevokePlanAccess;
using Hub.Application.SupportPlans.Link.SendPlanLink;
using Hub.Application.SupportPlans.MyPlan.AgreeMyPlan;
using Hub.Application.SupportPlans.MyPlan.AnswerMySuggestion;
using Hub.Application.SupportPlans.MyPlan.GetMyPlan;
using Hub.Application.SupportPlans.MyPlan.RateMyGoal;
using Hub.Application.SupportPlans.MyPlan.SaveMyPlan;
using Hub.Application.SupportPlans.MySession.CheckPersonSession;
using Hub.Application.SupportPlans.Staff.StartSupportPlan;
using Hub.Application.SupportPlans.Staff.SuggestPlanChange;
using Hub.Domain.Referrals;
using Hub.Domain.SupportPlans;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.SupportPlans;

/// <summary>
/// The person's own plan on PostgreSQL: sign-in links that are hashed, single use, expire and can be
/// revoked; suggestions the person accepts or declines; versions with their authors; a save over
/// someone else's refused with both kept; and no way into another person's plan.
/// </summary>
public sealed partial class SupportPlanTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_store_only_a_hash_of_a_link_that_works_once_expires_and_can_be_revoked()
    {
        await using var host = Host(database);
        var (referral, planId) = await PlanFor(host, "link.471@example.org");

        await host.SendAsPractitioner(new SendPlanLink(referral.Id));
        var token = TokenIn(await Sent(host, "link.471@example.org"));
        token.Length.ShouldBeGreaterThanOrEqualTo(43, "256 random bits, base64url");

        var stored = await host.WithDb(db => db.Database.SqlQueryRaw<string>("SELECT row_to_json(l)::text AS \"Value\" FROM \"PlanAccessLinks\" l").ToListAsync());
        stored.ShouldHaveSingleItem().ShouldNotContain(token, customMessage: "the raw token is never stored");
        stored[0].ShouldContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));

        var first = await host.SendAsPublic(new ExchangePlanLink(token));
        (first.Problem, first.PersonId).ShouldBe((null, (Guid?)referral.PersonId));
        (await host.SendAsPublic(new ExchangePlanLink(token))).Problem.ShouldBe(LinkProblem.AlreadyUsed);
        (await host.SendAsPublic(new ExchangePlanLink(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')))).Problem.ShouldBe(LinkProblem.Expired, "a forged link says no more than an old one");
        (await host.SendAsPublic(new CheckPersonSession(first.SessionId!.Value))).ShouldBeTrue();

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsPractitioner(new SendPlanLink(referral.Id));
        var late = TokenIn(await Sent(host, "link.471@example.org"));
        host.Clock.Advance(PlanAccessLink.Lifetime);
        (await host.SendAsPublic(new ExchangePlanLink(late))).Problem.ShouldBe(LinkProblem.Expired);

        // Staff end access: an unused link stops working and a signed-in session ends at once.
        await host.SendAsPractitioner(new SendPlanLink(referral.Id));
        var session = (await host.SendAsPublic(new ExchangePlanLink(TokenIn(await Sent(host, "link.471@example.org"))))).SessionId!.Value;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsPractitioner(new SendPlanLink(referral.Id));
        var unused = TokenIn(await Sent(host, "link.471@example.org"));
        (await host.SendAsPublic(new CheckPersonSession(session))).ShouldBeTrue();

        await host.SendAsPractitioner(new RevokePlanAccess(referral.Id));

        (await host.SendAsPublic(new ExchangePlanLink(unused))).Problem.ShouldBe(LinkProblem.Revoked);
        (await host.SendAsPublic(new CheckPersonSession(session))).ShouldBeFalse("revoking ends a signed-in session at once");
        planId.ShouldNotBe(Guid.Empty);
    }

    [SkippableFact]
    public async Task Should_never_let_a_person_reach_another_persons_plan_or_suggestions()
    {
        await using var host = Host(database);
        var (mine, myPlan) = await PlanFor(host, "mine.472@example.org");
        var (theirs, theirPlan) = await PlanFor(host, "theirs.473@example.org");
        await host.SendAsPractitioner(new SuggestPlanChange(theirs.Id, PlanSection.AddStep, "Invented step for the other person.", null));
        var theirSuggestion = await host.WithDb(db => db.PlanSuggestions.AsNoTracking().SingleAsync(s => s.PlanId == theirPlan));
        var before = await host.WithDb(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == theirPlan));

        (await host.SendAsPerson(new GetMyPlan(), mine.PersonId)).PlanId.ShouldBe(myPlan);
        await Should.ThrowAsync<NotFoundException>(() => host.SendAsPerson(new SaveMyPlan(theirPlan, before.Token, "Overwritten", [], [], null, [], null), mine.PersonId));
        await Should.ThrowAsync<NotFoundException>(() => host.SendAsPerson(new RateMyGoal(theirPlan, before.Token, 0, 5), mine.PersonId));
        await Should.ThrowAsync<NotFoundException>(() => host.SendAsPerson(new AgreeMyPlan(theirPlan), mine.PersonId));
        await Should.ThrowAsync<NotFoundException>(() => host.SendAsPerson(new AnswerMySuggestion(theirSuggestion.Id, true), mine.PersonId));

        var after = await host.WithDb(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == theirPlan));
        (after.Token, after.VersionNumber, after.AgreedAt).ShouldBe((before.Token, before.VersionNumber, before.AgreedAt));
        (await host.WithDb(db => db.PlanSuggestions.AsNoTracking().SingleAsync(s => s.Id == theirSuggestion.Id))).Status.ShouldBe(SuggestionStatus.Waiting);

        // Every refusal is audited against the session that asked, without flooding: the first this hour is a row, all are counted.
        var refusals = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == AuditAction.Denied && a.ActorRole == Roles.Person).ToListAsync());
        var row = refusals.ShouldHaveSingleItem();
        (row.PersonId, row.ActorUserId, row.RecordType, row.RecordId).ShouldBe(((Guid?)mine.PersonId, (Guid?)null, nameof(SupportPlan), theirPlan));
        row.Screen.ShouldStartWith("Person: SupportPlan that is not theirs refused");
        (await host.WithDb(db => db.PersonRefusalTallies.AsNoTracking().SingleAsync(t => t.Kind == PersonRefusals.NotTheirs(mine.PersonId)))).Count.ShouldBe(4);
        (await host.WithDb(db => db.AuditEvents.AsNoTracking().CountAsync(a => a.PersonId == theirs.PersonId && a.Action == AuditAction.Denied))).ShouldBe(0,
            "the other person's access log does not name the person who asked");

        // Another hour: the next refusal, of a suggestion, is a row of its own.
        host.Clock.Advance(TimeSpan.FromHours(1));
        await Should.ThrowAsync<NotFoundException>(() => host.SendAsPerson(new AnswerMySuggestion(theirSuggestion.Id, false), mine.PersonId));
        var later = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == AuditAction.Denied && a.ActorRole == Roles.Person && a.RecordType == nameof(PlanSuggestion)).ToListAsync());
        (later.ShouldHaveSingleItem().PersonId, later[0].RecordId).ShouldBe(((Guid?)mine.PersonId, theirSuggestion.Id));
    }

    [SkippableFact]
    public async Task Should_change_only_what_the_person_accepts_and_keep_every_version_with_its_author()
    {
        await using var host = Host(database);
        var (referral, planId) = await PlanFor(host, "suggest.474@example.org");
        var me = referral.PersonId;
        var start = await host.SendAsPerson(new GetMyPlan(), me);
        (await host.SendAsPerson(new SaveMyPlan(planId, start.Token, "My allotment and my sister.", ["Sleep through the night"], ["Walk to the park on Saturdays"],
            "Call my sister.", [new ContactNumber("My sister", "07700 900 474")], null), me)).Saved.ShouldBeTrue();

        await host.SendAsPractitioner(new SuggestPlanChange(referral.Id, PlanSection.WhatMattersToMe, "Invented staff wording.", null));
        await host.SendAsPractitioner(new SuggestPlanChange(referral.Id, PlanSection.AddStep, "Try the Tuesday peer group.", null));
        var waiting = (await host.SendAsPerson(new GetMyPlan(), me)).Suggestions;
        waiting.Count.ShouldBe(2);
        waiting.Single(s => s.Section == PlanSection.WhatMattersToMe).Current.ShouldBe("My allotment and my sister.", "the person sees what they wrote beside the suggestion");

        await host.SendAsPerson(new AnswerMySuggestion(waiting.Single(s => s.Section == PlanSection.WhatMattersToMe).SuggestionId, false), me);
        await host.SendAsPerson(new AnswerMySuggestion(waiting.Single(s => s.Section == PlanSection.AddStep).SuggestionId, true), me);

        var plan = await host.SendAsPerson(new GetMyPlan(), me);
        plan.Content.WhatMattersToMe.ShouldBe("My allotment and my sister.", "a declined suggestion changes nothing the person wrote");
        plan.Content.Steps.Select(s => s.Text).ShouldBe(["Walk to the park on Saturdays", "Try the Tuesday peer group."]);
        plan.Content.WhenStruggling.ShouldBe("Call my sister.");
        plan.Suggestions.ShouldBeEmpty();

        var versions = await host.WithDb(db => db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderBy(v => v.Number).ToListAsync());
        versions.Select(v => (v.Number, v.Author)).ShouldBe([(1, PlanAuthor.Staff), (2, PlanAuthor.Person), (3, PlanAuthor.Person)]);
        versions[0].AuthorUserId.ShouldNotBeNull("staff started it");
        versions[1].Content.Steps.Select(s => s.Text).ShouldBe(["Walk to the park on Saturdays"], customMessage: "each version keeps its words exactly");

        await host.SendAsPerson(new AgreeMyPlan(planId), me);
        (await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId))).CarePlanAgreedAt.ShouldBe(host.Clock.GetUtcNow(),
            "an agreed plan counts for the four-week clock");
    }

    [SkippableFact]
    public async Task Should_refuse_a_save_over_a_newer_version_and_return_it_so_nothing_is_lost()
    {
        await using var host = Host(database);
        var (referral, planId) = await PlanFor(host, "clash.475@example.org");
        var me = referral.PersonId;
        var opened = await host.SendAsPerson(new GetMyPlan(), me);

        // In another tab (or after accepting a suggestion) the plan moves on.
        (await host.SendAsPerson(new SaveMyPlan(planId, opened.Token, "Saved in the other tab.", [], [], null, [], null), me)).Saved.ShouldBeTrue();
        var stale = await host.SendAsPerson(new SaveMyPlan(planId, opened.Token, "Typed in the first tab.", [], [], null, [], null), me);

        stale.Saved.ShouldBeFalse();
        stale.Theirs!.WhatMattersToMe.ShouldBe("Saved in the other tab.");
        (await host.SendAsPerson(new GetMyPlan(), me)).Content.WhatMattersToMe.ShouldBe("Saved in the other tab.");
        (await host.SendAsPerson(new RateMyGoal(planId, opened.Token, 0, 4), me)).ShouldBeFalse("a rating against an old version is refused too");
    }

    [SkippableFact]
    public async Task Should_make_the_persons_first_goal_rating_the_spells_baseline_and_move_it_earlier_than_a_later_conversation()
    {
        await using var host = Host(database);
        var (referral, planId) = await PlanFor(host, "rated.476@example.org");
        var me = referral.PersonId;
        var opened = await host.SendAsPerson(new GetMyPlan(), me);
        (await host.SendAsPerson(new SaveMyPlan(planId, opened.Token, null, ["Invented: walk to the park"], [], null, [], null), me)).Saved.ShouldBeTrue();
        host.Clock.Advance(TimeSpan.FromDays(2));
        var ratedAt = host.Clock.GetUtcNow();

        (await host.SendAsPerson(new RateMyGoal(planId, (await host.SendAsPerson(new GetMyPlan(), me)).Token, 0, 3), me)).ShouldBeTrue();

        (await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId))).BaselineMeasuredAt.ShouldBe(ratedAt,
            "a goal rating is a rated measure: the spell's first one is its baseline, dated when it was taken");
        await host.WithDb(async db =>
        {
            (await db.Spells.SingleAsync(s => s.Id == referral.SpellId)).RecordBaselineMeasure(ratedAt.AddDays(5)); // a later conversation's ratings
            return await db.SaveChangesAsync();
        });
        (await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId))).BaselineMeasuredAt.ShouldBe(ratedAt, "the earliest stays");
    }

    private static async Task<(Referral Referral, Guid PlanId)> PlanFor(ApplicationHost host, string email)
    {
        var referral = await TriagedReferral(host, Answers(email: email));
        var planId = await host.SendAsPractitioner(new StartSupportPlan(referral.Id));
        return (referral, planId);
    }

    /// <summary>Sends what is due and returns the body of the newest plan-link email to <paramref name="to"/>, as it went.</summary>
    private static Task<string> Sent(ApplicationHost host, string to) =>
        host.WithService<IServiceProvider, string>(sp => SentMessages.DispatchAndReadInScopeAsync(sp, to));

    private static string TokenIn(string body) => LinkPattern().Match(body).Groups[1].Value;

    [GeneratedRegex(@"/my/link/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
