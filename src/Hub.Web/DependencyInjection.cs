using Hub.Web.Api;
using Hub.Application.Common.Interfaces;
using Hub.Infrastructure;
using Hub.Infrastructure.Identity;
using Hub.Web.Design;
using Hub.Web.Design.Documents;
using Hub.Web.Operations;
using Hub.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Hub.Web;

public static class DependencyInjection
{
    /// <summary>The web host: Razor Pages with deny-by-default authorisation, staff Identity, rate limits.</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HubOptions>(configuration.GetSection("Hub"));
        services.AddHttpContextAccessor();
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<Pages.Refer.SelfReferralJourneyStore>();
        services.AddDocuments();
        services.AddOpenReferralUkApi();

        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToFolder("/Refer");
            options.Conventions.AllowAnonymousToFolder("/Help");
            options.Conventions.AllowAnonymousToFolder("/Connect");
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Staff/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Staff/Account/TwoFactor");
            options.Conventions.AllowAnonymousToPage("/Staff/Account/SignOut");
            options.Conventions.AllowAnonymousToPage("/Staff/Account/AccessDenied");
            options.Conventions.AllowAnonymousToPage("/Staff/Account/SingleSignOnReturn");
            options.Conventions.AllowAnonymousToPage("/Staff/Account/NotInvited");
            options.Conventions.AllowAnonymousToPage("/Staff/Account/Welcome");
            // Staff pages need a staff role; the account pages (the authenticator app) are for everyone who
            // signs in with a hub account, volunteers and coordinators included (docs/decisions/038).
            options.Conventions.AddFolderApplicationModelConvention("/Staff", model => model.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(
                model.ViewEnginePath.StartsWith("/Staff/Account/", StringComparison.Ordinal) ? Policies.Account : Policies.Staff)));
            options.Conventions.AuthorizeFolder("/Staff/Triage", Policies.Triage);
            options.Conventions.AuthorizeFolder("/Staff/Conversations", Policies.Triage);
            options.Conventions.AuthorizeFolder("/Staff/Waiting", Policies.TeamLeader);
            options.Conventions.AuthorizeFolder("/Staff/Care", Policies.Triage);
            options.Conventions.AuthorizeFolder("/Staff/Offers", Policies.Offers);
            options.Conventions.AuthorizeFolder("/Staff/Connect", Policies.Moderation);
            options.Conventions.AuthorizeFolder("/Staff/Caseloads", Policies.TeamLeader);
            options.Conventions.AuthorizeFolder("/Staff/Dashboard", Policies.TeamLeader);
            options.Conventions.AuthorizeFolder("/Staff/Directory", Policies.Admin);
            options.Conventions.AuthorizeFolder("/Staff/Reports", Policies.Reports);
            options.Conventions.AuthorizeFolder("/Staff/PersonalData", Policies.TeamLeader);
            options.Conventions.AuthorizeFolder("/Staff/SubjectAccess", Policies.TeamLeader);
            options.Conventions.AuthorizeFolder("/Coordinate", Policies.VolunteerCoordination);
            options.Conventions.AuthorizeFolder("/Supporter", Policies.Volunteer);
            options.Conventions.AllowAnonymousToPage("/Supporter/Welcome");
            options.Conventions.AuthorizeFolder("/My", Policies.Person);
            options.Conventions.AllowAnonymousToPage("/My/Link");
            options.Conventions.AllowAnonymousToPage("/My/SignedOut");
            options.Conventions.AllowAnonymousToPage("/My/NewLink");
            options.Conventions.AuthorizeFolder("/Space", Policies.Space);
            options.Conventions.AllowAnonymousToPage("/Space/SignIn");
            options.Conventions.AllowAnonymousToPage("/Space/Link");
            options.Conventions.AllowAnonymousToPage("/Space/SignedOut");
            // The benchmark's fair yardstick has no route unless the benchmark is switched on (Benchmark/BareInsertEndpoint.cs).
            var benchmark = configuration.GetValue<bool>(Benchmark.BareInsertEndpoint.Setting);
            options.Conventions.AllowAnonymousToFolder("/Benchmark");
            options.Conventions.AddFolderRouteModelConvention("/Benchmark", model =>
            {
                if (!benchmark)
                {
                    model.Selectors.Clear();
                }
            });
            options.Conventions.AllowAnonymousToPage("/My/Code");
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<ApplicationExceptionFilter>();
            o.Filters.Add<Validation.ValidationFailurePageFilter>();
            RouteValuesOnlyFromRoute.AddTo(o); // a record id in the address cannot be replaced by a posted field
        });
        services.AddAuthorization(Policies.Add);
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CommunityConnectorHandler>();
        services.AddScoped<ModerationMenu>();
        // A page refused by its policy to someone signed in is audited like a refused record.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedRefusals>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "hub.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddIdentity<StaffUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddHubIdentityStores()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<StaffClaims>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "hub.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/staff/account/sign-in";
            o.LogoutPath = "/staff/account/sign-out";
            o.AccessDeniedPath = "/staff/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = async context =>
            {
                await SessionLimits.StampSessionStart(context);
                await SingleSignOn.KeepProviderSession(context);
            };
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                await SessionLimits.EnforceAbsoluteTimeout(context);
                if (context.Principal is not null)
                {
                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                }
            };
        });
        // Signing out anywhere (which changes the security stamp) ends every other session at its next request.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = SessionLimits.KeepAuthenticationMethod;
        });
        services.ConfigureExternalCookie(o => o.Cookie.Name = "hub.external");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "hub.2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddPersonAccess();
        services.AddSpaceAccess();
        services.AddHubRateLimits(configuration);
        services.AddHubProxySupport(configuration);
        services.AddHubSingleSignOn(configuration);
        services.AddHubHealth(configuration);
        services.AddHubTelemetry(configuration);
        services.RemoveServerHeader();

        // Compress the NHS.UK stylesheet and scripts for slow phone connections. Pages are left
        // uncompressed on purpose: they carry antiforgery tokens, which compression could leak (BREACH).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        return services;
    }
}
