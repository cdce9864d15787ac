using Hub.BrowserTests.CareTeams;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Directory;
using Hub.Infrastructure.Identity;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Lists;

/// <summary>
/// The staff lists searched and paged as a team would, without JavaScript, at 1280 px: the offers
/// list to its second page and back, the allocation queue and my work searched (and a search that
/// cannot be read), the directory searched by role and paged. axe on every page touched.
/// </summary>
public sealed class StaffListsJourneyTests(CareJourneyFixture hub, ITestOutputHelper output) : IClassFixture<CareJourneyFixture>
{
    private static readonly BrowserNewContextOptions NoJavaScript = new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 900 } };

    [SkippableFact]
    public async Task Should_search_and_page_the_offers_allocation_my_work_and_directory_lists_without_javascript()
    {
        await using var axe = new AxeAudit(hub, output, NoJavaScript);
        using (var scope = hub.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.CommunityOffers.AddRange(Enumerable.Range(1, 30).Select(i =>
            {
                var offer = new CommunityOffer($"Invented riverside walk {i:00}", "Invented walking trust", DateTimeOffset.UtcNow, "The borough");
                offer.Locate("Riverside", "Community centre", null, null);
                return offer;
            }));
            var team = await db.Teams.OrderBy(t => t.Name).FirstAsync();
            foreach (var i in Enumerable.Range(1, 55))
            {
                // A directory profile belongs to a staff account (invented, never signed in).
                var id = Guid.NewGuid();
                var email = $"paging-nurse-{i:00}@hub.test";
                db.Users.Add(new StaffUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), DisplayName = $"Invented Paging Nurse {i:00}", SecurityStamp = Guid.NewGuid().ToString("N") });
                db.TeamMembers.Add(new TeamMember(id, team.Id, $"Invented Paging Nurse {i:00}", ProfessionalGroup.Nurse, 10));
            }
            await db.SaveChangesAsync();
        }

        await using var context = await hub.NewContextAsync(NoJavaScript);
        var page = await context.NewPageAsync();
        await SignIn(page, "teamleader@demo.livingwell.test");

        // Offers: a search, then Next to the second page and Previous back.
        await page.GotoAsync("/staff/offers");
        await page.GetByLabel("Search by name, neighbourhood or interest").FillAsync("riverside walk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show offers" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldStartWith("30 offers match");
        (await page.Locator(".nhsuk-card__heading").CountAsync()).ShouldBe(25);
        await axe.ScanAsync(page, "offers, searched");
        await page.Locator("a.nhsuk-pagination__link--next").ClickAsync();
        var second = await page.Locator(".nhsuk-card__heading").AllInnerTextsAsync();
        second.ShouldBe(Enumerable.Range(26, 5).Select(i => $"Invented riverside walk {i}"), "the rest, in order");
        (await page.GetByLabel("Search by name, neighbourhood or interest").InputValueAsync()).ShouldBe("riverside walk", "the search travels with the page");
        await page.ShouldNotScrollSidewaysAsync("offers, page 2");
        await axe.ScanAsync(page, "offers, page 2");
        await Screenshot(page, "offers-search-page-2");
        await page.Locator("a.nhsuk-pagination__link--prev").ClickAsync();
        (await page.Locator(".nhsuk-card__heading").First.InnerTextAsync()).ShouldBe("Invented riverside walk 01");
        (await page.Locator("a.nhsuk-pagination__link--prev").CountAsync()).ShouldBe(0, "the first page has nothing before it");

        // Allocation queue: a search that finds nobody, and one that cannot be read.
        await page.GotoAsync("/staff/allocation");
        await axe.ScanAsync(page, "allocation queue");
        await page.GetByLabel("Search by reference, name, phone or email").FillAsync("Invented Nobody Known");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Nobody waiting for a lead worker matches the search.");
        await axe.ScanAsync(page, "allocation queue, searched");
        await Screenshot(page, "allocation-search");
        await page.GetByLabel("Search by reference, name, phone or email").FillAsync("0770");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        (await page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("Enter the whole phone number");
        await page.ErrorSummaryLinksShouldLeadToFieldsAsync();
        await axe.ScanAsync(page, "allocation queue, a search that cannot be read");
        await Screenshot(page, "allocation-search-error");

        // My work.
        await page.GotoAsync("/staff/handoffs?q=Invented+Nobody+Known");
        await axe.ScanAsync(page, "my work, searched");
        await Screenshot(page, "my-work-search");

        // The directory, as an administrator: by role, then the second page.
        await using var adminContext = await hub.NewContextAsync(NoJavaScript);
        var admin = await adminContext.NewPageAsync();
        await SignIn(admin, "admin@demo.livingwell.test");
        await admin.GotoAsync("/staff/directory");
        await axe.ScanAsync(admin, "team directory");
        await admin.GetByLabel("Search by name, team or role").FillAsync("Paging nurse");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        (await admin.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldStartWith("55 members match");
        await admin.Locator("a.nhsuk-pagination__link--next").ClickAsync();
        var names = await admin.Locator("table.nhsuk-table tbody tr td:first-child a").AllInnerTextsAsync();
        names.ShouldBe(Enumerable.Range(51, 5).Select(i => $"Invented Paging Nurse {i}"));
        await admin.ShouldNotScrollSidewaysAsync("directory, page 2");
        await axe.ScanAsync(admin, "team directory, searched, page 2");
        await Screenshot(admin, "directory-search-page-2");

        axe.ShouldHaveFoundNoViolations();
    }

    private static async Task SignIn(IPage page, string email)
    {
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"lists-{name}.png"), FullPage = true });
}
