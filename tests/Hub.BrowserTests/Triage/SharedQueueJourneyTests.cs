using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Triage;

/// <summary>
/// The triage queue as shared work, at 1280 px: a practitioner searches for a referral, picks it up,
/// sees it shown as theirs in the queue, and releases it. With JavaScript, without it, and by
/// keyboard alone; every page scanned with axe.
/// </summary>
public sealed class SharedQueueJourneyTests(BrowserFixture hub, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string PractitionerEmail = "practitioner@demo.livingwell.test";

    private static BrowserNewContextOptions Options(bool javaScript) => new()
    {
        JavaScriptEnabled = javaScript,
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    };

    [SkippableTheory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Should_let_a_practitioner_search_for_a_referral_pick_it_up_see_it_shown_and_release_it(bool javaScript, bool keyboardOnly)
    {
        var name = $"Wren{(javaScript ? "js" : "nojs")}{(keyboardOnly ? "keys" : "")}";
        var reference = await ReferAsync(name);

        await using var axe = new AxeAudit(hub, output, javaScript ? null : Options(false));
        await using var context = await hub.NewContextAsync(Options(javaScript));
        var page = await context.NewPageAsync();
        await SignInAsync(page);

        // The header says who is signed in, with their account and signing out; the menu has the offers.
        var account = page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" });
        (await account.InnerTextAsync()).ShouldContain("Sign out");
        (await account.GetByRole(AriaRole.Link).InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Staff menu" });
        (await menu.GetByRole(AriaRole.Link, new() { Name = "Community offers" }).CountAsync()).ShouldBe(1);
        (await menu.GetByRole(AriaRole.Link, new() { Name = "Authenticator app" }).CountAsync()).ShouldBe(0);
        (await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Staff sign in" }).CountAsync()).ShouldBe(0);

        await page.GotoAsync("/staff/triage");
        await axe.ScanAsync(page, "triage queue");
        var search = page.GetByLabel("Search by reference, name, phone or email");
        if (keyboardOnly)
        {
            await page.TabToAsync("input[name=q]");
            await page.Keyboard.TypeAsync(name.ToLowerInvariant());
            await page.Keyboard.PressAsync("Enter");
        }
        else
        {
            await search.FillAsync(name.ToLowerInvariant());
            await page.GetByRole(AriaRole.Button, new() { Name = "Show referrals" }).ClickAsync();
        }
        await page.WaitForAddressAsync(url => url.Contains("q=", StringComparison.Ordinal));
        var link = page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true });
        (await link.CountAsync()).ShouldBe(1, "the search finds the referral");
        (await page.Locator("table.hub-queue tbody tr").CountAsync()).ShouldBe(1);
        (await page.Locator("table.hub-queue tbody tr").InnerTextAsync()).ShouldContain("Nobody yet");
        await page.ShouldNotScrollSidewaysAsync("triage queue search");
        await axe.ScanAsync(page, "triage queue search");

        if (keyboardOnly)
        {
            await page.TabToAsync($"a[href='{await link.GetAttributeAsync("href")}']");
            await page.Keyboard.PressAsync("Enter");
        }
        else
        {
            await link.ClickAsync();
        }
        await page.Locator("#picked-up", new() { HasTextString = "Nobody has picked this up yet" }).WaitForAsync();
        await axe.ScanAsync(page, "referral record, not picked up");

        await Press(page, keyboardOnly, "I'm picking this up", "pickup");
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "You have picked this up" }).WaitForAsync();
        (await page.Locator("#picked-up").InnerTextAsync()).ShouldStartWith("You picked this up at");
        await axe.ScanAsync(page, "referral record, picked up");

        // The queue shows it as picked up, to the one who did and (as a name) to everyone else.
        await page.GotoAsync("/staff/triage?q=" + Uri.EscapeDataString(reference));
        var row = page.Locator("table.hub-queue tbody tr");
        (await row.InnerTextAsync()).ShouldContain("You");
        (await row.InnerTextAsync()).ShouldContain("since");
        await axe.ScanAsync(page, "triage queue, picked up");

        await page.GotoAsync("/staff/triage?picked=me");
        (await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).CountAsync()).ShouldBe(1, "'picked up by me' lists it");

        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.Locator("#picked-up").WaitForAsync();
        await Press(page, keyboardOnly, "Release it", "release");
        await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Released" }).WaitForAsync();
        (await page.Locator("#picked-up").InnerTextAsync()).ShouldBe("Nobody has picked this up yet.");
        await axe.ScanAsync(page, "referral record, released");

        using (var scope = hub.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var id = await db.Referrals.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
            (await db.TriagePickUps.CountAsync(p => p.ReferralId == id)).ShouldBe(0);
        }
        axe.ShouldHaveFoundNoViolations();
    }

    private static async Task Press(IPage page, bool keyboardOnly, string button, string handler)
    {
        if (keyboardOnly)
        {
            await page.TabToAsync($"form[action$='handler={handler}'] button");
            await page.Keyboard.PressAsync("Enter");
        }
        else
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        }
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(PractitionerEmail);
        await page.GetByLabel("Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");
    }

    /// <summary>A new self-referral sent through the use case the public form sends (the public journey is tested on its own).</summary>
    private async Task<string> ReferAsync(string name)
    {
        using var scope = hub.Factory.Services.CreateScope();
        var sent = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SubmitSelfReferral(new SelfReferralAnswers
        {
            PreferredName = name,
            ContactMethod = ContactMethod.TheyWillCallUs,
        }, Guid.NewGuid()));
        return sent.Reference;
    }
}
