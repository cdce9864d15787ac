using System.Security.Claims;
using Hub.Application.Space;
using Hub.Application.Space.SignIn.CheckSpaceSession;
using Hub.Application.Space.Sharing;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hub.Web.Security;

/// <summary>
/// Sign-in to a community space (docs/decisions/040), apart from staff and from the person's plan: a
/// browser-session cookie carrying only the ids of a server-side session and its space, checked on every
/// request and sliding while used (30 minutes idle, 8 hours at most), so signing out ends it at once.
/// </summary>
public static class SpaceAccess
{
    public const string Scheme = "Space";
    public const string SessionClaim = "hub.space-session";
    public const string MemberClaim = "hub.space";
    public const string SignInPath = "/space/sign-in";

    public static void AddSpaceAccess(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "hub.space";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = SignInPath;
            o.ExpireTimeSpan = Domain.Space.SpaceSession.IdleLimit;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = async context =>
            {
                var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
                if (SignedInAs(context.Principal) is not { } space
                    || !await mediator.Send(new CheckSpaceSession(space.SessionId, space.MemberId), context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme);
                }
            };
        });
        services.AddScoped<ICurrentSpaceMember, CurrentSpaceMember>();
    }

    /// <summary>A browser-session cookie: closing the browser ends it (not persistent), which matters on a shared phone.</summary>
    public static Task SignInAsync(HttpContext context, Guid sessionId, Guid memberId) =>
        context.SignInAsync(Scheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionClaim, sessionId.ToString()), new Claim(MemberClaim, memberId.ToString())], Scheme)),
            new AuthenticationProperties { IsPersistent = false });

    /// <summary>The space signed in on this browser, read from its own cookie (for pages of another sign-in, such as the plan).</summary>
    public static async Task<SpaceSignedIn?> OnThisBrowserAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded ? SignedInAs(result.Principal) : null;
    }

    internal static SpaceSignedIn? SignedInAs(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var session) && Guid.TryParse(principal?.FindFirstValue(MemberClaim), out var member)
            ? new SpaceSignedIn(session, member)
            : null;
}

/// <summary>The space signed in on this request: only on pages whose policy signs in with the space cookie.</summary>
internal sealed class CurrentSpaceMember(IHttpContextAccessor accessor) : ICurrentSpaceMember
{
    private SpaceSignedIn? Signed => SpaceAccess.SignedInAs(accessor.HttpContext?.User);

    public Guid? MemberId => Signed?.MemberId;

    public Guid? SessionId => Signed?.SessionId;
}
