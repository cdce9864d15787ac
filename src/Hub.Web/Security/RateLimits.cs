using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hub.Web.Security;

/// <summary>
/// Per-client limits on form posts to the public front door and the staff sign-in. A client over
/// the limit gets 429 with Retry-After and a page that still shows where to get urgent help.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddHubRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>>(sp => new ConfigureOptions<RateLimiterOptions>(options =>
        {
            var settings = sp.GetRequiredService<IOptions<HubOptions>>().Value.PublicFormRateLimit;
            var window = TimeSpan.FromSeconds(settings.WindowSeconds);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !IsLimitedPath(context.Request.Path))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }
                var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
                return RateLimitPartition.GetFixedWindowLimiter(client.ToString(), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.Permits,
                    Window = window,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/html; charset=utf-8";
                var hub = context.HttpContext.RequestServices.GetRequiredService<IOptions<HubOptions>>().Value;
                await response.WriteAsync(TooManyRequestsPage(hub, retryAfter), cancellationToken);
            };
        }));
        return services;
    }

    private static bool IsLimitedPath(PathString path) =>
        path.StartsWithSegments("/refer") || path.StartsWithSegments("/staff/account") || path.StartsWithSegments("/my/link") || path.StartsWithSegments("/my/new-link");

    private static string TooManyRequestsPage(HubOptions hub, TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        var crisis = WebUtility.HtmlEncode(hub.LocalCrisisLine);
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Please wait a moment - Living Well Hub</title><link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css"></head>
            <body><div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent">
            <h1>Please wait a moment</h1>
            <p>We have had a lot of requests from your connection. Please try again in {{minutes}} minute{{(minutes == 1 ? "" : "s")}}. Nothing you typed has been lost if you go back.</p>
            <div class="nhsuk-card nhsuk-card--care nhsuk-card--care--urgent"><div class="nhsuk-card--care__heading-container">
            <h2 class="nhsuk-card--care__heading"><span role="text"><span class="nhsuk-u-visually-hidden">Urgent advice: </span>If you need help now</span></h2></div>
            <div class="nhsuk-card__content"><p>Call 999 if your life or someone else's is at risk. Call NHS 111 and choose option 2 for mental health help, any time.
            Call Samaritans free on 116 123. Call {{crisis}}, day or night.</p></div></div>
            </main></div></body></html>
            """;
    }
}
