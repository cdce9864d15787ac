using System.Net;
using Hub.Application.Common;
using Hub.Domain.Referrals;
using Hub.Infrastructure.Identity;
using Hub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Security;

/// <summary>
/// Who reaches the triage queue: nobody anonymous, not a commissioner, a practitioner yes; repeated
/// wrong passwords lock the account; signing out ends the session on the server; outside demo mode a
/// password alone is not enough (MFA).
/// </summary>
public sealed class StaffAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string DemoPassword = "LivingWell-demo-2026";
    private const string SignInPath = "/staff/account/sign-in";
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_send_an_anonymous_visitor_to_sign_in_instead_of_the_triage_queue()
    {
        var response = await Factory.NewClient().GetAsync("/staff/triage");

        response.IsRedirect().ShouldBeTrue();
        response.PathOf().ShouldBe(SignInPath, StringCompareShould.IgnoreCase);
    }

    [SkippableFact]
    public async Task Should_not_show_the_triage_queue_to_a_commissioner()
    {
        var client = Factory.NewClient();
        (await client.SignInAsync("commissioner@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();

        var response = await client.GetAsync("/staff/triage");

        // The product may answer 403 directly or via its access-denied page; either way: no queue.
        if (response.IsRedirect())
        {
            response.PathOf().ShouldBe("/staff/account/access-denied", StringCompareShould.IgnoreCase);
            response = await client.GetAsync(response.Headers.Location!.ToString());
        }
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await response.ReadDocumentAsync();
        page.Text("h1").ShouldNotBe("Triage queue");
        page.QuerySelector("table.nhsuk-table").ShouldBeNull();
        var references = await WaitingReferencesAsync();
        var html = page.DocumentElement.OuterHtml;
        references.ShouldNotContain(r => html.Contains(r), "no referral reference may reach a commissioner");
    }

    [SkippableFact]
    public async Task Should_show_a_practitioner_the_triage_queue()
    {
        var client = Factory.NewClient();
        (await client.SignInAsync("practitioner@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();

        var response = await client.GetAsync("/staff/triage");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.Text("h1").ShouldBe("Triage queue");
        var shown = page.QuerySelectorAll("table.nhsuk-table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        shown.ShouldNotBeEmpty();
        shown.ShouldBe(await WaitingReferencesAsync(), ignoreOrder: true);
    }

    [SkippableFact]
    public async Task Should_lock_the_account_after_five_wrong_passwords_even_when_the_sixth_is_right()
    {
        // An account no other test in this class signs in with, so the lockout cannot disturb them.
        const string email = "peer@demo.livingwell.test";
        var client = Factory.NewClient();
        for (var i = 1; i <= 5; i++)
        {
            var wrong = await client.SignInAsync(email, $"not-the-password-{i}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            var errors = (await wrong.ReadDocumentAsync()).ErrorSummary();
            if (i < 5)
            {
                errors.ShouldBe(new[] { "Enter a correct email address and password" }, $"attempt {i}");
            }
            else
            {
                errors.ShouldHaveSingleItem($"attempt {i} is refused (Identity may already say the account is locked)");
            }
        }

        var right = await client.SignInAsync(email, DemoPassword);

        right.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account does not sign in");
        var page = await right.ReadDocumentAsync();
        page.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Too many attempts. Your account is locked for 15 minutes");
        (await client.GetAsync("/staff/triage")).IsRedirect().ShouldBeTrue("still not signed in");
    }

    [SkippableFact]
    public async Task Should_end_the_session_on_the_server_so_a_copied_cookie_no_longer_works_after_sign_out()
    {
        var cookies = new CookieContainer();
        var client = Factory.NewClient(cookies);
        (await client.SignInAsync("nurse@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();
        var queue = await client.GetAsync("/staff/triage");
        queue.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stolen = cookies.GetCookies(BaseAddress).Where(c => c.Name.StartsWith("hub.staff", StringComparison.Ordinal)).ToList();
        stolen.ShouldNotBeEmpty("the staff session cookie");

        // Sign out with the button every staff page carries.
        var signOut = await client.SubmitAsync(await queue.ReadDocumentAsync(), "form[action='/staff/account/sign-out']");
        signOut.IsRedirect().ShouldBeTrue();
        (await client.GetAsync("/staff/triage")).PathOf().ShouldBe(SignInPath, StringCompareShould.IgnoreCase);

        // Someone who copied the cookie before sign-out replays it from another browser.
        var replayCookies = new CookieContainer();
        foreach (var cookie in stolen)
        {
            replayCookies.Add(BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        }
        var replay = await Factory.NewClient(replayCookies).GetAsync("/staff/triage");

        replay.IsRedirect().ShouldBeTrue("the old session must be dead on the server, not only deleted in the browser");
        replay.PathOf().ShouldBe(SignInPath, StringCompareShould.IgnoreCase);
    }

    [SkippableFact]
    public async Task Should_send_a_practitioner_to_set_up_an_authenticator_after_a_password_only_sign_in_outside_demo_mode()
    {
        using var live = new HubWebFactory(database.ConnectionString).With("Hub:DemoMode", "false");
        const string email = "mfa.practitioner@hub.test";
        const string password = "a long passphrase for the hub";
        using (var scope = live.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test practitioner" };
            (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Practitioner)).Succeeded.ShouldBeTrue();
        }
        var client = live.NewClient();

        var signIn = await client.SignInAsync(email, password);
        signIn.IsRedirect().ShouldBeTrue();
        var triage = await client.GetAsync("/staff/triage");

        triage.IsRedirect().ShouldBeTrue("a password alone does not open health records outside demo mode");
        triage.PathOf().ShouldBe("/staff/account/authenticator", StringCompareShould.IgnoreCase);
        var setup = await client.GetAsync("/staff/account/authenticator");
        setup.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await setup.ReadDocumentAsync()).Text("h1").ShouldBe("Set up your authenticator app");
    }

    private Task<List<string>> WaitingReferencesAsync() =>
        Factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.AwaitingTriage).Select(r => r.Reference).ToListAsync());

    public void Dispose() => _factory?.Dispose();
}
