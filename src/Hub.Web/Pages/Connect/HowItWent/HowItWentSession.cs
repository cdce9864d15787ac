using Microsoft.AspNetCore.DataProtection;

namespace Hub.Web.Pages.Connect.HowItWent;

/// <summary>
/// After the person opens their "how did it go" link, the page keeps the link's id (never the token) in a short
/// protected cookie and moves to an address with no token in it, as the plan link does. The cookie
/// is encrypted and signed with the hub's data protection keys and lasts an hour; the link itself is
/// spent only when the person sends what they say (as the organiser's link, OrganiserSession).
/// </summary>
public static class HowItWentSession
{
    public const string CookieName = "Hub.HowItWent";
    private const string Purpose = "Hub.Connect.HowItWentLink";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static void Start(HttpContext http, Guid linkId)
    {
        var protector = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
        http.Response.Cookies.Append(CookieName, protector.Protect(linkId.ToString("N"), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/connect/how-it-went",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    public static Guid? LinkOf(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || value.Length > 1000)
        {
            return null;
        }
        try
        {
            var protector = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
            return Guid.TryParseExact(protector.Unprotect(value), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // forged, from another purpose, or expired
        }
    }

    public static void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/connect/how-it-went" });
}
