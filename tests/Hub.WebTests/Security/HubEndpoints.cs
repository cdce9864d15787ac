using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.WebTests.Security;

/// <summary>
/// Every request the running hub answers, read from its endpoint data source and, for each page,
/// its compiled handler methods: so a new page, or a new handler on an old page, cannot be missed.
/// </summary>
internal static class HubEndpoints
{
    /// <summary>
    /// One handler of one page: <c>GET /staff/triage</c>, <c>POST /staff/care/{id:guid}/plan?handler=link</c>.
    /// A page without handler methods answers GET by rendering itself.
    /// </summary>
    public sealed record Handler(string Method, string Route, string? Name)
    {
        public string Key => $"{Method} {Route}{(Name is null ? string.Empty : "?handler=" + Name)}";

        /// <summary>The key of a request as a table writes it: method, route template and, if named, the handler (other query values are only sent).</summary>
        public static string KeyOf(string method, string address)
        {
            var (path, query) = SplitQuery(address);
            var handler = query?.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == "handler")?[1];
            return new Handler(method, path.ToLowerInvariant(), handler?.ToLowerInvariant()).Key;
        }
    }

    /// <summary>A route template's path and query: the query starts at the first '?' outside a route value ("{id:guid?}" is optional, not a query).</summary>
    public static (string Path, string? Query) SplitQuery(string address)
    {
        var depth = 0;
        for (var i = 0; i < address.Length; i++)
        {
            depth += address[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (address[i] == '?' && depth == 0)
            {
                return (address[..i], address[(i + 1)..]);
            }
        }
        return (address, null);
    }

    public static async Task<IReadOnlyList<Handler>> DiscoverAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<Handler>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/').ToLowerInvariant();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                // Not a Razor page: every method it accepts must be in the table too.
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
                found.AddRange(methods.Select(m => new Handler(m.ToUpperInvariant(), route, null)));
                continue;
            }
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            found.AddRange(compiled.HandlerMethods.Count == 0
                ? [new Handler("GET", route, null)]
                : compiled.HandlerMethods.Select(h => new Handler(h.HttpMethod.ToUpperInvariant(), route, h.Name?.ToLowerInvariant())));
        }
        return found.DistinctBy(h => h.Key).OrderBy(h => h.Route, StringComparer.Ordinal).ThenBy(h => h.Method, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal).ToList();
    }
}
