using System.Net;
using Hub.TestSupport;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Security;

/// <summary>
/// Every page carries the security headers (ASVS V3.4) and is never cached, because any page may hold
/// someone's personal data; the design system's files are cacheable; a POST needs an antiforgery token.
/// </summary>
public sealed class SecurityHeadersTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    public static TheoryData<string> Pages => new() { "/", "/refer", "/refer/sent", "/help/urgent", "/staff/account/sign-in" };

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task Should_send_the_security_headers_and_no_store_with_every_page(string path)
    {
        var response = await Factory.NewClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldNotBeNull();
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("frame-ancestors 'none'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldNotBeNullOrWhiteSpace();
        response.Headers.CacheControl.ShouldNotBeNull();
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Should_serve_the_design_system_stylesheet_as_a_cacheable_file()
    {
        var response = await Factory.NewClient().GetAsync("/nhsuk/nhsuk-frontend.min.css");

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
        var before = await Factory.CountReferralsAsync();
        var client = Factory.NewClient();
        var fields = Answers(("ContactMethod", "TheyWillCallUs"), ("WhatIsHappening", "Posted from another site"));

        var review = await client.PostAsync("/refer?handler=review", new FormUrlEncodedContent(fields));
        var send = await client.PostAsync("/refer?handler=send",
            new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["FormToken"] = Guid.NewGuid().ToString() }));

        review.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        send.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.CountReferralsAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task Should_reject_a_send_carrying_another_clients_antiforgery_token_and_store_nothing()
    {
        var before = await Factory.CountReferralsAsync();
        var person = Factory.NewClient();
        var check = await person.CheckPageAsync(Answers(("ContactMethod", "TheyWillCallUs")));

        // Another browser (with its own antiforgery cookie) replays the person's page and token.
        var other = Factory.NewClient();
        await other.GetAsync("/refer");
        var replay = await other.SendAsync(check);

        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.CountReferralsAsync()).ShouldBe(before);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    public void Dispose() => _factory?.Dispose();
}
