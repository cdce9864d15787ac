using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.CareTeams;

/// <summary>
/// Issue 19's journey in a browser without JavaScript, on a hub of its own (the offer it leaves
/// waiting would show in the other journey's work lists): a practitioner offers the lead, then
/// tries to take it while that offer waits, and is told why not; the routing page lists one lead.
/// </summary>
public sealed class LeadOfferJourneyTests(CareJourneyFixture hub, ITestOutputHelper output) : IClassFixture<CareJourneyFixture>
{
    [SkippableFact]
    public async Task Should_refuse_taking_the_lead_yourself_while_your_offer_of_the_lead_waits_and_list_one_lead()
    {
        await using var axe = new AxeAudit(hub, output, CareJourneyTests.NoJavaScript);
        var reference = await CareJourneyTests.SendSelfReferralAsync(hub, "Remi", "Not sleeping since losing my job.", "07700 900 462");
        await using var context = await hub.NewContextAsync(CareJourneyTests.NoJavaScript);
        var sam = await CareJourneyTests.SignInAsync(context, CareJourneyTests.TriagePractitioner);
        await sam.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await sam.Locator("input[name='Outcome.Outcome'][value='ConversationBooked']").CheckAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();
        await sam.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Triage outcome recorded" }).WaitForAsync();
        await sam.GetByRole(AriaRole.Link, new() { Name = "Routing: who could help, and the care team" }).ClickAsync();

        // Sam offers the lead to Jo.
        await sam.GetByLabel(CareJourneyTests.PeerWorkerChoice).CheckAsync();
        await sam.GetByLabel("Lead worker", new() { Exact = true }).CheckAsync();
        await sam.GetByLabel("Note for them").FillAsync("Lost their job in the spring; would like help with money first.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Offer the work" }).ClickAsync();
        await sam.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Offer sent" }).WaitForAsync();

        // While Jo has not answered, Sam tries to take the lead himself: refused, saying why.
        var myself = await sam.Locator("select[name='Handoff.SomeoneElse'] option").Filter(new() { HasTextString = "Sam Okafor" }).First.GetAttributeAsync("value");
        await sam.GetByLabel("Someone else (choose below)").CheckAsync();
        await sam.Locator("select[name='Handoff.SomeoneElse']").SelectOptionAsync(myself!);
        await sam.GetByLabel("Lead worker", new() { Exact = true }).CheckAsync();
        await sam.GetByLabel("Note for them").FillAsync("Taking it myself.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Offer the work" }).ClickAsync();
        await sam.Locator(".nhsuk-error-summary").WaitForAsync();
        (await sam.Locator(".nhsuk-error-summary__list li").AllInnerTextsAsync())
            .ShouldContain("You have offered the lead to someone else and they have not answered yet. Wait for their answer before taking the lead yourself");
        await sam.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(sam, "routing with the lead refused while an offer waits");

        // The routing page lists one lead: Jo, waiting to accept.
        var leads = await sam.Locator("#care-team ~ table tbody tr").Filter(new() { HasTextString = "Lead worker" }).AllInnerTextsAsync();
        leads.ShouldHaveSingleItem().ShouldContain("waiting for them to accept");
        leads[0].ShouldContain("Jo Reilly");
        axe.ShouldHaveFoundNoViolations();
    }
}
