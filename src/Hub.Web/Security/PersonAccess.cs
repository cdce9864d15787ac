using System.Security.Claims;
using Hub.Application.Common.Interfaces;
using Hub.Application.SupportPlans.MySession.CheckPersonSession;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hub.Web.Security;

/// <summary>
/// The person's own sign-in, apart from staff sign-in: a cookie that carries only the id of a
/// server-side session (no name, no plan), checked on every request, so signing out or staff
/// revoking access ends it at once.
/// </summary>
public static class PersonAccess
{
    public const string Scheme = "Person";
    public const string SessionClaim = "hub.person-session";
    public const string PersonClaim = "hub.person";

    public static void AddPersonAccess(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "hub.person";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/my/signed-out";
            o.AccessDeniedPath = "/my/signed-out";
            o.ExpireTimeSpan = Domain.SupportPlans.PersonSession.IdleLimit;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = async context =>
            {
                var id = context.Principal?.FindFirstValue(SessionClaim);
                var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
                if (!Guid.TryParse(id, out var sessionId) || !await mediator.Send(new CheckPersonSession(sessionId), context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme);
                }
            };
        });
        services.AddScoped<ICurrentPerson, CurrentPerson>();
    }

    public static ClaimsPrincipal PrincipalFor(Guid sessionId, Guid personId) =>
        new(new ClaimsIdentity([new Claim(SessionClaim, sessionId.ToString()), new Claim(PersonClaim, personId.ToString())], Scheme));
}

/// <summary>The person signed in through their link, read from the person cookie only (never from a form).</summary>
internal sealed class CurrentPerson(IHttpContextAccessor accessor) : ICurrentPerson
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? PersonId => Guid.TryParse(Principal?.FindFirstValue(PersonAccess.PersonClaim), out var id) ? id : null;

    public Guid? SessionId => Guid.TryParse(Principal?.FindFirstValue(PersonAccess.SessionClaim), out var id) ? id : null;
}
