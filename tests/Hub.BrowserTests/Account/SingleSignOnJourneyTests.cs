using Hub.Application.Common;
using Hub.Infrastructure.Identity;
using Hub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.BrowserTests.Account;

/// <summary>
/// The hub (not in demo mode: MFA required) with one single sign-on provider, a real OpenID Connect
/// server on loopback (OpenIddict), registered there as a confidential client with PKCE.
/// </summary>
public sealed class SingleSignOnFixture : BrowserFixture
{
    public const string ProviderName = "Borough NHS login";
    private const string ClientId = "living-well-hub";
    private const string ClientSecret = "a-test-secret-for-the-loopback-provider";

    public OidcProvider Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        await base.InitializeAsync();
        try
        {
            await Provider.RegisterClientAsync(ClientId, ClientSecret,
                new Uri(BaseAddress, "/staff/account/sso/borough/callback"), new Uri(BaseAddress, "/staff/account/sso/borough/signed-out"));
        }
        catch (SkipException)
        {
            // No PostgreSQL or Chromium here: each test skips (or fails under CI) when it asks for the hub.
        }
    }

    protected override void Configure(HubWebFactory factory) => factory
        .With("Hub:DemoMode", "false")
        .With("Hub:SingleSignOn:Providers:0:Name", "borough")
        .With("Hub:SingleSignOn:Providers:0:DisplayName", ProviderName)
        .With("Hub:SingleSignOn:Providers:0:Authority", Provider.Issuer.ToString())
        .With("Hub:SingleSignOn:Providers:0:ClientId", ClientId)
        .With("Hub:SingleSignOn:Providers:0:ClientSecret", ClientSecret)
        .With("Hub:SingleSignOn:Providers:0:RequireHttpsMetadata", "false");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }

    /// <summary>An account an administrator made for a practitioner: no password, optionally an authenticator app already set up (its key returned).</summary>
    public async Task<(Guid Id, string? AuthenticatorKey)> InviteAsync(string email, string name, bool withAuthenticator = false)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var member = new StaffUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
        (await users.CreateAsync(member)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(member, Roles.Practitioner)).Succeeded.ShouldBeTrue();
        if (!withAuthenticator)
        {
            return (member.Id, null);
        }
        await users.ResetAuthenticatorKeyAsync(member);
        await users.SetTwoFactorEnabledAsync(member, true);
        return (member.Id, await users.GetAuthenticatorKeyAsync(member));
    }

    public async Task<IList<UserLoginInfo>> LoginsOfAsync(Guid id)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.GetLoginsAsync((await users.FindByIdAsync(id.ToString()))!);
    }
}

/// <summary>
/// Staff sign in with their organisation's account through a real OpenID Connect provider: an invited
/// member lands on their home page and signs out of both; an identity nobody invited is refused with
/// a page that says why; a provider that does not vouch for a second factor leads to the hub's own code.
/// </summary>
public sealed class SingleSignOnJourneyTests(SingleSignOnFixture hub, ITestOutputHelper output) : IClassFixture<SingleSignOnFixture>
{
    [SkippableFact]
    public async Task Should_sign_an_invited_member_in_through_the_provider_to_their_home_page_and_sign_out_of_both()
    {
        await using var axe = new AxeAudit(hub, output);
        var (id, _) = await hub.InviteAsync("sam.okafor@borough.nhs.test", "Sam Okafor");
        hub.Provider.Next = new ProviderIdentity("entra-subject-sam", "sam.okafor@borough.nhs.test", "Sam Okafor", EmailVerified: true, "pwd", "mfa");
        await using var context = await hub.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/staff/account/sign-in");
        await axe.ScanAsync(page, "sign in with single sign-on offered");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {SingleSignOnFixture.ProviderName}" }).ClickAsync();

        await page.ShouldBeOnAsync("/staff");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Staff home");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Sam Okafor");
        await axe.ScanAsync(page, "staff home after single sign-on");
        (await hub.LoginsOfAsync(id)).ShouldHaveSingleItem().ProviderKey.ShouldBe("entra-subject-sam", "the first sign-in linked the provider's subject");
        await Screenshot(page, "sso-staff-home");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.ShouldBeOnAsync("/staff/account/sign-out");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("You have signed out");
        hub.Provider.EndedSessions.ShouldContain("entra-subject-sam", "the provider was asked to end its session, with the member's id token as the hint");
        await page.GotoAsync("/staff");
        await page.ShouldBeOnAsync("/staff/account/sign-in");

        // Signing in again finds the member by subject, whatever email the provider now gives.
        hub.Provider.Next = hub.Provider.Next with { Email = "s.okafor@borough.nhs.test" };
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {SingleSignOnFixture.ProviderName}" }).ClickAsync();
        await page.ShouldBeOnAsync("/staff");
        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_refuse_an_identity_nobody_invited_with_a_page_that_says_why()
    {
        await using var axe = new AxeAudit(hub, output);
        await hub.InviteAsync("jo.bell@borough.nhs.test", "Jo Bell");
        await using var context = await hub.NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var stranger in new[]
        {
            new ProviderIdentity("entra-subject-stranger", "someone.else@borough.nhs.test", "Someone Else", EmailVerified: true, "mfa"),
            // An invited address the provider does not vouch for is no better.
            new ProviderIdentity("entra-subject-unverified", "jo.bell@borough.nhs.test", "Jo Bell", EmailVerified: false, "mfa"),
        })
        {
            hub.Provider.Next = stranger;
            await page.GotoAsync("/staff/account/sign-in");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {SingleSignOnFixture.ProviderName}" }).ClickAsync();

            await page.ShouldBeOnAsync("/staff/account/sso/not-invited");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Your account is not set up for Living Well Hub");
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Ask your team leader or the hub administrator to invite you");
            await page.GotoAsync("/staff");
            await page.ShouldBeOnAsync("/staff/account/sign-in");
        }
        await page.GotoAsync("/staff/account/sso/not-invited?provider=borough");
        await axe.ScanAsync(page, "single sign-on refused");
        await Screenshot(page, "sso-not-invited");
        axe.ShouldHaveFoundNoViolations();
    }

    [SkippableFact]
    public async Task Should_ask_for_the_authenticator_code_when_the_provider_does_not_vouch_for_a_second_factor()
    {
        await using var axe = new AxeAudit(hub, output);
        var (_, key) = await hub.InviteAsync("kai.ahmed@borough.nhs.test", "Kai Ahmed", withAuthenticator: true);
        hub.Provider.Next = new ProviderIdentity("entra-subject-kai", "kai.ahmed@borough.nhs.test", "Kai Ahmed", EmailVerified: true, "pwd");
        await using var context = await hub.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/staff/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {SingleSignOnFixture.ProviderName}" }).ClickAsync();

        await page.ShouldBeOnAsync("/staff/account/two-factor");
        await axe.ScanAsync(page, "authenticator code after single sign-on");
        await page.GotoAsync("/staff/triage");
        await page.ShouldBeOnAsync("/staff/account/sign-in"); // not signed in until the code is given
        await page.GoBackAsync();
        await page.ShouldBeOnAsync("/staff/account/two-factor");
        await page.GetByLabel("Enter the code from your authenticator app").FillAsync(Totp.Code(key!, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.ShouldBeOnAsync("/staff");
        await page.GotoAsync("/staff/triage");
        await page.ShouldBeOnAsync("/staff/triage"); // both factors given: MFA is satisfied
        axe.ShouldHaveFoundNoViolations();
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true });
}
