using System.Net;
using System.Text.RegularExpressions;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.SupportPlans;

/// <summary>
/// The person has their plan open at version 1 in two tabs; in one of them they accept the wording
/// a member of staff suggested. The save from the other tab, still at version 1, overwrites nothing:
/// it comes back as the conflict page showing what is saved now, with the person's words still in
/// the boxes.
/// </summary>
public sealed partial class PersonPlanConflictTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string StaffWords = "Seeing my grandchildren on Sundays";
    private const string PersonWords = "Getting back to my allotment";
    private const string SaveForm = "form[action$='handler=save']";

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_show_the_conflict_page_and_keep_the_staff_suggestion_when_a_save_from_an_older_tab_comes_second()
    {
        var (person, referralId) = await PersonWithPlanAndSuggestionAsync("plan.conflict.482@example.org");
        var planId = await Factory.WithDbAsync(db => (
            from p in db.SupportPlans
            join r in db.Referrals on p.SpellId equals r.SpellId
            where r.Id == referralId
            select p.Id).SingleAsync());
        var tabA = await person.GetDocumentAsync("/my/plan");
        var tabB = await person.GetDocumentAsync("/my/plan");

        (await person.SubmitAsync(tabA, "form[action*='handler=accept']", [])).IsRedirect().ShouldBeTrue("accepting the suggestion saves version 2");
        var second = await person.SubmitAsync(tabB, SaveForm, new Dictionary<string, string> { ["Input.WhatMattersToMe"] = PersonWords });

        second.StatusCode.ShouldBe(HttpStatusCode.OK, "the stale save comes back as a page, not a redirect");
        var conflict = await second.ReadDocumentAsync();
        conflict.ErrorSummary().ShouldHaveSingleItem().ShouldContain("changed while you were writing");
        conflict.QuerySelector(".nhsuk-warning-callout")!.TextContent.ShouldContain(StaffWords, customMessage: "what is saved now is shown");
        conflict.TextareaValue("Input.WhatMattersToMe").ShouldBe(PersonWords, "the person's words stay in the box");
        var stored = await Factory.WithDbAsync(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId));
        (stored.VersionNumber, stored.Content.WhatMattersToMe).ShouldBe((2, StaffWords), "the first change survives");
        (await Factory.WithDbAsync(db => db.PlanVersions.CountAsync(v => v.PlanId == planId))).ShouldBe(2);
    }

    /// <summary>
    /// Through the real pages: a self-referral with an email address, a plan started and a new wording
    /// of "what matters" suggested by the demo practitioner, and the person signed in from the emailed link.
    /// </summary>
    private async Task<(HttpClient Person, Guid ReferralId)> PersonWithPlanAndSuggestionAsync(string email)
    {
        var client = Factory.NewClient();
        var check = await client.CheckPageAsync(WebTestExtensions.Answers(
            ("ContactMethod", "Email"), ("Email", email), ("PreferredName", "Robin"), ("WhatIsHappening", "Invented words about a hard month.")));
        var reference = await client.ReferenceShownAfterAsync(await client.SendAsync(check));
        var referralId = await Factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());

        var practitioner = await Factory.SignedInAsync(Practitioner);
        var planUrl = $"/staff/care/{referralId}/plan";
        (await practitioner.SubmitAsync(await practitioner.GetDocumentAsync(planUrl), "form[action$='handler=start']", [])).IsRedirect().ShouldBeTrue();
        (await practitioner.SubmitAsync(await practitioner.GetDocumentAsync(planUrl), "form[action*='handler=suggest']",
            new Dictionary<string, string> { ["Section"] = "WhatMattersToMe", ["Text"] = StaffWords })).IsRedirect().ShouldBeTrue();
        (await practitioner.SubmitAsync(await practitioner.GetDocumentAsync(planUrl), "form[action$='handler=link#Link']", [])).IsRedirect().ShouldBeTrue();

        var body = await SentMessages.DispatchAndReadAsync(Factory.Services, email);
        var person = Factory.NewClient();
        var opened = await person.SubmitAsync(await person.GetDocumentAsync(LinkPattern().Match(body).Value), "form", []);
        opened.Headers.Location!.ToString().ShouldBe("/my/plan");
        return (person, referralId);
    }

    [GeneratedRegex(@"/my/link/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    public void Dispose() => _factory?.Dispose();
}
