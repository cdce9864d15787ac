using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Server;

namespace Hub.Infrastructure.Telemetry;

/// <summary>
/// The hub's own traces and metrics, beside ASP.NET Core's and the database driver's: background jobs
/// and the email outbox. They carry ids, counts and kinds of failure only, never personal data
/// (docs/decisions/026). Nothing is recorded unless telemetry is switched on.
/// </summary>
public static class HubTelemetry
{
    public const string Name = "LivingWellHub";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> OutboxSent = Meter.CreateCounter<long>("hub.outbox.sent", description: "Messages the relay or GOV.UK Notify accepted");

    public static readonly Counter<long> OutboxFailed = Meter.CreateCounter<long>("hub.outbox.failed", description: "Send attempts that failed: final when the message is marked failed, otherwise it waits for a retry");

    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("hub.jobs.runs", description: "Background job runs, by job and outcome");
}

/// <summary>A span and a count for every background job run: its name and outcome, never its arguments.</summary>
internal sealed class JobTelemetryFilter : IServerFilter
{
    private const string ActivityKey = "hub.activity";

    public void OnPerforming(PerformingContext context)
    {
        var name = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        var activity = HubTelemetry.Source.StartActivity($"job {name}", ActivityKind.Internal);
        activity?.SetTag("hub.job", name);
        activity?.SetTag("hub.job.id", context.BackgroundJob.Id);
        context.Items[ActivityKey] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        var name = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        var outcome = context.Exception is null ? "succeeded" : "failed";
        HubTelemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("hub.job", name), new KeyValuePair<string, object?>("outcome", outcome));
        if (context.Items.TryGetValue(ActivityKey, out var value) && value is Activity activity)
        {
            if (context.Exception is { } ex)
            {
                activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // the kind only: a message may quote data
            }
            activity.Dispose();
        }
    }
}
