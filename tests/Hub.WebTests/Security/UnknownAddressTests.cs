using System.Net;
using Hub.TestSupport;

namespace Hub.WebTests.Security;

/// <summary>
/// An address the hub does not have is "Page not found" for everyone, with the urgent-help link,
/// never the staff sign-in page; under the Open Referral UK API it is problem JSON. A real page
/// that needs signing in still sends a signed-out visitor to sign in.
/// </summary>
[Collection(AccessWorldCollection.Name)]
public sealed class UnknownAddressTests(AccessWorld world)
{
    [SkippableTheory]
    [InlineData("/connect/whats-on")]
    [InlineData("/connect/groups/not-a-group")]
    [InlineData("/refer/an-old-question")]
    [InlineData("/staff/no-such-page")]
    [InlineData("/nothing-here")]
    public async Task Should_answer_page_not_found_with_the_urgent_help_link_to_anyone(string address)
    {
        await world.BuildAsync();
        foreach (var role in new[] { Role.Anonymous, Role.Practitioner })
        {
            using var response = await world.Client(role).GetAsync(address);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{role} at {address}");
            var page = await response.Content.ReadAsStringAsync();
            page.ShouldContain("Page not found");
            page.ShouldContain("href=\"/help/urgent\"");
            response.Headers.Location.ShouldBeNull();
        }
    }

    [SkippableFact]
    public async Task Should_answer_problem_json_under_the_api_and_still_send_a_signed_out_visitor_of_a_real_staff_page_to_sign_in()
    {
        await world.BuildAsync();

        using var api = await world.Client(Role.Anonymous).GetAsync("/api/oruk/v3/no-such-resource");
        using var staffPage = await world.Client(Role.Anonymous).GetAsync("/staff/triage");

        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        staffPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        staffPage.Headers.Location!.ToString().ShouldContain("/staff/account/sign-in");
    }
}
