using System.Globalization;
using Hub.Application.Common;
using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.Domain.Spells;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.CareTeams;

/// <summary>
/// One person's way through the hub in a real browser without JavaScript: triage, routing to a
/// voluntary-sector peer worker who accepts the handoff, a network meeting, closing the spell, and
/// coming back a week later to the same worker. Every page the journey touches is scanned with axe.
/// </summary>
public sealed class CareJourneyTests(CareJourneyFixture hub, ITestOutputHelper output) : IClassFixture<CareJourneyFixture>
{
    internal const string TriagePractitioner = "practitioner@demo.livingwell.test";
    internal const string PeerWorker = "peer@demo.livingwell.test";
    internal const string PeerWorkerChoice = "Jo Reilly, Living Well team (voluntary and community)";
    private const string Phone = "07700 900 461";

    internal static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false };

    [SkippableFact]
    public async Task Should_follow_a_person_from_triage_through_a_handoff_a_network_meeting_and_closing_to_a_return_with_the_same_worker()
    {
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        var reference = await SendSelfReferralAsync("Sasha", "Everything feels too much since the move.");

        // Triage: the practitioner books a conversation, then routes.
        await using var triageContext = await hub.NewContextAsync(NoJavaScript);
        var sam = await SignInAsync(triageContext, TriagePractitioner);
        await sam.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        var recordPath = new Uri(sam.Url).AbsolutePath;
        await sam.Locator("input[name='Outcome.Outcome'][value='ConversationBooked']").CheckAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();
        await sam.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Triage outcome recorded" }).WaitForAsync();
        await axe.ScanAsync(sam, "record with the care team section");

        await sam.GetByRole(AriaRole.Link, new() { Name = "Routing: who could help, and the care team" }).ClickAsync();
        (await sam.Locator("h1").InnerTextAsync()).ShouldBe("Who could help");
        await axe.ScanAsync(sam, "routing");

        // Sending the handoff with nothing chosen keeps the page and says what is missing.
        await sam.GetByRole(AriaRole.Button, new() { Name = "Offer the work" }).ClickAsync();
        await sam.Locator(".nhsuk-error-summary").WaitForAsync();
        (await sam.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync()).ShouldContain("Choose who to offer the work to");
        await sam.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(sam, "routing with errors");

        // The person would like a peer worker: the suggestions follow.
        await sam.GetByText("Preferences and neighbourhood", new() { Exact = true }).ClickAsync();
        await sam.GetByLabel("They would like a peer support worker").CheckAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await sam.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Preferences saved" }).WaitForAsync();
        var firstSuggestion = sam.Locator("input[name='Handoff.ToMemberId']").First;
        (await sam.Locator($"label[for='{await firstSuggestion.GetAttributeAsync("id")}']").InnerTextAsync()).ShouldBe(PeerWorkerChoice);
        (await sam.Locator("#Handoff_ToMemberId-item-hint").InnerTextAsync()).ShouldContain("peer support worker, as asked");

        await sam.GetByLabel(PeerWorkerChoice).CheckAsync();
        await sam.GetByLabel("Lead worker", new() { Exact = true }).CheckAsync();
        await sam.GetByLabel("Note for them").FillAsync("Moved to the borough in the summer and knows nobody yet; asked for someone who has been there too.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Offer the work" }).ClickAsync();
        await sam.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Offer sent" }).WaitForAsync();
        (await sam.Locator("#care-team + table, #care-team ~ table").First.InnerTextAsync()).ShouldContain("waiting for them to accept");

        // The peer worker, in the voluntary sector, accepts from their own work list.
        await using var peerContext = await hub.NewContextAsync(NoJavaScript);
        var jo = await SignInAsync(peerContext, PeerWorker);
        await jo.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" }).GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await jo.ShouldBeOnAsync("/staff/handoffs");
        (await jo.Locator(".nhsuk-card").InnerTextAsync()).ShouldContain("knows nobody yet");
        await axe.ScanAsync(jo, "my work with an offer");
        await jo.GetByRole(AriaRole.Button, new() { Name = $"Accept {reference}" }).ClickAsync();
        await jo.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Accepted" }).WaitForAsync();
        (await jo.Locator("table").InnerTextAsync()).ShouldContain("Lead worker");
        await axe.ScanAsync(jo, "my work with a caseload");

        // A network meeting with the person and someone from their network, planned and then recorded.
        await jo.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await jo.GetByRole(AriaRole.Link, new() { Name = "Network meetings" }).ClickAsync();
        await axe.ScanAsync(jo, "network meetings");
        var anHourAgo = UkTime.ToLocal(hub.Clock.GetUtcNow().AddHours(-1));
        var when = jo.GetByRole(AriaRole.Group, new() { Name = "When" });
        foreach (var (box, value) in new[] { ("Day", anHourAgo.Day), ("Month", anHourAgo.Month), ("Year", anHourAgo.Year), ("Hour", anHourAgo.Hour), ("Minute", anHourAgo.Minute) })
        {
            await when.GetByLabel(box, new() { Exact = true }).FillAsync(value.ToString(CultureInfo.InvariantCulture));
        }
        await jo.GetByRole(AriaRole.Group, new() { Name = "How" }).GetByLabel("Face to face", new() { Exact = true }).CheckAsync();
        await jo.GetByLabel("Where").SelectOptionAsync(new SelectOptionValue { Label = "Café" });
        await jo.GetByLabel("Jo Reilly (peer support worker)").CheckAsync();
        await jo.GetByLabel("Anyone else they would like there (optional)").FillAsync("Her sister Alex");
        await jo.GetByRole(AriaRole.Button, new() { Name = "Plan the meeting" }).ClickAsync();
        await jo.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Network meeting planned" }).WaitForAsync();

        var record = jo.Locator("form[action*='handler=record']");
        await record.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await jo.Locator(".nhsuk-error-summary").WaitForAsync();
        await jo.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(jo, "network meeting record with errors");
        record = jo.Locator("form[action*='handler=record']");
        await record.GetByRole(AriaRole.Group, new() { Name = "Did the person come?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await record.GetByLabel("Jo Reilly (peer support worker)").CheckAsync();
        await record.GetByLabel("Her sister Alex").CheckAsync();
        await record.GetByLabel("How long, in minutes").FillAsync("75");
        await record.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await jo.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Meeting recorded" }).WaitForAsync();
        await axe.ScanAsync(jo, "network meetings after recording");

        // Easy out: the spell closes with its reason and the person's way back.
        await jo.GotoAsync(recordPath);
        (await jo.Locator("#care-team ~ ul").First.InnerTextAsync()).ShouldContain("Jo Reilly (peer support worker), lead worker");
        (await jo.Locator("body").InnerTextAsync()).ShouldContain("network meeting with the person, Jo Reilly (peer support worker), Her sister Alex");
        await jo.GetByRole(AriaRole.Link, new() { Name = "Close the spell" }).ClickAsync();
        await axe.ScanAsync(jo, "close the spell");
        await jo.GetByLabel("Goals met", new() { Exact = true }).CheckAsync();
        await jo.GetByRole(AriaRole.Button, new() { Name = "Close the spell" }).ClickAsync();
        await jo.Locator(".nhsuk-panel__title", new() { HasTextString = "Spell closed" }).WaitForAsync();
        (await jo.Locator(".hub-words").InnerTextAsync()).ShouldContain("/refer");
        await axe.ScanAsync(jo, "spell closed");
        await jo.ScreenshotAsync(new() { Path = Screenshot("spell-closed.png"), FullPage = true });

        // A week later the person refers themselves again with the same phone number.
        hub.Clock.Advance(TimeSpan.FromDays(7));
        var returning = await SendSelfReferralAsync("Sasha", "It has come back.");
        sam = await SignInAsync(triageContext, TriagePractitioner);
        await sam.GetByRole(AriaRole.Link, new() { Name = returning, Exact = true }).ClickAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Same person: join the records" }).ClickAsync();
        await sam.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Joined to the earlier record" }).WaitForAsync();
        await sam.Locator("input[name='Outcome.Outcome'][value='ConversationBooked']").CheckAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();
        await sam.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Triage outcome recorded" }).WaitForAsync();
        (await sam.Locator("#care-team ~ p").First.InnerTextAsync()).ShouldContain("came back after an earlier spell");

        // Routing offers the previous worker first, with the reason.
        await sam.GetByRole(AriaRole.Link, new() { Name = "Routing: who could help, and the care team" }).ClickAsync();
        (await sam.Locator(".nhsuk-inset-text").Filter(new() { HasTextString = "been with the hub before" }).InnerTextAsync()).ShouldContain("Their lead worker then was Jo Reilly");
        (await sam.Locator("#Handoff_ToMemberId-item-hint").InnerTextAsync()).ShouldStartWith("worked with them before");
        await axe.ScanAsync(sam, "routing for a returning person");
        await sam.ScreenshotAsync(new() { Path = Screenshot("routing-returning-person.png"), FullPage = true });
        await sam.GetByLabel(PeerWorkerChoice).CheckAsync();
        await sam.GetByLabel("Lead worker", new() { Exact = true }).CheckAsync();
        await sam.GetByLabel("Note for them").FillAsync("Back after a week; asked for you again.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Offer the work" }).ClickAsync();
        await sam.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Offer sent" }).WaitForAsync();

        jo = await SignInAsync(peerContext, PeerWorker);
        await jo.GotoAsync("/staff/handoffs");
        await jo.GetByRole(AriaRole.Button, new() { Name = $"Accept {returning}" }).ClickAsync();
        await jo.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Accepted" }).WaitForAsync();

        using (var scope = hub.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var first = await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference);
            var second = await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == returning);
            second.PersonId.ShouldBe(first.PersonId, "the return joins the person's record");
            var oldSpell = await db.Spells.AsNoTracking().SingleAsync(s => s.Id == first.SpellId);
            var newSpell = await db.Spells.AsNoTracking().SingleAsync(s => s.Id == second.SpellId);
            oldSpell.ClosureReason.ShouldBe(SpellClosureReason.GoalsMet);
            newSpell.Id.ShouldNotBe(oldSpell.Id, "a return after more than five days starts a new spell");
            newSpell.PreviousSpellId.ShouldBe(oldSpell.Id, "which follows on from the last one");

            var leads = await db.CareTeamMembers.AsNoTracking().Where(m => m.PersonId == first.PersonId && m.Role == CareTeamRole.Lead).ToListAsync();
            leads.Select(m => m.SpellId).ShouldBe([oldSpell.Id, newSpell.Id], ignoreOrder: true);
            leads.Select(m => m.MemberId).Distinct().Count().ShouldBe(1, "the same worker leads both spells");

            var meeting = await db.Contacts.AsNoTracking().SingleAsync(c => c.ReferralId == first.Id && c.Kind == ContactKind.NetworkMeeting);
            meeting.Attended.ShouldBeTrue();
            meeting.DurationMinutes.ShouldBe(75);
            meeting.NetworkAttendees.ShouldBe(["Her sister Alex"]);
            meeting.StaffAttendees.ShouldBe([leads[0].MemberId]);
        }

        axe.ShouldHaveFoundNoViolations();
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    internal static async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        await page.GotoAsync("/staff/account/sign-in");
        if (new Uri(page.Url).AbsolutePath == "/staff")
        {
            await page.GotoAsync("/staff/triage");
            return page;
        }
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");
        await page.GotoAsync("/staff/triage");
        return page;
    }

    private Task<string> SendSelfReferralAsync(string name, string words) => SendSelfReferralAsync(hub, name, words, Phone);

    internal static async Task<string> SendSelfReferralAsync(CareJourneyFixture hub, string name, string words, string phone)
    {
        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
return await PublicForm.SendSelfReferralAsync(page, "Phone call", phone, safeToLeaveMessage: true, name: name, happening: words);
    }
}
