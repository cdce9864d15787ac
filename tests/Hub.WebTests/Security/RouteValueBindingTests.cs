using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hub.WebTests.Security;

/// <summary>
/// A record id in a page's address cannot be replaced by a posted field or a query value: for every
/// page handler whose route names a value (found from the endpoint data source, as the matrix finds
/// them), sent as a role the matrix lets through, with a different value of the same name in the
/// form and the query, what the handler receives is the address's value. <see cref="BindingProbe"/>
/// answers in the handler's place once binding is done, so nothing is changed on either record.
/// </summary>
[Collection(AccessWorldCollection.Name)]
public sealed class RouteValueBindingTests(AccessWorld world, ITestOutputHelper output)
{
    private static readonly Role[] Preference = [Role.TeamLeader, Role.Practitioner, Role.Admin, Role.Commissioner, Role.Person, Role.Anonymous, Role.Volunteer, Role.Coordinator];

    [SkippableFact]
    public async Task Should_bind_every_route_value_from_the_address_whatever_the_form_and_query_say()
    {
        await world.BuildAsync();
        var table = MatrixRow.Read().ToDictionary(r => r.Key);
        var problems = new List<string>();
        var (probed, bound) = (0, 0);
        var pages = world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/').ToLowerInvariant())
            .ToHashSet();

        foreach (var handler in (await HubEndpoints.DiscoverAsync(world.Factory.Services)).Where(h => h.Route.Contains('{') && h.Method is "GET" or "POST"))
        {
            var row = table[handler.Key];
            if (row.Template.Contains("{**", StringComparison.Ordinal))
            {
                continue; // the jobs dashboard: Hangfire's own pages, not bound by MVC
            }
            var roles = Preference.Where(r => row.Expected(r, Whose.Own) is "200" or "pass" or "404").ToList();
            if (roles.Count == 0 && row.Template.StartsWith("/space/", StringComparison.Ordinal))
            {
                continue; // reached only with a community space's own cookie, which no role here holds: OutingsInSpaceWebTests probes its binding
            }
            if (roles.Count == 0)
            {
                problems.Add($"{handler.Key}: no role reaches it, so its binding cannot be probed");
                continue;
            }
            var address = row.AddressFor(world, Whose.Own);
            var names = HubEndpoints.SplitQuery(row.Template).Path.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':', '?', '=')[0]).ToList();
            var others = names.ToDictionary(n => n, n => n switch
            {
                "id" => (row.Record is "referral" or "conversation" ? (row.Record == "referral" ? world.Referrals.Other : world.Conversations.Other) : Guid.NewGuid()).ToString(),
                "number" => "2",
                _ => "another-" + n,
            });
            var query = string.Join('&', others.Select(o => $"{o.Key}={Uri.EscapeDataString(o.Value)}"));
            var url = address + (address.Contains('?') ? "&" : "?") + query;
            if (!pages.Contains(handler.Route))
            {
                // Not a page (the Open Referral UK API's minimal endpoints): the probe's filter cannot sit in
                // them, so the answer itself must not change when the query names another id.
                probed++;
                var role = roles[0];
                using var plain = await world.Client(role).GetAsync(address);
                using var crossed = await world.Client(role).GetAsync(url);
                var (plainBody, crossedBody) = (await plain.Content.ReadAsStringAsync(), await crossed.Content.ReadAsStringAsync());
                if (plain.StatusCode != HttpStatusCode.OK || crossed.StatusCode != plain.StatusCode || crossedBody != plainBody)
                {
                    problems.Add($"{handler.Key} as {role}: {(int)plain.StatusCode} for the address, {(int)crossed.StatusCode} with another id in the query; the answer must be the address's");
                }
                else
                {
                    bound++;
                }
                continue;
            }
            // The first role whose request reaches the handler (a staff token does not pass antiforgery on the person's pages).
            (Role Role, HttpResponseMessage Response)? answered = null;
            foreach (var role in roles)
            {
                using var request = new HttpRequestMessage(new HttpMethod(handler.Method), url);
                request.Headers.Add(BindingProbe.Header, "1");
                if (handler.Method == "POST")
                {
                    request.Content = new FormUrlEncodedContent(others.Append(new("__RequestVerificationToken", world.Token(role))));
                }
                var response = await world.Client(role).SendAsync(request);
                if (response.Headers.TryGetValues(BindingProbe.Header, out var by) && by.Single() == handler.Route)
                {
                    answered = (role, response);
                    break;
                }
                response.Dispose();
            }
            if (answered is not { } found)
            {
                problems.Add($"{handler.Key}: the probe did not answer as any of {string.Join(", ", roles)}");
                continue;
            }
            using var _ = found.Response;
            var (role2, response2) = found;
            probed++;
            var received = JsonSerializer.Deserialize<Dictionary<string, string?>>(await response2.Content.ReadAsStringAsync())!;
            foreach (var (name, value) in received.Where(r => r.Value is not null))
            {
                bound++;
                if (string.Equals(value, others.First(o => string.Equals(o.Key, name, StringComparison.OrdinalIgnoreCase)).Value, StringComparison.OrdinalIgnoreCase) || !address.Contains(value!, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{handler.Key} as {role2}: '{name}' was bound to '{value}', not the address's value");
                }
            }
        }

        output.WriteLine($"{probed} handlers with route values probed, {bound} route values bound");
        probed.ShouldBeGreaterThan(40, "every handler with a record id in its address");
        bound.ShouldBeGreaterThan(40, "only a route value that is optional and absent (the error page's code, a new offer's id) is left unbound");
        problems.ShouldBeEmpty();
    }
}

/// <summary>
/// In the test host only: a request carrying <see cref="Header"/> is answered, once model binding is
/// done and before the handler runs, with the values the page bound for each of its route's names
/// (handler arguments and bound properties), so the handler's work is never done.
/// </summary>
internal sealed class BindingProbe : IAsyncPageFilter
{
    public const string Header = "X-Binding-Probe";

    public static void Register(IServiceCollection services) => services.Configure<MvcOptions>(o => o.Filters.Add(new BindingProbe()));

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.Request.Headers.ContainsKey(Header) || context.HttpContext.GetEndpoint() is not RouteEndpoint endpoint)
        {
            await next();
            return;
        }
        var received = new Dictionary<string, string?>();
        foreach (var name in endpoint.RoutePattern.Parameters.Select(p => p.Name))
        {
            var argument = context.HandlerArguments.FirstOrDefault(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            var property = context.HandlerInstance.GetType().GetProperties()
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.GetIndexParameters().Length == 0);
            var value = argument ?? property?.GetValue(context.HandlerInstance);
            received[name] = value is null || (value is Guid g && g == Guid.Empty) ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        context.HttpContext.Response.Headers[Header] = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/').ToLowerInvariant(); // which page answered
        context.Result = new JsonResult(received);
    }
}
