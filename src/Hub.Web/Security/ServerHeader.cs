using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hub.Web.Security;

/// <summary>Responses do not name the server software (<c>Server: Kestrel</c>): it only helps someone choose an exploit.</summary>
internal static class ServerHeader
{
    public static IServiceCollection RemoveServerHeader(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
}
