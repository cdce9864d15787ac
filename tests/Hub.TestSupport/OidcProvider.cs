using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Hub.TestSupport;

/// <summary>Who the provider signs in next, as a test sets it: its subject, email, and what it says about factors.</summary>
public sealed record ProviderIdentity(string Subject, string Email, string Name, bool EmailVerified = true, params string[] Amr);

/// <summary>
/// A real OpenID Connect provider on loopback for tests: OpenIddict's server (authorisation code with
/// PKCE, signed id tokens, discovery, keys, end session) in its own Kestrel host, its applications in a
/// SQLite file of its own. It has no login screen: the authorisation endpoint signs in whoever the test
/// set as <see cref="Next"/>, as a provider's own login would after the member typed their password.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private string? _databasePathToDelete;

    private OidcProvider(WebApplication app, Uri issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    /// <summary>The identity the next authorisation request signs in.</summary>
    public ProviderIdentity? Next { get; set; }

    /// <summary>Subjects whose session a relying party ended, each read from a valid id_token_hint.</summary>
    public ConcurrentQueue<string> EndedSessions { get; } = new();

    public int Authorisations;

    public static async Task<OidcProvider> StartAsync()
    {
        var port = FreePort();
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var databasePath = Path.Combine(Path.GetTempPath(), $"oidc-provider-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(issuer.ToString().TrimEnd('/'));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<ProviderDb>(o =>
        {
            o.UseSqlite($"Data Source={databasePath}");
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetIssuer(issuer);
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/end-session");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement(); // loopback http, in tests only
            });
        var app = builder.Build();
        var provider = new OidcProvider(app, issuer);

        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var who = provider.Next ?? throw new InvalidOperationException("The test did not say who signs in at the provider.");
            Interlocked.Increment(ref provider.Authorisations);
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, who.Subject).SetClaim(Claims.Email, who.Email).SetClaim(Claims.Name, who.Name);
            identity.AddClaim(new Claim(Claims.EmailVerified, who.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            foreach (var amr in who.Amr)
            {
                identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, amr));
            }
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapMethods("/connect/end-session", ["GET", "POST"], async (HttpContext context) =>
        {
            // OpenIddict has already checked the hint is an id token it issued, and the return address is registered.
            var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (hint.Principal?.GetClaim(Claims.Subject) is { } subject)
            {
                provider.EndedSessions.Enqueue(subject);
            }
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        }
        await app.StartAsync();
        provider._databasePathToDelete = databasePath;
        return provider;
    }

    /// <summary>Registers a relying party: a confidential client with PKCE, its callback and its signed-out address.</summary>
    public async Task RegisterClientAsync(string clientId, string secret, Uri redirectUri, Uri postLogoutRedirectUri)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { redirectUri },
            PostLogoutRedirectUris = { postLogoutRedirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_databasePathToDelete is not null)
        {
            File.Delete(_databasePathToDelete);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}

/// <summary>The code an authenticator app shows for a key (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits).</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var key = new List<byte>();
        var (buffer, bits) = (0, 0);
        foreach (var c in base32Key.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                key.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        var step = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(step, at.ToUnixTimeSeconds() / 30);
        var hash = System.Security.Cryptography.HMACSHA1.HashData(key.ToArray(), step);
        var offset = hash[^1] & 0x0F;
        var code = (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
