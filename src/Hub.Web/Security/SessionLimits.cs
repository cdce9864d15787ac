using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Hub.Web.Security;

/// <summary>Staff sessions end after 30 idle minutes (the cookie's sliding expiry) and 10 hours at most (ASVS V7).</summary>
internal static class SessionLimits
{
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(10);
    private const string SessionStartKey = "hub.session-start";

    public static Task StampSessionStart(CookieSigningInContext context)
    {
        // The same clock as the check below: a session starts when the hub's clock says it does.
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        context.Properties.Items.TryAdd(SessionStartKey, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public static async Task EnforceAbsoluteTimeout(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (!context.Properties.Items.TryGetValue(SessionStartKey, out var started)
            || !DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startedAt)
            || clock.GetUtcNow() - startedAt > Absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Keeps the "signed in with MFA" claim when Identity rebuilds the principal after checking the security stamp.</summary>
    public static Task KeepAuthenticationMethod(SecurityStampRefreshingPrincipalContext context)
    {
        var amr = context.CurrentPrincipal?.FindFirst("amr");
        if (amr is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && identity.FindFirst("amr") is null)
        {
            identity.AddClaim(new Claim("amr", amr.Value));
        }
        return Task.CompletedTask;
    }
}
