namespace Hub.Web.Security;

/// <summary>
/// An address the hub has no page or endpoint for answers 404 before authorisation runs (after authentication, which answers the single sign-on callbacks). Without
/// this the fallback policy (every endpoint needs a signed-in user unless it says otherwise) also
/// covers requests that match nothing, so a person who mistypes a Connect and Do address, or follows
/// an old link, is sent to the staff sign-in page instead of being told the page is not there, with
/// the urgent-help link beside it. The page is the status code page; under the Open Referral UK API
/// a finder gets the standard problem JSON instead.
/// </summary>
public static class UnknownAddresses
{
    private const string ApiPrefix = "/api";

    /// <summary>
    /// After authentication and before authorisation. Not before authentication: the single sign-on
    /// handler answers its own callback addresses there, and they are no endpoint.
    /// </summary>
    public static IApplicationBuilder UseNotFoundForUnknownAddresses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not null)
            {
                await next(context);
                return;
            }
            if (context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is nothing at this address.").ExecuteAsync(context);
                return;
            }
            // An empty 404: the status code pages re-execute /error/404, which anyone may open.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
}
