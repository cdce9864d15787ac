using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Hub.Web.Design.Documents;
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
                var services = context.HttpContext.RequestServices;
                var page = new TooManyRequestsPage(services.GetRequiredService<IOptions<HubOptions>>().Value.LocalCrisisLine, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)));
                await response.WriteAsync(await services.GetRequiredService<IRazorViewToString>().RenderAsync("/Design/Documents/TooManyRequests.cshtml", page), cancellationToken);
            };
        }));
        return services;
    }

    private static bool IsLimitedPath(PathString path) =>
        path.StartsWithSegments("/refer") || path.StartsWithSegments("/staff/account") || path.StartsWithSegments("/my/link") || path.StartsWithSegments("/my/new-link") || path.StartsWithSegments("/my/code");
}

/// <summary>What the "please wait" page says: the local crisis line and how many minutes to wait.</summary>
public sealed record TooManyRequestsPage(string CrisisLine, int Minutes);
