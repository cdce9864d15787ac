using System.Net;
using Hub.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Security;

/// <summary>
/// The throughput benchmark's bare-insert endpoint exists only when asked for, in the Benchmark
/// environment: a real hub never has it, and the setting left on anywhere else stops the host.
/// </summary>
public sealed class BareInsertEndpointTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Path = "/benchmark/insert";

    [SkippableFact]
    public async Task Should_have_no_bare_insert_endpoint_unless_the_benchmark_asks_for_it()
    {
        using var factory = new HubWebFactory(database.ConnectionString);

        var client = factory.NewClient();

        var response = await client.PostAsync(Path, null);

        response.StatusCode.ShouldNotBe(HttpStatusCode.NoContent);
        response.StatusCode.ShouldBe((await client.PostAsync("/no-such-address", null)).StatusCode, "it answers as any unknown address does");
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .ShouldNotContain(e => (e.RoutePattern.RawText ?? string.Empty).Contains("benchmark", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public void Should_refuse_to_start_when_the_benchmark_setting_is_on_outside_the_benchmark_environment()
    {
        using var factory = new HubWebFactory(database.ConnectionString).With("Hub:Benchmark:Enabled", "true");

        var refused = Should.Throw<InvalidOperationException>(() => factory.NewClient());

        refused.Message.ShouldContain("Hub:Benchmark:Enabled");
    }

    [SkippableFact]
    public async Task Should_insert_one_row_per_post_in_the_benchmark_environment()
    {
        using var factory = new HubWebFactory(database.ConnectionString).With("Hub:Benchmark:Enabled", "true").With("environment", "Benchmark");
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE IF NOT EXISTS benchmark_inserts (id uuid PRIMARY KEY, received_at timestamptz NOT NULL); TRUNCATE benchmark_inserts"));
        var client = factory.NewClient();

        (await client.PostAsync(Path, null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync(Path, null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM benchmark_inserts").SingleAsync())).ShouldBe(2);
    }

    [SkippableFact]
    public async Task Should_check_antiforgery_and_insert_one_row_per_post_on_the_fair_yardstick_page_in_the_benchmark_environment()
    {
        using var factory = new HubWebFactory(database.ConnectionString).With("Hub:Benchmark:Enabled", "true").With("environment", "Benchmark");
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE IF NOT EXISTS benchmark_inserts (id uuid PRIMARY KEY, received_at timestamptz NOT NULL); TRUNCATE benchmark_inserts"));
        var client = factory.NewClient();
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)(await client.GetDocumentAsync("/refer")).QuerySelector("input[name='__RequestVerificationToken']")!).Value;

        (await client.PostAsync("/benchmark/forminsert", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no antiforgery token, no insert");
        var sent = await client.PostAsync("/benchmark/forminsert", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM benchmark_inserts").SingleAsync())).ShouldBe(1);
    }
}
