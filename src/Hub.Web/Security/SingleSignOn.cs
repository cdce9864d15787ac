using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Hub.Web.Security;

/// <summary>
/// Staff single sign-on through OpenID Connect (docs/decisions/025): one or more providers under
/// <c>Hub:SingleSignOn:Providers</c> (NHSmail / Microsoft Entra ID, CIS2, a partner's Microsoft 365).
/// The authorisation code flow with PKCE; the handler checks the issuer, the audience (our client id),
/// the signature, the nonce and the state. A sign-in only reaches a staff account an administrator
/// already made (<c>Pages/Staff/Account/SingleSignOnReturn</c>); local accounts stay.
/// </summary>
internal static partial class SingleSignOn
{
    /// <summary>Where every single sign-on request goes: the start, each provider's callbacks.</summary>
    public const string PathPrefix = "/staff/account/sso";

    /// <summary>Where a provider's sign-in lands once the handler has checked it.</summary>
    public const string ReturnPath = PathPrefix + "/return";

    private const string SchemePrefix = "sso-";

    /// <summary>Set on the staff session's properties: which provider it came from, for signing out there too.</summary>
    public const string ProviderItem = "hub.sso";

    public static string SchemeOf(string providerName) => SchemePrefix + providerName;

    public static IServiceCollection AddHubSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Hub:SingleSignOn").Get<SingleSignOnSettings>() ?? new SingleSignOnSettings();
        services.AddSingleton(settings);
        services.AddScoped<Hub.Infrastructure.Identity.InvitedStaffAccounts>();
        var authentication = services.AddAuthentication();
        foreach (var provider in settings.Providers)
        {
            provider.Check();
            authentication.AddOpenIdConnect(SchemeOf(provider.Name), provider.DisplayName, o => Configure(o, provider));
        }
        return services;
    }

    private static void Configure(OpenIdConnectOptions o, SingleSignOnProvider provider)
    {
        o.Authority = provider.Authority;
        o.ClientId = provider.ClientId;
        o.ClientSecret = provider.ClientSecret;
        o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in a top-level GET redirect, so the correlation and nonce cookies can be
        // SameSite=Lax (form_post would need SameSite=None).
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.Scope.Clear();
        foreach (var scope in provider.Scopes)
        {
            o.Scope.Add(scope);
        }
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.SignOutScheme = IdentityConstants.ApplicationScheme;
        o.SaveTokens = true; // the id token, kept for signing out at the provider (its id_token_hint)
        o.GetClaimsFromUserInfoEndpoint = false;
        o.MapInboundClaims = false; // keep "sub", "email", "amr", "acr" as the provider named them
        o.CallbackPath = $"{PathPrefix}/{provider.Name}/callback";
        o.SignedOutCallbackPath = $"{PathPrefix}/{provider.Name}/signed-out";
        o.RemoteSignOutPath = $"{PathPrefix}/{provider.Name}/front-channel-sign-out";
        o.SignedOutRedirectUri = "/staff/account/sign-out";
        o.AccessDeniedPath = "/staff/account/sign-in";
        o.RemoteAuthenticationTimeout = TimeSpan.FromMinutes(10);
        o.CorrelationCookie.Name = "hub.sso-correlation.";
        o.NonceCookie.Name = "hub.sso-nonce.";
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.HttpOnly = true;
        }

        // Defaults already, stated so a change to them is a visible decision: the token must come from
        // the configured issuer, for this client, signed by a key the provider publishes, in date, and
        // carry the nonce this browser was given.
        o.TokenValidationParameters.ValidateIssuer = true;
        o.TokenValidationParameters.ValidateAudience = true;
        o.TokenValidationParameters.ValidAudience = provider.ClientId;
        o.TokenValidationParameters.ValidateLifetime = true;
        o.TokenValidationParameters.ValidateIssuerSigningKey = true;
        o.TokenValidationParameters.NameClaimType = "name";
        o.ProtocolValidator.RequireNonce = true;
        o.ProtocolValidator.RequireState = true;

        o.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            // The page reads the id token from the session before ending it and passes it here.
            if (context.Properties.Parameters.TryGetValue(OpenIdConnectParameterNames.IdTokenHint, out var hint) && hint is string idToken)
            {
                context.ProtocolMessage.IdTokenHint = idToken;
            }
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = context =>
        {
            // A refused or broken sign-in at the provider (or a replayed callback): back to the sign-in page, which says so.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                .LogWarning("Single sign-on with {Provider} failed: {Failure}", provider.Name, context.Failure?.GetType().Name);
            context.Response.Redirect("/staff/account/sign-in?sso=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// Whether the provider says the member used more than one factor: an <c>amr</c> value or the
    /// <c>acr</c> the provider is configured to trust. Otherwise the hub asks for its own code.
    /// </summary>
    public static bool AssertsMultiFactor(ClaimsPrincipal external, SingleSignOnProvider provider) =>
        external.FindAll("amr").Any(c => provider.MfaAmrValues.Contains(c.Value, StringComparer.Ordinal))
        || (external.FindFirst("acr")?.Value is { } acr && provider.MfaAcrValues.Contains(acr, StringComparer.Ordinal));

    /// <summary>
    /// Called as the staff cookie is issued: a session that came through a provider keeps which one
    /// and the provider's id token, so signing out can end the provider's session too. The external
    /// sign-in is still readable in this request (Identity removes it in the same response).
    /// </summary>
    public static async Task KeepProviderSession(CookieSigningInContext context)
    {
        var method = context.Principal?.FindFirst(ClaimTypes.AuthenticationMethod)?.Value;
        if (method is null || !method.StartsWith(SchemePrefix, StringComparison.Ordinal))
        {
            return;
        }
        var external = await context.HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        context.Properties.Items[ProviderItem] = method;
        if (external.Properties?.GetTokenValue(OpenIdConnectParameterNames.IdToken) is { } idToken)
        {
            context.Properties.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        }
    }
}

/// <summary>Settings under <c>Hub:SingleSignOn</c>.</summary>
public sealed class SingleSignOnSettings
{
    public List<SingleSignOnProvider> Providers { get; set; } = [];

    public SingleSignOnProvider? Find(string? scheme) =>
        Providers.FirstOrDefault(p => SingleSignOn.SchemeOf(p.Name) == scheme);
}

/// <summary>One OpenID Connect provider staff may sign in with.</summary>
public sealed partial class SingleSignOnProvider
{
    /// <summary>Short name in addresses: lower-case letters, digits and hyphens ("nhsmail").</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>What the sign-in button says after "Sign in with" ("NHSmail").</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The issuer; its discovery document is read from here.</summary>
    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }

    public List<string> Scopes { get; set; } = ["openid", "profile", "email"];

    /// <summary>Only for a provider on loopback in tests: production metadata is always fetched over https.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Link a first sign-in to the invited account with the same email address, when the provider says
    /// the address is verified (<c>email_verified</c>), or always when <see cref="EmailsAreVerified"/>.
    /// After that the link is by the provider's subject. Off: accounts are matched by subject only.
    /// </summary>
    public bool MatchByEmail { get; set; } = true;

    /// <summary>For a provider that does not send <c>email_verified</c> but whose addresses its organisation issues (an NHSmail or Entra ID tenant).</summary>
    public bool EmailsAreVerified { get; set; }

    /// <summary><c>amr</c> values that mean more than one factor was used (RFC 8176).</summary>
    public List<string> MfaAmrValues { get; set; } = ["mfa", "otp", "hwk", "swk", "sc", "fido"];

    /// <summary><c>acr</c> values the provider uses for a multi-factor sign-in (for example CIS2's "AAL3_ANY").</summary>
    public List<string> MfaAcrValues { get; set; } = [];

    internal void Check()
    {
        if (!NamePattern().IsMatch(Name) || string.IsNullOrWhiteSpace(Authority) || string.IsNullOrWhiteSpace(ClientId))
        {
            throw new InvalidOperationException(
                "Each Hub:SingleSignOn:Providers entry needs a Name (lower-case letters, digits, hyphens), an Authority and a ClientId.");
        }
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            DisplayName = Name;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,30}$")]
    private static partial Regex NamePattern();
}
