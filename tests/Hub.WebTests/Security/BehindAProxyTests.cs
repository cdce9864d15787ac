using System.Net;
using Hub.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Hub.WebTests.Conversations.ConversationSteps;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Security;

/// <summary>
/// The hub behind a TLS-terminating proxy (10.0.0.5 here): what that proxy forwards is believed
/// (the scheme, so cookies are Secure and HSTS is sent; the client's address, so each client has its
/// own allowance), and the same headers from anyone else are ignored. The connection's own address
/// is set per request by <see cref="PeerAddress"/>, standing in for the TCP peer a real server sees.
/// </summary>
public sealed class BehindAProxyTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "198.51.100.9";

    // Failed attempts use an address with no account, so the demo practitioner is never locked out by them.
    private const string Nobody = "nobody@partner.test";

    private HubWebFactory Hub(int signInPermits = 100000) => new HubWebFactory(database.ConnectionString)
        .With("Hub:Proxy:KnownProxies:0", Proxy)
        .With("Hub:RateLimits:StaffSignIn:Permits", signInPermits.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithPeerAddresses();

    [SkippableFact]
    public async Task Should_make_cookies_secure_and_send_hsts_when_the_known_proxy_says_the_visitor_came_over_https()
    {
        using var hub = Hub();
        // The test's cookie jar would keep Secure cookies from an http address, so it carries them by hand.
        var client = hub.Client(peer: Proxy, forwardedFor: "203.0.113.7", forwardedProto: "https", handleCookies: false);

        var page = await client.GetAsync("/staff/account/sign-in");
        page.Headers.TryGetValues("Strict-Transport-Security", out var hsts).ShouldBeTrue("HSTS is sent over https");
        hsts!.Single().ShouldContain("max-age=31536000");
        var antiforgery = SetCookies(page).ShouldHaveSingleItem();
        antiforgery.ShouldContain("; secure", Case.Insensitive);
        client.DefaultRequestHeaders.Add("Cookie", antiforgery.Split(';')[0]);
        var signIn = await client.SignInAsync(Practitioner, DemoPassword);

        signIn.IsRedirect().ShouldBeTrue("the member signed in");
        var staff = SetCookies(signIn).Where(c => c.StartsWith("hub.staff=", StringComparison.Ordinal) && !c.StartsWith("hub.staff=;", StringComparison.Ordinal)).ShouldHaveSingleItem();
        staff.ShouldContain("; secure", Case.Insensitive, "over https the staff cookie is Secure");
    }

    [SkippableFact]
    public async Task Should_ignore_forwarded_headers_from_a_sender_that_is_not_a_known_proxy()
    {
        using var hub = Hub();
        var client = hub.Client(peer: Stranger, forwardedFor: "203.0.113.7", forwardedProto: "https");

        var signIn = await client.SignInAsync(Practitioner, DemoPassword);

        signIn.IsRedirect().ShouldBeTrue();
        SetCookies(signIn).ShouldContain(c => c.StartsWith("hub.staff=", StringComparison.Ordinal));
        SetCookies(signIn).Where(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty("the request really came over http");
        (await client.GetAsync("/staff/account/sign-in")).Headers.Contains("Strict-Transport-Security").ShouldBeFalse("no HSTS over http");
    }

    [SkippableFact]
    public async Task Should_give_each_client_behind_the_known_proxy_its_own_allowance()
    {
        using var hub = Hub(signInPermits: 3);
        var first = hub.Client(peer: Proxy, forwardedFor: "203.0.113.7");
        var second = hub.Client(peer: Proxy, forwardedFor: "203.0.113.8");

        for (var i = 1; i <= 3; i++)
        {
            (await first.SignInAsync(Nobody, "not the password")).StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {i} of 3 is allowed");
        }
        (await first.SignInAsync(Practitioner, DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the first client used its allowance");
        (await second.SignInAsync(Practitioner, DemoPassword)).IsRedirect().ShouldBeTrue("another client behind the same proxy has its own");
    }

    [SkippableFact]
    public async Task Should_count_a_stranger_by_its_own_address_whatever_client_address_it_claims()
    {
        using var hub = Hub(signInPermits: 3);

        for (var i = 1; i <= 3; i++)
        {
            var claimed = hub.Client(peer: Stranger, forwardedFor: $"203.0.113.{i}");
            (await claimed.SignInAsync(Nobody, "not the password")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var another = hub.Client(peer: Stranger, forwardedFor: "203.0.113.99");
        (await another.SignInAsync(Practitioner, DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests,
            "a made-up X-Forwarded-For does not buy a new allowance");
    }

    [SkippableFact]
    public async Task Should_leave_staff_sign_in_working_from_an_address_that_sent_100_public_form_posts()
    {
        using var hub = new HubWebFactory(database.ConnectionString)
            .With("Hub:RateLimits:PublicForm:Permits", "30")
            .With("Hub:RateLimits:StaffSignIn:Permits", "30")
            .WithPeerAddresses();
        var shared = hub.Client(peer: "192.0.2.44"); // a GP practice's Wi-Fi
        var form = await shared.GetDocumentAsync("/refer");
        var limited = 0;

        for (var i = 0; i < 100; i++)
        {
            var post = await shared.SubmitAsync(form, ReferralForm, Answers(("ContactMethod", "TheyWillCallUs")));
            limited += post.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        limited.ShouldBe(70, "the public form's allowance of 30 is used up");
        var staff = hub.Client(peer: "192.0.2.44");
        (await staff.SignInAsync(Practitioner, DemoPassword)).IsRedirect().ShouldBeTrue("staff sign-in has an allowance of its own");
        (await staff.GetAsync("/staff/triage")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Should_not_name_the_server_software_in_any_response()
    {
        using var hub = new HubWebFactory(database.ConnectionString);
        hub.UseKestrel(0);
        hub.StartServer();
        using var client = new HttpClient { BaseAddress = hub.ClientOptions.BaseAddress };

        foreach (var path in new[] { "/", "/refer", "/staff/account/sign-in", "/nhsuk/nhsuk-frontend.min.css", "/no-such-page" })
        {
            using var response = await client.GetAsync(path);
            response.Headers.Server.ShouldBeEmpty($"{path} answered with a Server header");
        }
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
}

/// <summary>Sets the connection's remote address from a test-only header, before anything else in the pipeline sees the request.</summary>
internal sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                context.Request.Headers.Remove(Header);
            }
            await following(context);
        });
        next(app);
    };
}

internal static class PeerAddressExtensions
{
    public static HubWebFactory WithPeerAddresses(this HubWebFactory factory)
    {
        factory.ConfigureTestServices = services => services.AddTransient<IStartupFilter, PeerAddress>();
        return factory;
    }

    /// <summary>A cookie-keeping client at https-less host hub.example.nhs.uk, whose requests come from <paramref name="peer"/> with the given forwarded headers.</summary>
    public static HttpClient Client(this HubWebFactory factory, string peer, string? forwardedFor = null, string? forwardedProto = null, bool handleCookies = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = handleCookies,
            BaseAddress = new Uri("http://hub.example.nhs.uk"),
        });
        client.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }
        return client;
    }
}
