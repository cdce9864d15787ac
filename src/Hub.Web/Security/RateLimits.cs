using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Hub.Web.Design.Documents;
using Microsoft.Extensions.Options;

namespace Hub.Web.Security;

/// <summary>
/// Per-client limits, one allowance per endpoint group (<c>Hub:RateLimits</c>): the public form, staff
/// sign-in (password, code and single sign-on), the plan link and new-link requests, and the public
/// directory. Each group is counted separately for each client address (the real one, when a known
/// proxy forwards it: see <see cref="BehindAProxy"/>), so a flood of form posts from a shared Wi-Fi
/// cannot lock staff out of signing in from it. Over the limit: 429 with Retry-After and a page that
/// still shows where to get urgent help.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddHubRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitSettings>(configuration.GetSection("Hub:RateLimits"));
        services.AddRateLimiter(_ => { });
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>>(sp => new ConfigureOptions<RateLimiterOptions>(options =>
        {
            var settings = sp.GetRequiredService<IOptions<RateLimitSettings>>().Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (GroupOf(context.Request, settings) is not { } group)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }
                var limit = settings.For(group);
                var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
                return RateLimitPartition.GetFixedWindowLimiter($"{group}|{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.Permits,
                    Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var window = GroupOf(context.HttpContext.Request, settings) is { } group ? settings.For(group).WindowSeconds : 60;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(window);
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (Api.OpenReferralUkApi.IsApi(context.HttpContext.Request.Path))
                {
                    // A program reading the API gets a problem it can parse, not a page.
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests from this address. Wait and try again.")
                        .ExecuteAsync(context.HttpContext);
                    return;
                }
                response.ContentType = "text/html; charset=utf-8";
                var services = context.HttpContext.RequestServices;
                var page = new TooManyRequestsPage(services.GetRequiredService<IOptions<HubOptions>>().Value.LocalCrisisLine, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)));
                await response.WriteAsync(await services.GetRequiredService<IRazorViewToString>().RenderAsync("/Design/Documents/TooManyRequests.cshtml", page), cancellationToken);
            };
        }));
        return services;
    }

    /// <summary>Connect and Do's public forms: limited with the front door's form (the public form group).</summary>
    public static readonly PathString[] ConnectAndDoForms = ["/connect/start", "/connect/organiser", "/connect/volunteer", "/connect/how-it-went"];

    /// <summary>"Can someone come with me?" on a group's page (<c>/connect/groups/{id}/come-with-me</c>).</summary>
    public const string ComeWithMeSegment = "/come-with-me";

    /// <summary>Which allowance a request draws on, or none. Opening a form is never limited; sending it is.</summary>
    internal static RateLimitGroup? GroupOf(HttpRequest request, RateLimitSettings settings)
    {
        var path = request.Path;
        var post = HttpMethods.IsPost(request.Method);
        // The front door's form, and Connect and Do's (start a group; an organiser's change through their link).
        if (post && (path.StartsWithSegments("/refer") || ConnectAndDoForms.Any(form => path.StartsWithSegments(form))
            || (path.StartsWithSegments("/connect/groups") && path.Value!.EndsWith(ComeWithMeSegment, StringComparison.OrdinalIgnoreCase))))
        {
            return RateLimitGroup.PublicForm;
        }
        // Single sign-on starts and returns with GETs (challenge, provider callbacks): each is a sign-in attempt.
        if ((post && path.StartsWithSegments("/staff/account")) || path.StartsWithSegments(SingleSignOn.PathPrefix))
        {
            return RateLimitGroup.StaffSignIn;
        }
        // Opening a one-time link is a guess at a secret, whatever the method.
        // A community space's link and sign-in form count with the plan links (docs/decisions/040), as does a volunteer's welcome form.
        if (path.StartsWithSegments("/my/link") || path.StartsWithSegments("/space/link")
            || (post && (path.StartsWithSegments("/my/new-link") || path.StartsWithSegments("/my/code") || path.StartsWithSegments(SpaceAccess.SignInPath) || path.StartsWithSegments("/volunteer/welcome"))))
        {
            return RateLimitGroup.PlanLink;
        }
        // The Open Referral UK API is the public directory read by machines: the same allowance.
        if (settings.PublicDirectory.Paths.Any(p => path.StartsWithSegments(p)) || Api.OpenReferralUkApi.IsApi(path))
        {
            return RateLimitGroup.PublicDirectory;
        }
        return null;
    }
}

internal enum RateLimitGroup
{
    PublicForm,
    StaffSignIn,
    PlanLink,
    PublicDirectory,
}

/// <summary>The allowance of each endpoint group, per client address (<c>Hub:RateLimits:{Group}:Permits</c> and <c>WindowSeconds</c>).</summary>
public sealed class RateLimitSettings
{
    /// <summary>Posts of the self-referral form: enough for several people sharing a connection.</summary>
    public Limit PublicForm { get; set; } = new() { Permits = 60, WindowSeconds = 300 };

    /// <summary>Password, authenticator code and single sign-on attempts; lockout per account guards each account on top.</summary>
    public Limit StaffSignIn { get; set; } = new() { Permits = 30, WindowSeconds = 300 };

    /// <summary>Opening one-time plan links, entering a printed code and asking for a new link.</summary>
    public Limit PlanLink { get; set; } = new() { Permits = 20, WindowSeconds = 300 };

    /// <summary>The public directory of support (any method), under <see cref="DirectoryLimit.Paths"/>.</summary>
    public DirectoryLimit PublicDirectory { get; set; } = new() { Permits = 300, WindowSeconds = 60 };

    internal Limit For(RateLimitGroup group) => group switch
    {
        RateLimitGroup.PublicForm => PublicForm,
        RateLimitGroup.StaffSignIn => StaffSignIn,
        RateLimitGroup.PlanLink => PlanLink,
        _ => PublicDirectory,
    };

    public class Limit
    {
        public int Permits { get; set; }

        public int WindowSeconds { get; set; }
    }

    public sealed class DirectoryLimit : Limit
    {
        public List<string> Paths { get; set; } = ["/connect"];
    }
}

/// <summary>What the "please wait" page says: the local crisis line and how many minutes to wait.</summary>
public sealed record TooManyRequestsPage(string CrisisLine, int Minutes);
