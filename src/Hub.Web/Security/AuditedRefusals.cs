using Hub.Application.Audit.RecordPageRefusal;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Hub.Web.Security;

/// <summary>
/// Audits a page that its policy refuses to someone signed in (ASVS V16; DSPT: every access
/// attributable), then answers as the hub always does (the access-denied page). Record-level
/// refusals are audited by the use cases; this covers the pages a role may not open at all. An
/// anonymous visitor sent to sign in is not audited: there is no one to attribute it to.
/// </summary>
internal sealed class AuditedRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var mediator = context.RequestServices.GetRequiredService<IMediator>();
            await mediator.Send(new RecordPageRefusal(ScreenOf(context)), context.RequestAborted);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The method and route template ("GET /staff/triage/referrals/{id:guid}"): never the address itself, whose ids and query say more than the audit needs.</summary>
    private static string ScreenOf(HttpContext context)
    {
        var template = context.GetEndpoint() is RouteEndpoint route ? "/" + (route.RoutePattern.RawText ?? string.Empty).TrimStart('/') : "(no page)";
        return $"{context.Request.Method} {template}";
    }
}
