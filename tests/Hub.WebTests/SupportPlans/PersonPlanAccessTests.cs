using System.Net;
using System.Text.RegularExpressions;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.SupportPlans;

/// <summary>
/// The person opens their plan from the emailed link through the real pages: opening the link
/// changes nothing, the button exchanges it once for a person session and lands on an address with
/// no token; staff sign-in never opens a person's plan, and a used link says so plainly.
/// </summary>
public sealed partial class PersonPlanAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_exchange_a_link_once_for_a_session_on_a_clean_address_that_only_the_person_can_use()
    {
        var referralId = await NewReferralWithEmailAsync("plan.person.481@example.org");
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var planPage = await practitioner.GetDocumentAsync($"/staff/care/{referralId}/plan");
        (await practitioner.SubmitAsync(planPage, "form[action$='handler=start']", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        planPage = await practitioner.GetDocumentAsync($"/staff/care/{referralId}/plan");
        (await practitioner.SubmitAsync(planPage, "form[action$='handler=link#Link']", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var body = await SentMessages.DispatchAndReadAsync(Factory.Services, "plan.person.481@example.org");
        var linkPath = LinkPattern().Match(body).Value;

        // Staff sign-in is not the person's sign-in.
        var staffTry = await practitioner.GetAsync("/my/plan");
        staffTry.IsRedirect().ShouldBeTrue();
        staffTry.PathOf().ShouldBe("/my/signed-out");

        var person = Factory.NewClient();
        (await person.GetAsync("/my/plan")).PathOf().ShouldBe("/my/signed-out");
        var landing = await person.GetAsync(linkPath);
        landing.StatusCode.ShouldBe(HttpStatusCode.OK);
        landing.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        var landingPage = await landing.ReadDocumentAsync();
        landingPage.Text("h1").ShouldBe("Open your plan");
        (await Factory.WithDbAsync(db => db.PlanAccessLinks.AsNoTracking().SingleAsync(l => db.Referrals.Any(r => r.Id == referralId && r.PersonId == l.PersonId)))).UsedAt.ShouldBeNull("opening the link (as an email scanner would) uses nothing");

        var opened = await person.SubmitAsync(landingPage, "form", []);
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Headers.Location!.ToString().ShouldBe("/my/plan", "no token stays in the address bar");
        var plan = await person.GetDocumentAsync("/my/plan");
        plan.Text("h1").ShouldBe("Sasha's plan");

        var reuse = Factory.NewClient();
        var again = await reuse.SubmitAsync(await reuse.GetDocumentAsync(linkPath), "form", []);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadDocumentAsync()).Text("h1").ShouldBe("This link cannot be used");
        (await reuse.GetAsync("/my/plan")).PathOf().ShouldBe("/my/signed-out");

        // Signing out ends the session: the old cookie opens nothing.
        var signOut = await person.SubmitAsync(await person.GetDocumentAsync("/my/plan"), "form[action$='handler=signout']", []);
        signOut.PathOf().ShouldBe("/my/signed-out");
        (await person.GetAsync("/my/plan")).PathOf().ShouldBe("/my/signed-out");
    }

    [SkippableFact]
    public async Task Should_exchange_a_printed_code_typed_into_a_form_for_a_session_with_the_code_in_no_address_before_or_after()
    {
        var referralId = await NewReferralWithEmailAsync("plan.code.482@example.org");
        var practitioner = await Factory.SignedInAsync(Practitioner);
        var planPage = await practitioner.GetDocumentAsync($"/staff/care/{referralId}/plan");
        (await practitioner.SubmitAsync(planPage, "form[action$='handler=start']", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        planPage = await practitioner.GetDocumentAsync($"/staff/care/{referralId}/plan");
        var printed = await practitioner.SubmitAsync(planPage, "form[action$='handler=code#Link']", []);
        printed.StatusCode.ShouldBe(HttpStatusCode.OK, "the code is shown on this response only, never through a redirect");
        var code = (await printed.ReadDocumentAsync()).QuerySelector("[data-printed-code] code")!.TextContent.Trim();
        code.Length.ShouldBeGreaterThan(20);

        var person = Factory.NewClient();
        (await person.GetAsync("/my/code?code=" + Uri.EscapeDataString(code))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await person.GetAsync("/my/plan")).PathOf().ShouldBe("/my/signed-out", "a code in an address opens nothing");
        var form = await person.GetDocumentAsync("/my/code");
        form.QuerySelector("form")!.GetAttribute("method").ShouldBe("post", "the code travels in the form's body");
        var exchanged = await person.SubmitAsync(form, "form", [new("Code", code)]);
        exchanged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        exchanged.Headers.Location!.ToString().ShouldBe("/my/plan", "the code is in no address after the exchange");
        (await person.GetDocumentAsync("/my/plan")).Text("h1").ShouldBe("Sasha's plan");

        var again = Factory.NewClient();
        var reused = await again.SubmitAsync(await again.GetDocumentAsync("/my/code"), "form", [new("Code", code)]);
        reused.StatusCode.ShouldBe(HttpStatusCode.OK, "used once");
        (await reused.Content.ReadAsStringAsync()).ShouldNotContain(code, customMessage: "never echoed back");
        (await again.GetAsync("/my/plan")).PathOf().ShouldBe("/my/signed-out");
    }

    private async Task<Guid> NewReferralWithEmailAsync(string email)
    {
        var client = Factory.NewClient();
        var check = await client.CheckPageAsync(WebTestExtensions.Answers(
            ("ContactMethod", "Email"),
            ("Email", email),
            ("PreferredName", "Sasha"),
            ("WhatIsHappening", "Invented words about a hard month.")));
        var reference = await client.ReferenceShownAfterAsync(await client.SendAsync(check));
        return await Factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
    }

    [GeneratedRegex(@"/my/link/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    public void Dispose() => _factory?.Dispose();
}
