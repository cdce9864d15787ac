using System.Collections.Concurrent;

namespace Hub.WebTests.Security;

/// <summary>A cookie the hub set: its name, whether the request was https, and its attributes (never its value).</summary>
public sealed record SetCookie(string Name, bool OverHttps, IReadOnlySet<string> Attributes)
{
    public bool HttpOnly => Attributes.Contains("httponly");

    public bool Secure => Attributes.Contains("secure");

    public string? SameSite => Attributes.FirstOrDefault(a => a.StartsWith("samesite=", StringComparison.Ordinal))?["samesite=".Length..];

    public override string ToString() => $"{Name} ({(OverHttps ? "https" : "http")}: {string.Join("; ", Attributes.Order(StringComparer.Ordinal))})";
}

/// <summary>Notes every Set-Cookie header the hub sends to the clients it is put in front of.</summary>
public sealed class SetCookieRecorder
{
    private readonly ConcurrentQueue<SetCookie> _seen = new();

    public IReadOnlyCollection<SetCookie> Seen => _seen;

    public DelegatingHandler NewHandler() => new Recording(_seen);

    private sealed class Recording(ConcurrentQueue<SetCookie> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var headers))
            {
                foreach (var header in headers)
                {
                    var parts = header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    var attributes = parts.Skip(1).Select(a => a.ToLowerInvariant()).Where(a => !a.StartsWith("expires=", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
                    seen.Enqueue(new SetCookie(parts[0].Split('=', 2)[0], request.RequestUri?.Scheme == Uri.UriSchemeHttps, attributes));
                }
            }
            return response;
        }
    }
}
