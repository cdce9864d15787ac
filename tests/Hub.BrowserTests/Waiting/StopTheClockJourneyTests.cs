using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.Common;
using Hub.Domain.People;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Hub.BrowserTests.CareTeams;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Waiting;

/// <summary>
/// A team leader finds someone past four weeks who has had their assessment and baseline measure
/// but never opened their plan link, records the intervention that started, sees the clock stopped
/// on the record, and no longer finds them on the four-week list. No JavaScript; axe on every page.
/// </summary>
public sealed class StopTheClockJourneyTests(CareJourneyFixture hub, ITestOutputHelper output) : IClassFixture<CareJourneyFixture>
{
    private const string Name = "Invented Ade Breach";
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false };

    [SkippableFact]
    public async Task Should_let_a_team_leader_stop_the_clock_by_recording_an_intervention_started_and_take_the_person_off_the_waiting_list()
    {
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        string reference;
        DateOnly startedOn;
        using (var scope = hub.Factory.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SubmitSelfReferral(
                new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, PreferredName = Name }, Guid.NewGuid()));
            reference = sent.Reference;
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var referral = await db.Referrals.SingleAsync(r => r.Reference == reference);
            var spell = await db.Spells.SingleAsync(s => s.Id == referral.SpellId);
            // Assessed with a rated measure on day 4; the plan link was never opened.
            spell.RecordAssessment(spell.StartedAt.AddDays(4));
            spell.RecordBaselineMeasure(spell.StartedAt.AddDays(4));
            startedOn = UkCalendar.DayOf(spell.StartedAt);
            await db.SaveChangesAsync();
        }
        hub.Clock.Advance(TimeSpan.FromDays(35));

        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("teamleader@demo.livingwell.test");
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");

        await page.GotoAsync("/staff/waiting");
        var row = page.Locator("tr").Filter(new() { HasTextString = Name });
        (await row.CountAsync()).ShouldBe(1, "past four weeks, on the list");
        (await row.Locator("strong.nhsuk-tag--red").CountAsync()).ShouldBe(1, "shown as breached");
        await axe.ScanAsync(page, "four-week waits");

        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await page.Locator("#four-week-clock").WaitForAsync();
        (await page.Locator("#four-week-clock + p").InnerTextAsync()).ShouldContain("Past four weeks");
        await axe.ScanAsync(page, "referral record, clock running");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a care plan agreed or an intervention started for the four-week clock" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Four-week clock");
        await axe.ScanAsync(page, "four-week clock");

        // First without choosing a kind: the message is by the choices, the day typed is kept.
        var form = page.Locator("form[action*='handler=intervention']");
        var on = startedOn.AddDays(12);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var day = form.GetByRole(AriaRole.Group, new() { Name = "Day it started" });
        await day.GetByLabel("Day", new() { Exact = true }).FillAsync(on.Day.ToString(c));
        await day.GetByLabel("Month", new() { Exact = true }).FillAsync(on.Month.ToString(c));
        await day.GetByLabel("Year", new() { Exact = true }).FillAsync(on.Year.ToString(c));
        await form.GetByRole(AriaRole.Button, new() { Name = "Record intervention started" }).ClickAsync();
        (await page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("Select the kind of intervention");
        (await page.Locator("form[action*='handler=intervention']").GetByRole(AriaRole.Group, new() { Name = "Day it started" })
            .GetByLabel("Day", new() { Exact = true }).InputValueAsync()).ShouldBe(on.Day.ToString(c));
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(page, "four-week clock, with an error");

        form = page.Locator("form[action*='handler=intervention']");
        await form.GetByLabel("Peer support started").CheckAsync();
        await form.GetByLabel("Note (optional)").FillAsync("Invented: weekly walk with the peer worker");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record intervention started" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Intervention started recorded" }).WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Clock stopped");
        await page.ShouldNotScrollSidewaysAsync("four-week clock");
        await axe.ScanAsync(page, "four-week clock, stopped");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "four-week-clock-stopped.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the record" }).ClickAsync();
        var clock = await page.Locator("#four-week-clock + p").InnerTextAsync();
        clock.ShouldContain("Clock stopped");
        clock.ShouldContain("day 12");
        clock.ShouldContain("care plan agreed or intervention started");
        await axe.ScanAsync(page, "referral record, clock stopped");

        await page.GotoAsync("/staff/waiting");
        (await page.Locator("tr").Filter(new() { HasTextString = Name }).CountAsync()).ShouldBe(0, "the clock stopped: off the waiting list");
        await axe.ScanAsync(page, "four-week waits, after");

        axe.ShouldHaveFoundNoViolations();
    }
}
