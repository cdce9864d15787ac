using System.Text.RegularExpressions;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Volunteering;

/// <summary>
/// Issue 17's journey, every page scanned with axe: on a 375 px phone a person asks for someone to
/// come with them to a group; at 1280 px the coordinator sees the request and matches it to a vetted
/// volunteer (only vetted ones are offered); on a phone the volunteer signs in, sees only that
/// request and records the outing; the person says how it went through the link sent to them; the
/// coordinator reads it.
/// </summary>
public sealed partial class VolunteeringJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true };
    private static readonly BrowserNewContextOptions Desk = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };

    [SkippableFact]
    public async Task Should_take_a_request_from_a_phone_to_a_vetted_volunteer_an_outing_and_the_persons_own_words()
    {
        var email = $"jamie.{Guid.NewGuid():N}@example.test";
        await using var axe = new AxeAudit(hub, output);
        await using var person = await hub.NewContextAsync(Phone);
        var phone = await person.NewPageAsync();

        // A person on a phone finds a group and asks for someone to come with them.
        await phone.GotoAsync("/connect");
        await phone.Locator("main a[href^='/connect/groups/']").First.TapAsync();
        var group = (await phone.Locator("h1").InnerTextAsync()).Trim();
        await phone.GetByRole(AriaRole.Link, new() { Name = "ask for someone to come with you" }).TapAsync();
        await phone.Locator("h1", new() { HasTextString = "Ask for someone to come with you" }).WaitForAsync();
        await Check(phone, axe, "ask for someone to come with you");
        (await phone.Locator("main").InnerTextAsync()).ShouldNotContain("diagnos", Case.Insensitive);

        await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).TapAsync();
        await phone.Locator(".nhsuk-error-summary").WaitForAsync();
        await phone.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await Check(phone, axe, "ask for someone to come with you, with errors");

        await phone.GetByLabel("Your first name").FillAsync("Jamie");
        await phone.GetByLabel("What would you like to try?").FillAsync("Going in for the first time");
        await phone.GetByLabel("When suits you?").FillAsync("Tuesday evenings");
        await phone.GetByLabel("Email", new() { Exact = true }).CheckAsync();
        await phone.GetByLabel("Email address (if you chose email)").FillAsync(email);
        await phone.GetByRole(AriaRole.Group, new() { Name = "Is it safe for us to send you messages?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).TapAsync();
        await phone.ShouldBeOnAsync("/connect/come-with-me/sent");
        await Check(phone, axe, "request sent");
        (await EmailsTo(email, ComeAlongMessages.ConfirmPurpose)).Count.ShouldBe(1, "a confirmation by the way they chose, as messages are safe");

        // The coordinator, at a desk, matches the request to a vetted volunteer.
        await using (var desk = await hub.NewContextAsync(Desk))
        {
            var coordinator = await desk.NewPageAsync();
            await SignInAsync(coordinator, DemoDataSeeder.CoordinatorEmail, "/staff/volunteering");
            await Check(coordinator, axe, "coordinator's queue");
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "Volunteers" }).ClickAsync();
            await Check(coordinator, axe, "coordinator's volunteers");
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "Ben Okoro" }).ClickAsync();
            (await coordinator.Locator("main").InnerTextAsync()).ShouldContain("Can be matched today");
            await Check(coordinator, axe, "a volunteer still to vet");
            await coordinator.GotoAsync("/staff/volunteering");
            await coordinator.Locator("tr", new() { HasTextString = group }).GetByRole(AriaRole.Link, new() { Name = "Jamie" }).ClickAsync();
            await Check(coordinator, axe, "the request");
            var offered = await coordinator.Locator("input[name='VolunteerId'] + label").AllInnerTextsAsync();
            offered.ShouldContain(o => o.StartsWith("Nia Evans", StringComparison.Ordinal));
            offered.ShouldNotContain(o => o.StartsWith("Ben Okoro", StringComparison.Ordinal), "a volunteer still to vet is never offered");
            await coordinator.GetByLabel(new Regex("^Nia Evans")).CheckAsync();
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Match" }).ClickAsync();
            await coordinator.Locator("[role=status]", new() { HasTextString = "Matched" }).WaitForAsync();
            await Check(coordinator, axe, "the request, matched");
        }

        // The volunteer signs in on their phone, sees only that request, and records the outing.
        await using (var theirs = await hub.NewContextAsync(Phone))
        {
            var volunteer = await theirs.NewPageAsync();
            await SignInAsync(volunteer, DemoDataSeeder.VolunteerEmail, "/volunteer");
            await Check(volunteer, axe, "volunteer's list");
            var cards = await volunteer.Locator("main .nhsuk-card__link").AllInnerTextsAsync();
            cards.ShouldBe(["Jamie"], "only the request matched to them");
            await volunteer.GetByRole(AriaRole.Link, new() { Name = "Jamie" }).TapAsync();
            var shown = await volunteer.Locator("main").InnerTextAsync();
            shown.ShouldContain(email);
            shown.ShouldContain(group);
            shown.ShouldNotContain("Going in for the first time", Case.Sensitive, "what the person would like to try stays with the coordinator");
            await Check(volunteer, axe, "volunteer's request");

            await volunteer.GetByRole(AriaRole.Button, new() { Name = "Save outing" }).TapAsync();
            await volunteer.Locator(".nhsuk-error-summary").WaitForAsync();
            await Check(volunteer, axe, "volunteer's outing with errors");
            var yesterday = DateTime.UtcNow.AddDays(-1);
            await volunteer.Locator("input[name='Outing.On.Day']").FillAsync(yesterday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await volunteer.Locator("input[name='Outing.On.Month']").FillAsync(yesterday.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await volunteer.Locator("input[name='Outing.On.Year']").FillAsync(yesterday.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await volunteer.GetByRole(AriaRole.Group, new() { Name = "Did it happen?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
            await volunteer.GetByLabel("A short note (optional)").FillAsync("We met at the door and stayed to the end.");
            await volunteer.GetByRole(AriaRole.Button, new() { Name = "Save outing" }).TapAsync();
            await volunteer.Locator("[role=status]", new() { HasTextString = "Outing recorded" }).WaitForAsync();
            await Check(volunteer, axe, "volunteer's outing recorded");
            await volunteer.GotoAsync("/volunteer/concern");
            await Check(volunteer, axe, "raise a concern");
        }

        // The person opens the link sent to them and says how it went.
        var link = HowItWentLink().Match((await EmailsTo(email, ComeAlongMessages.HowItWentPurpose)).Single()).Value;
        await phone.GotoAsync(link);
        await Check(phone, axe, "how it went: the link");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Continue" }).TapAsync();
        await phone.ShouldBeOnAsync("/connect/how-it-went");
        (await phone.Locator("main").InnerTextAsync()).ShouldContain(group);
        await Check(phone, axe, "how did it go?");
        await phone.GetByLabel("It went well").CheckAsync();
        await phone.GetByLabel("Anything you would like to tell us, in your own words (optional)").FillAsync("Nia made it easy. I will go on my own next week.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).TapAsync();
        await phone.ShouldBeOnAsync("/connect/how-it-went/thanks");
        await Check(phone, axe, "thank you for telling us");

        // The coordinator reads it beside the volunteer's note.
        await using (var desk = await hub.NewContextAsync(Desk))
        {
            var coordinator = await desk.NewPageAsync();
            await SignInAsync(coordinator, DemoDataSeeder.CoordinatorEmail, "/staff/volunteering");
            await coordinator.GotoAsync("/staff/volunteering?show=matched");
            await coordinator.Locator("tr", new() { HasTextString = group }).GetByRole(AriaRole.Link, new() { Name = "Jamie" }).ClickAsync();
            var outings = await coordinator.Locator("main").InnerTextAsync();
            outings.ShouldContain("We met at the door and stayed to the end.");
            outings.ShouldContain("It went well: Nia made it easy. I will go on my own next week.");
            await Check(coordinator, axe, "the request with its outing");
        }

        axe.ShouldHaveFoundNoViolations();
    }

    private async Task<List<string>> EmailsTo(string address, string purpose)
    {
        using var scope = hub.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.To == address && m.Purpose == purpose).Select(m => m.Body).ToListAsync();
    }

    [GeneratedRegex(@"/connect/how-it-went/[A-Za-z0-9_-]+")]
    private static partial Regex HowItWentLink();

    private static async Task SignInAsync(IPage page, string email, string landing)
    {
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync(landing);
    }

    private static async Task Check(IPage page, AxeAudit axe, string name)
    {
        await page.ShouldNotScrollSidewaysAsync(name);
        await axe.ScanAsync(page, name);
    }
}
