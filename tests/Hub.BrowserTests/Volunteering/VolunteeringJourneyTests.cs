using System.Text.RegularExpressions;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Hub.TestSupport;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Volunteering;

/// <summary>The browser hub with a real SMTP server on loopback, so the message after an outing arrives as a real email.</summary>
public sealed class VolunteeringJourneyFixture : MailingBrowserFixture;

/// <summary>
/// Issue 17's journey, every page scanned with axe: on a 375 px phone a person asks for someone to
/// come with them to a group; at 1280 px the coordinator sees the request and matches it to a vetted
/// volunteer (only vetted ones are offered); on a phone the volunteer signs in, sees only that
/// request and records the outing; the person follows the link in the email that arrives, which
/// signs them in to their own space on the outing, and says how it went there (docs/decisions/041);
/// the coordinator reads it. With <c>HUB_SCREENSHOTS</c> set to a folder, the person's pages are saved there.
/// </summary>
public sealed partial class VolunteeringJourneyTests(VolunteeringJourneyFixture hub, ITestOutputHelper output) : IClassFixture<VolunteeringJourneyFixture>
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true };
    private static readonly BrowserNewContextOptions Desk = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };

    [SkippableFact]
    public async Task Should_take_a_request_from_a_phone_to_a_vetted_volunteer_an_outing_and_the_persons_own_words_in_their_space()
    {
        hub.Smtp.Require();
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

        // The email after the outing arrives; its link signs the person in to their space, on that outing.
        var link = await DispatchAndReadLinkAsync(email);
        await phone.GotoAsync(link);
        await Check(phone, axe, "space link from the email after the outing");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in to my space" }).TapAsync();
        await phone.WaitForAddressAsync(new Regex("/space/outings/[0-9a-f-]{36}$"));
        phone.Url.ShouldNotContain("/space/link/");
        var outingPage = await phone.Locator("main").InnerTextAsync();
        outingPage.ShouldContain(group);
        outingPage.ShouldContain("Nia", Case.Sensitive, "the volunteer's first name");
        outingPage.ShouldNotContain("We met at the door", Case.Sensitive, "the volunteer's note is for the coordinator");
        await Check(phone, axe, "how did it go? in my space");
        await Screenshot(phone, "space-outing.png");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).TapAsync();
        await phone.Locator(".nhsuk-error-summary").WaitForAsync();
        await phone.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await Check(phone, axe, "how did it go? with an error");
        await phone.GetByLabel("It went well").CheckAsync();
        await phone.GetByLabel("Anything you would like to tell us, in your own words (optional)").FillAsync("Nia made it easy. I will go on my own next week.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).TapAsync();
        await phone.ShouldBeOnAsync("/space");
        await phone.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Thank you for telling us how it went" }).WaitForAsync();
        var outings = await phone.Locator("#outings + ul").InnerTextAsync();
        outings.ShouldContain($"{group} with Nia");
        outings.ShouldContain("You said: It went well, “Nia made it easy. I will go on my own next week.”");
        (await phone.Locator("#outings + ul").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Say how it went") }).CountAsync()).ShouldBe(0, "said once");
        await Check(phone, axe, "my space after saying how it went");
        await Screenshot(phone, "space-after-saying.png");

        // The coordinator reads it beside the volunteer's note.
        await using (var desk = await hub.NewContextAsync(Desk))
        {
            var coordinator = await desk.NewPageAsync();
            await SignInAsync(coordinator, DemoDataSeeder.CoordinatorEmail, "/staff/volunteering");
            await coordinator.GotoAsync("/staff/volunteering?show=matched");
            await coordinator.Locator("tr", new() { HasTextString = group }).GetByRole(AriaRole.Link, new() { Name = "Jamie" }).ClickAsync();
            var read = await coordinator.Locator("main").InnerTextAsync();
            read.ShouldContain("We met at the door and stayed to the end.");
            read.ShouldContain("It went well: Nia made it easy. I will go on my own next week.");
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

    /// <summary>Sends what is due and reads the space link out of the "how did it go" email as it arrived over SMTP.</summary>
    private async Task<string> DispatchAndReadLinkAsync(string to)
    {
        using (var scope = hub.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync("volunteering-journey", 20, CancellationToken.None);
        }
        var bodies = hub.Smtp.Messages().Where(m => SmtpServer.Header(m, "To")?.Contains(to, StringComparison.OrdinalIgnoreCase) == true
            && SmtpServer.Header(m, "Subject")?.Contains("how did it go", StringComparison.OrdinalIgnoreCase) == true).Select(SmtpServer.Body).ToList();
        bodies.Count.ShouldBe(1, "one email after the outing");
        var link = SpaceLink().Match(bodies[0]);
        link.Success.ShouldBeTrue("the email carries a link into their space");
        return link.Value;
    }

    [GeneratedRegex(@"/space/link/[A-Za-z0-9_-]+")]
    private static partial Regex SpaceLink();

    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("HUB_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        }
    }

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
