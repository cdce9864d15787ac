namespace Hub.Web.Security;

/// <summary>
/// Headers on every response: a CSP without inline script or style (inline style only on the jobs dashboard), no framing, no sniffing, no
/// referrer, and no caching of pages (any page may carry someone's personal data). The Open Referral UK
/// API's answers, public data only, keep the caching they set.
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The same policy for Hangfire's dashboard alone, with inline style allowed: its pages carry style
    /// attributes and its charts insert a style element. Scripts stay 'self' only (ADR 021).
    /// </summary>
    private static readonly string DashboardContentSecurityPolicy = ContentSecurityPolicy.Replace(
        "style-src 'self';", "style-src 'self' 'unsafe-inline';", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // Signing in and out with a single sign-on provider is a form post the hub answers with a
        // redirect to the provider, which browsers check against form-action too.
        var providers = app.ApplicationServices.GetRequiredService<SingleSignOnSettings>().Providers
            .Select(p => new Uri(p.Authority).GetLeftPart(UriPartial.Authority)).Distinct().ToList();
        var formAction = "form-action 'self';";
        var withProviders = providers.Count == 0 ? formAction : $"form-action 'self' {string.Join(' ', providers)};";
        var pagePolicy = ContentSecurityPolicy.Replace(formAction, withProviders, StringComparison.Ordinal);
        var dashboardPolicy = DashboardContentSecurityPolicy.Replace(formAction, withProviders, StringComparison.Ordinal);
        return app.Use(async (context, next) =>
        {
            // Read now: the dashboard moves its prefix into PathBase while it answers.
            var dashboard = JobsDashboard.IsDashboard(context.Request.Path);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = dashboard ? dashboardPolicy : pagePolicy;
                headers.Remove("Server");
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // The Open Referral UK API's answers say how long they keep (public data); its errors still get no-store,
                // and so does any answer that sets a cookie (a signed-in member's session renewed), which no cache may share.
                var keepsItsOwn = Api.OpenReferralUkApi.IsApi(context.Request.Path) && headers.CacheControl.Count > 0 && headers.SetCookie.Count == 0;
                if (!IsStaticAsset(context.Request.Path) && !keepsItsOwn)
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            await next();
        });
    }

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/nhsuk") || path.StartsWithSegments("/assets") || path.StartsWithSegments("/js") || path.StartsWithSegments("/css");
}
