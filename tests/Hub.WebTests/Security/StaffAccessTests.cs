using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
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
/// wrong passwords lock the account; signing out, or signing in again, ends the session on the
/// server; sessions end after 30 idle minutes and 10 hours at most; outside demo mode a password
/// alone is not enough (MFA), and the authenticator is turned on with a code from the key shown.
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
        var shown = page.QuerySelectorAll("table.hub-queue tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
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
    public async Task Should_issue_a_new_session_at_each_sign_in_and_end_the_one_it_replaces_on_the_server()
    {
        // An account no other test in this class signs in with: a second sign-in ends its earlier sessions.
        const string email = "connector@demo.livingwell.test";
        var cookies = new CookieContainer();
        var client = Factory.NewClient(cookies);
        (await client.GetAsync(SignInPath)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A session cookie planted in the browser before sign-in (session fixation) is never the one it gets.
        cookies.Add(BaseAddress, new Cookie("hub.staff", "planted-before-sign-in", "/"));
        var heldBefore = cookies.GetCookies(BaseAddress).Select(c => c.Value).ToList();

        (await client.SignInAsync(email, DemoPassword)).IsRedirect().ShouldBeTrue();
        var first = StaffSession(cookies);
        (await client.GetAsync("/staff/triage")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var copyOfFirst = cookies.Copy();
        (await client.SignInAsync(email, DemoPassword)).IsRedirect().ShouldBeTrue();
        var second = StaffSession(cookies);

        heldBefore.ShouldNotContain(first, "sign-in issues a session of its own, whatever the browser held");
        second.ShouldNotBe(first, "a second sign-in issues another new session");
        (await client.GetAsync("/staff/triage")).StatusCode.ShouldBe(HttpStatusCode.OK, "the new session works");
        var replay = await Factory.NewClient(copyOfFirst).GetAsync("/staff/triage");
        replay.IsRedirect().ShouldBeTrue("the session the second sign-in replaced is ended on the server, not only in the browser");
        replay.PathOf().ShouldBe(SignInPath, StringCompareShould.IgnoreCase);
    }

    [SkippableFact]
    public async Task Should_end_a_session_left_idle_for_more_than_30_minutes_but_keep_one_in_use()
    {
        var clock = new TestClock();
        using var host = new HubWebFactory(database.ConnectionString) { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var client = host.NewClient();
        (await client.SignInAsync("money@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();

        // In use every 20 minutes, the session slides on well past its first 30 minutes.
        foreach (var step in Enumerable.Range(1, 4))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/staff/triage")).StatusCode.ShouldBe(HttpStatusCode.OK, $"{step * 20} minutes after sign-in, in use");
        }
        clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await client.GetAsync("/staff/triage");

        idle.IsRedirect().ShouldBeTrue("31 idle minutes end the session");
        idle.PathOf().ShouldBe(SignInPath, StringCompareShould.IgnoreCase);
    }

    [SkippableFact]
    public async Task Should_end_a_session_in_use_after_ten_hours()
    {
        var clock = new TestClock();
        using var host = new HubWebFactory(database.ConnectionString) { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var client = host.NewClient();
        (await client.SignInAsync("teamleader@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();

        // Never idle for long: a request every 20 minutes for exactly ten hours.
        foreach (var step in Enumerable.Range(1, 30))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK, $"{step * 20} minutes after sign-in");
        }
        clock.Advance(TimeSpan.FromMinutes(20));
        var late = await client.GetAsync("/staff");

        late.IsRedirect().ShouldBeTrue("ten hours after sign-in the session ends, however busy");
        late.PathOf().ShouldBe(SignInPath, StringCompareShould.IgnoreCase);
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

    [SkippableFact]
    public async Task Should_turn_on_the_authenticator_with_a_code_from_the_key_shown_and_then_open_the_triage_queue_outside_demo_mode()
    {
        using var live = new HubWebFactory(database.ConnectionString).With("Hub:DemoMode", "false");
        const string email = "mfa.enrol@hub.test";
        const string password = "another long passphrase for the hub";
        using (var scope = live.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test practitioner" };
            (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Practitioner)).Succeeded.ShouldBeTrue();
        }
        var client = live.NewClient();
        (await client.SignInAsync(email, password)).IsRedirect().ShouldBeTrue();

        // Showing the new key must not sign the member out before they can type a code.
        var setup = await client.GetDocumentAsync("/staff/account/authenticator");
        var key = setup.Text("strong.hub-words");
        key.ShouldNotBeNullOrWhiteSpace("the page shows the key to enter in an app");
        // The form posts back to its own address, which a parsed document does not know.
        setup.QuerySelector("form:not([action])")!.SetAttribute("action", "/staff/account/authenticator");
        var turnedOn = await client.SubmitAsync(setup, "form[action='/staff/account/authenticator']",
            new Dictionary<string, string> { ["Code"] = TotpCode(key, DateTimeOffset.UtcNow) });

        turnedOn.IsRedirect().ShouldBeTrue("the code from the key shown turns the authenticator on");
        turnedOn.PathOf().ShouldBe("/staff");
        (await client.GetAsync("/staff/triage")).StatusCode.ShouldBe(HttpStatusCode.OK, "signed in with both steps, the practitioner reaches the queue");
    }

    private static string StaffSession(CookieContainer cookies) =>
        cookies.GetCookies(BaseAddress).Single(c => c.Name == "hub.staff").Value;

    /// <summary>The code an authenticator app shows for a key (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits).</summary>
    private static string TotpCode(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var key = new List<byte>();
        var (buffer, bits) = (0, 0);
        foreach (var c in base32Key.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                key.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        var step = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(step, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key.ToArray(), step);
        var offset = hash[^1] & 0x0F;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<List<string>> WaitingReferencesAsync() =>
        Factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.AwaitingTriage).Select(r => r.Reference).ToListAsync());

    public void Dispose() => _factory?.Dispose();
}
