using System.Diagnostics;
using Hub.Infrastructure.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hub.Web.Operations;

/// <summary>
/// OpenTelemetry traces and metrics (<c>Hub:Telemetry</c>), off unless <c>Enabled</c>: ASP.NET Core
/// requests, PostgreSQL commands (Npgsql: the SQL with its parameters as placeholders, never their
/// values), the hub's background jobs and email outbox. Sent by OTLP to <c>OtlpEndpoint</c> when set.
/// No span carries personal data: a request is named by its route template, never its address (ids,
/// a plan link's token) or query, and client addresses, user agents and exception messages are
/// dropped (<see cref="WithoutPersonalData"/>).
/// </summary>
internal static class Telemetry
{
    public static IServiceCollection AddHubTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Hub:Telemetry").Get<TelemetrySettings>() ?? new TelemetrySettings();
        if (!settings.Enabled)
        {
            return services;
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o =>
                {
                    o.RecordException = false; // an exception's message may quote what someone typed
                    o.EnrichWithHttpResponse = (activity, response) => NameByRoute(activity, response.HttpContext);
                })
                .AddNpgsql()
                .AddSource(HubTelemetry.Name)
                .AddProcessor(new WithoutPersonalData());
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(HubTelemetry.Name);
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
        return services;
    }

    /// <summary>The request's address becomes its route template: <c>/my/link/{token}</c>, not the token.</summary>
    private static void NameByRoute(Activity activity, HttpContext context)
    {
        var template = context.GetEndpoint() is RouteEndpoint route ? "/" + (route.RoutePattern.RawText ?? string.Empty).TrimStart('/') : "(no route)";
        activity.SetTag("url.path", template);
        activity.SetTag("http.route", template);
        activity.DisplayName = $"{context.Request.Method} {template}";
    }

    /// <summary>Takes out, as each span ends, every attribute that could say who someone is or what they wrote.</summary>
    internal sealed class WithoutPersonalData : BaseProcessor<Activity>
    {
        private static readonly string[] Dropped =
        [
            "url.query", "url.full", "client.address", "client.port", "network.peer.address", "network.peer.port",
            "user_agent.original", "http.request.header.cookie", "exception.message", "exception.stacktrace",
            "db.connection_string", "db.user", "enduser.id",
        ];

        public override void OnEnd(Activity activity)
        {
            foreach (var tag in Dropped)
            {
                if (activity.GetTagItem(tag) is not null)
                {
                    activity.SetTag(tag, null);
                }
            }
            if (activity.GetTagItem("url.path") is string path && activity.Source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                && activity.GetTagItem("http.route") is null)
            {
                activity.SetTag("url.path", "(no route)"); // a request that matched no endpoint: its address is whatever was typed
            }
            if (activity.StatusDescription is { Length: > 0 } && activity.Status == ActivityStatusCode.Error && activity.Source.Name.StartsWith("Npgsql", StringComparison.Ordinal))
            {
                activity.SetStatus(ActivityStatusCode.Error, "database error"); // PostgreSQL's message can quote a value
            }
        }
    }
}

/// <summary>Settings under <c>Hub:Telemetry</c>.</summary>
public sealed class TelemetrySettings
{
    public bool Enabled { get; set; }

    /// <summary>Where an OpenTelemetry collector listens (OTLP), such as http://otel-collector:4317.</summary>
    public Uri? OtlpEndpoint { get; set; }

    public string ServiceName { get; set; } = "living-well-hub";
}
