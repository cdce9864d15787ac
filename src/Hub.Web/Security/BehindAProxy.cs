using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Hub.Web.Security;

/// <summary>
/// The hub behind a TLS-terminating reverse proxy or load balancer (<c>Hub:Proxy</c>). X-Forwarded-For
/// and X-Forwarded-Proto are believed only when the connection comes from a configured proxy address
/// or network; from anyone else they are ignored. Believed, they give the request its real scheme
/// (so cookies are Secure and HSTS is sent) and its real client address (so rate limits are per client).
/// Nothing is trusted by default, not even loopback.
/// </summary>
public sealed class ProxySettings
{
    /// <summary>Addresses of the proxies in front of the hub, such as "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR form, such as "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain to read back through (one: the proxy that talks to the hub).</summary>
    public int ForwardLimit { get; set; } = 1;

    internal bool TrustsAnyone => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    internal bool Trusts(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return KnownProxies.Any(p => IPAddress.Parse(p).Equals(address))
            || KnownNetworks.Any(n => System.Net.IPNetwork.Parse(n).Contains(address));
    }
}

internal static class BehindAProxy
{
    public static IServiceCollection AddHubProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Hub:Proxy").Get<ProxySettings>() ?? new ProxySettings();
        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.ForwardLimit;
            // The framework trusts loopback by default; the hub trusts only what it is told to.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in settings.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            o.RequireHeaderSymmetry = false;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline. With no proxy configured the forwarded headers are left alone and
    /// ignored; with one, a request from anyone else has them removed, so nothing later reads them.
    /// </summary>
    public static IApplicationBuilder UseHubForwardedHeaders(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<ProxySettings>();
        app.Use(async (context, next) =>
        {
            if (!settings.Trusts(context.Connection.RemoteIpAddress))
            {
                context.Request.Headers.Remove("X-Forwarded-For");
                context.Request.Headers.Remove("X-Forwarded-Proto");
                context.Request.Headers.Remove("X-Forwarded-Host");
            }
            await next();
        });
        return settings.TrustsAnyone ? app.UseForwardedHeaders() : app;
    }
}
