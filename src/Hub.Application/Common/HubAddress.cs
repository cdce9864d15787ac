namespace Hub.Application.Common;

/// <summary>The hub's public address (<c>Hub:PublicBaseUrl</c>), for links in emails.</summary>
public sealed record HubAddress(string PublicBaseUrl)
{
    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
