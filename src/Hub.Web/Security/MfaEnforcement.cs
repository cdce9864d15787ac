using Hub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hub.Web.Security;

/// <summary>
/// Outside demo mode, a member of staff (or a volunteer: the same rules, docs/decisions/038) signed in without an authenticator code reaches only the
/// account pages, where they set one up (ASVS V6.3.3).
/// </summary>
internal static class MfaEnforcement
{
    public const string AuthenticatorSetupPath = "/staff/account/authenticator";

    public static IApplicationBuilder UseStaffMfa(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var demo = context.RequestServices.GetRequiredService<IOptions<HubOptions>>().Value.DemoMode;
            if (!demo && context.User.Identity?.IsAuthenticated == true
                && context.User.FindFirst("amr")?.Value != "mfa"
                && (context.Request.Path.StartsWithSegments("/staff") || context.Request.Path.StartsWithSegments("/volunteer"))
                && !context.Request.Path.StartsWithSegments("/staff/account")
                && !context.Request.Path.StartsWithSegments("/volunteer/welcome"))
            {
                context.Response.Redirect(AuthenticatorSetupPath);
                return;
            }
            await next();
        });
}
