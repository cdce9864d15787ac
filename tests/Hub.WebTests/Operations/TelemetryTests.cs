using System.Diagnostics;
using Hub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Operations;

/// <summary>
/// With telemetry switched on, a test exporter collects every span the hub makes while a person sends
/// a self-referral (and someone opens a plan link): ASP.NET Core's and PostgreSQL's are there, and no
/// attribute or name of any of them carries what the person typed or the link's secret.
/// </summary>
public sealed class TelemetryTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_trace_a_referral_send_without_personal_data_in_any_span()
    {
        var spans = new List<Activity>();
        using var hub = new HubWebFactory(database.ConnectionString).With("Hub:Telemetry:Enabled", "true");
        hub.ConfigureTestServices = services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        var client = hub.NewClient();
        string[] personal = ["Marigold Featherstonehaugh", "07700 900 461", "marigold.f@example.test", "sleeping badly since the flood at my flat"];
        const string LinkSecret = "n0t-a-real-link-but-a-secret-all-the-same";

        var check = await client.CheckPageAsync(Answers(("ContactMethod", "Phone"), ("Phone", personal[1]), ("SafeToLeaveMessage", "yes"),
            ("Email", personal[2]), ("PreferredName", personal[0]), ("WhatIsHappening", personal[3])));
        var sent = await client.SendAsync(check);
        await client.ReferenceShownAfterAsync(sent);
        await client.GetAsync($"/my/link/{LinkSecret}?from={Uri.EscapeDataString(personal[2])}");
        hub.Services.GetRequiredService<TracerProvider>().ForceFlush();
        // Background jobs (the outbox, the audit sealer) go on adding spans: stop the hub, then read what it traced.
        hub.Dispose();
        spans = [.. spans];

        spans.ShouldContain(s => s.Source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && string.Equals(s.DisplayName, "POST /refer/check", StringComparison.OrdinalIgnoreCase),
            $"the send was traced by its route; spans: {string.Join(", ", spans.Select(s => $"{s.Source.Name}:{s.DisplayName}").Distinct())}");
        spans.ShouldContain(s => s.Source.Name.StartsWith("Npgsql", StringComparison.Ordinal), "and its database commands");
        spans.ShouldContain(s => s.DisplayName == "GET /my/link/{token}", "a plan link is named by its template");
        var leaks = (from span in spans
                     from text in new[] { span.DisplayName, span.StatusDescription ?? string.Empty }
                         .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                         .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
                     from secret in personal.Append(LinkSecret).Append(Uri.EscapeDataString(personal[2]))
                     where text.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{span.Source.Name} '{span.DisplayName}': {text}").Distinct().ToList();
        leaks.ShouldBeEmpty();
        spans.Count.ShouldBeGreaterThan(5);
    }
}
