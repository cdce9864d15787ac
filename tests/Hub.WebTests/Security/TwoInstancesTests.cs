using System.Net;
using Hub.TestSupport;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Security;

/// <summary>
/// Several hub instances behind a load balancer share the data protection keys kept in the
/// database: a staff cookie issued by one is accepted by another, also after both restart.
/// </summary>
public sealed class TwoInstancesTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string DemoPassword = "LivingWell-demo-2026";

    [SkippableFact]
    public async Task Should_accept_a_cookie_from_instance_a_on_instance_b_and_after_both_restart()
    {
        var cookies = new CookieContainer();
        string? cookieHeader;
        using (var a = new HubWebFactory(database.ConnectionString))
        using (var b = new HubWebFactory(database.ConnectionString))
        {
            var onA = a.NewClient(cookies);
            (await onA.SignInAsync("practitioner@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();
            cookieHeader = cookies.GetCookieHeader(BaseAddress);
            cookieHeader.ShouldContain("hub.staff=");

            var onB = b.NewClient(cookies.Copy());
            var queueOnB = await onB.GetAsync("/staff/triage");
            queueOnB.StatusCode.ShouldBe(HttpStatusCode.OK, "instance B reads instance A's cookie");
            (await queueOnB.ReadDocumentAsync()).Text("h1").ShouldBe("Triage queue");
        }

        // Both instances stop; two new ones start against the same database.
        using var c = new HubWebFactory(database.ConnectionString);
        var afterRestart = c.NewClient(cookies.Copy());
        var queue = await afterRestart.GetAsync("/staff/triage");
        queue.StatusCode.ShouldBe(HttpStatusCode.OK, "the key ring lives in the database, not in the instance");
    }
}
