using System.Net;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Referrals;

/// <summary>
/// Software that fills in every field is thanked and ignored; one client posting too often is asked
/// to wait (429 with Retry-After) on a page that still shows where to get urgent help.
/// </summary>
public sealed class HoneypotAndFloodTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    /// <summary>A hub whose public form allows <paramref name="permits"/> posts per client per window.</summary>
    private HubWebFactory LimitedFactory(int permits) =>
        new HubWebFactory(database.ConnectionString).With("Hub:RateLimits:PublicForm:Permits", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [SkippableFact]
    public async Task Should_thank_but_store_nothing_when_the_hidden_website_field_is_filled_in_on_the_form()
    {
        var before = await Factory.CountReferralsAsync();
        var client = Factory.NewClient();

        var response = await client.ReviewAsync(new Dictionary<string, string>(Answers(("ContactMethod", "TheyWillCallUs"), ("WhatIsHappening", "Cheap pills")))
        {
            ["Website"] = "https://cheap-pills.example",
        });

        response.IsRedirect().ShouldBeTrue();
        response.PathOf().ShouldBe("/refer/sent", StringCompareShould.IgnoreCase);
        var thanks = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        thanks.QuerySelector(".hub-reference").ShouldBeNull("software gets no reference");
        (await Factory.CountReferralsAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task Should_thank_but_store_nothing_when_software_adds_the_website_field_to_the_send_step()
    {
        var before = await Factory.CountReferralsAsync();
        var client = Factory.NewClient();
        var check = await client.CheckPageAsync(Answers(("ContactMethod", "TheyWillCallUs"), ("WhatIsHappening", "Buy followers")));

        var response = await client.SendAsync(check, [new("Website", "https://followers.example")]);

        response.IsRedirect().ShouldBeTrue();
        response.PathOf().ShouldBe("/refer/sent", StringCompareShould.IgnoreCase);
        (await Factory.CountReferralsAsync()).ShouldBe(before);
        var token = Guid.Parse(check.FormToken());
        (await Factory.WithDbAsync(db => db.Referrals.AnyAsync(r => r.FormToken == token))).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Should_ask_a_client_to_wait_with_429_and_retry_after_and_still_show_urgent_help_on_the_sixth_post()
    {
        using var limited = LimitedFactory(5);
        var client = limited.NewClient();
        var form = await client.GetDocumentAsync("/refer");
        var answers = Answers(("ContactMethod", "TheyWillCallUs"));

        for (var i = 1; i <= 5; i++)
        {
            var allowed = await client.SubmitAsync(form, ReferralForm, answers);
            allowed.IsRedirect().ShouldBeTrue($"post {i} of 5 is within the limit and moves on to the next question");
        }
        var sixth = await client.SubmitAsync(form, ReferralForm, answers);

        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        sixth.Headers.TryGetValues("Retry-After", out var retryAfter).ShouldBeTrue();
        var seconds = retryAfter!.ShouldHaveSingleItem();
        int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var wait)
            .ShouldBeTrue("Retry-After is a whole number of seconds");
        wait.ShouldBeGreaterThan(0);
        wait.ShouldBeLessThanOrEqualTo(300, "never longer than the window");
        sixth.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var body = await sixth.Content.ReadAsStringAsync();
        body.ShouldContain("If you need help now");
        body.ShouldContain("999");
        sixth.Headers.TryGetValues("Content-Security-Policy", out _).ShouldBeTrue("the wait page has the security headers too");

        // Still limited for the rest of the window.
        (await client.SubmitAsync(form, ReferralForm, answers)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [SkippableFact]
    public async Task Should_never_rate_limit_opening_the_form()
    {
        using var limited = LimitedFactory(1);
        var client = limited.NewClient();
        var form = await client.GetDocumentAsync("/refer");
        (await client.SubmitAsync(form, ReferralForm, Answers(("ContactMethod", "TheyWillCallUs")))).IsRedirect().ShouldBeTrue();
        (await client.SubmitAsync(form, ReferralForm, Answers(("ContactMethod", "TheyWillCallUs")))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        for (var i = 0; i < 25; i++)
        {
            var response = await client.GetAsync("/refer");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {i + 1} is never limited, even while posts are");
        }
    }

    public void Dispose() => _factory?.Dispose();
}
