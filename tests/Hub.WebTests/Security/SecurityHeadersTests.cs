using System.Net;
using Hub.TestSupport;
using Xunit.Abstractions;
using static Hub.WebTests.Conversations.ConversationSteps;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Security;

/// <summary>
/// Every page carries the security headers (ASVS V3.4) and is never cached, because any page may hold
/// someone's personal data: every page the hub has, found from its endpoint data source, opened as
/// every role the authorisation matrix lets open it. Every cookie is HttpOnly and SameSite, and
/// Secure over https. The design system's files are cacheable; a POST needs an antiforgery token.
/// </summary>
[Collection(AccessWorldCollection.Name)]
public sealed class SecurityHeadersTests(AccessWorld world, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Should_send_the_security_headers_and_no_store_with_every_page_to_every_role_that_opens_it()
    {
        await world.BuildAsync();
        var table = MatrixRow.Read().ToDictionary(r => r.Key);
        var problems = new List<string>();
        var opened = 0;

        foreach (var page in (await HubEndpoints.DiscoverAsync(world.Factory.Services)).Where(h => h.Method == "GET"))
        {
            if (!table.TryGetValue(page.Key, out var row))
            {
                problems.Add($"{page.Key} is not in AuthorisationMatrix.txt, so nobody is known to open it");
                continue;
            }
            foreach (var role in AccessWorld.Roles)
            {
                foreach (var whose in row.RecordsTried.Where(w => row.Expected(role, w) == "200"))
                {
                    using var response = await world.Client(role).GetAsync(row.AddressFor(world, whose));
                    opened++;
                    // The Open Referral UK API's answers are the published directory, meant to be cached (ADR 037).
                    problems.AddRange(HeaderProblems(response, cacheable: page.Route.StartsWith("/api/oruk/", StringComparison.Ordinal)).Select(p => $"{role}, {page.Key}: {p}"));
                }
            }
        }

        output.WriteLine($"{opened} pages opened with their headers checked");
        opened.ShouldBeGreaterThan(table.Count, "every page, as each role that may open it");
        problems.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Should_allow_inline_style_on_the_jobs_dashboard_alone_and_inline_script_nowhere()
    {
        await world.BuildAsync();

        using var dashboard = await world.Client(Role.Admin).GetAsync("/staff/jobs");
        using var page = await world.Client(Role.Admin).GetAsync("/staff/directory");

        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("Living Well Hub: background jobs");
        var csp = Header(dashboard, "Content-Security-Policy")!;
        csp.ShouldContain("style-src 'self' 'unsafe-inline';", Case.Sensitive, "Hangfire's pages carry style attributes");
        csp.ShouldContain("script-src 'self';", Case.Sensitive, "but no inline script");
        csp.ShouldContain("frame-ancestors 'none'");
        dashboard.Headers.CacheControl?.NoStore.ShouldBe(true);
        HeaderProblems(page).ShouldBeEmpty("the rest of the hub keeps its strict policy");
    }

    [SkippableFact]
    public async Task Should_set_every_cookie_http_only_and_same_site_and_secure_when_the_request_is_https()
    {
        await world.BuildAsync();
        // A member of staff over https: the hub's cookies follow the request (SameAsRequest), so here they must be Secure.
        var https = world.NewClient(new Uri("https://localhost"));
        (await https.SignInAsync(Practitioner, DemoPassword)).IsRedirect().ShouldBeTrue();
        (await https.GetAsync("/staff/triage")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var cookies = world.CookiesSet.ToList();

        new[] { "hub.af", "hub.staff", "hub.person" }.ShouldBeSubsetOf(cookies.Select(c => c.Name), "the antiforgery, staff and person cookies were all set while the hub was used");
        cookies.Where(c => !c.HttpOnly).ShouldBeEmpty("no script may read a cookie");
        cookies.Where(c => c.SameSite is not ("strict" or "lax")).ShouldBeEmpty("no cookie goes with a request from another site's form or frame");
        cookies.Where(c => c.OverHttps && !c.Secure).ShouldBeEmpty("over https every cookie is Secure");
        new[] { "hub.af", "hub.staff" }.ShouldBeSubsetOf(cookies.Where(c => c.OverHttps).Select(c => c.Name));
        cookies.Where(c => c.Name is "hub.staff" or "hub.person" or "hub.af").Where(c => c.SameSite != "strict")
            .ShouldBeEmpty("the sign-in and antiforgery cookies are SameSite=Strict");
    }

    [SkippableFact]
    public async Task Should_serve_the_design_system_stylesheet_as_a_cacheable_file()
    {
        await world.BuildAsync();
        var response = await world.Client(Role.Anonymous).GetAsync("/nhsuk/nhsuk-frontend.min.css");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        (response.Headers.CacheControl?.NoStore ?? false).ShouldBeFalse("static files carry no personal data and may be cached");
        Header(response, "Pragma").ShouldBeNull();
        (response.Headers.ETag is not null || response.Content.Headers.LastModified is not null).ShouldBeTrue("a cache can revalidate it");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
    }

    [SkippableFact]
    public async Task Should_reject_a_post_without_an_antiforgery_token_with_400_and_store_nothing()
    {
        await world.BuildAsync();
        var before = await world.Factory.CountReferralsAsync();
        var client = world.NewClient();
        var fields = Answers(("ContactMethod", "TheyWillCallUs"), ("WhatIsHappening", "Posted from another site"));

        var review = await client.PostAsync("/refer", new FormUrlEncodedContent(fields));
        var send = await client.PostAsync("/refer/check",
            new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["FormToken"] = Guid.NewGuid().ToString() }));

        review.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        send.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await world.Factory.CountReferralsAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task Should_reject_a_send_carrying_another_clients_antiforgery_token_and_store_nothing()
    {
        await world.BuildAsync();
        var before = await world.Factory.CountReferralsAsync();
        var person = world.NewClient();
        var check = await person.CheckPageAsync(Answers(("ContactMethod", "TheyWillCallUs")));

        // Another browser (with its own antiforgery cookie) replays the person's page and token.
        var other = world.NewClient();
        await other.GetAsync("/refer");
        var replay = await other.SendAsync(check);

        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await world.Factory.CountReferralsAsync()).ShouldBe(before);
    }

    /// <summary>What is missing or wrong in a page's headers (ASVS V3.4, V14.3.2).</summary>
    private static IEnumerable<string> HeaderProblems(HttpResponseMessage response, bool cacheable = false)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            yield return $"answered {(int)response.StatusCode}, not 200";
        }
        var csp = Header(response, "Content-Security-Policy");
        if (csp is null || csp.Contains("unsafe-inline", StringComparison.Ordinal) || csp.Contains("unsafe-eval", StringComparison.Ordinal)
            || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
        {
            yield return $"Content-Security-Policy '{csp}' (no unsafe-inline or unsafe-eval, frame-ancestors 'none')";
        }
        if (Header(response, "X-Content-Type-Options") != "nosniff")
        {
            yield return "X-Content-Type-Options is not nosniff";
        }
        if (Header(response, "Referrer-Policy") != "no-referrer")
        {
            yield return $"Referrer-Policy is '{Header(response, "Referrer-Policy")}', not no-referrer";
        }
        // A cookie (a member's renewed session) is never shared by a cache, whatever the page.
        if (cacheable && !response.Headers.Contains("Set-Cookie"))
        {
            if (response.Headers.CacheControl is not { Public: true, MaxAge: not null, NoStore: false, Private: false })
            {
                yield return $"Cache-Control '{response.Headers.CacheControl}' is not public with a max-age";
            }
        }
        else if (response.Headers.CacheControl?.NoStore != true)
        {
            yield return $"Cache-Control '{response.Headers.CacheControl}' lets a browser or proxy keep the page";
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
