namespace Hub.Infrastructure.Jobs;

/// <summary>
/// <c>Hub:Jobs</c>: the background job server. The defaults suit production; tests shorten the
/// intervals and retry delays so a proof takes seconds, not minutes.
/// </summary>
public sealed class JobSettings
{
    /// <summary><c>false</c> runs no job server and registers no recurring jobs (reports then wait in their queue).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the email outbox is drained; under a minute it must divide 60.</summary>
    public int OutboxIntervalSeconds { get; set; } = 15;

    /// <summary>How often new audit rows are sealed into the chain; under a minute it must divide 60.</summary>
    public int AuditSealIntervalSeconds { get; set; } = 5;

    /// <summary>How often queued commissioner reports are made, besides the nudge when one is asked for.</summary>
    public int ReportIntervalSeconds { get; set; } = 30;

    /// <summary>How often a server looks for queued, delayed and recurring jobs it has not been told about.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Jobs run at once by each instance.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>A failed run is tried again after each of these waits (default 10 s, 1, 5, 15 and 60 min), then left failed on the dashboard.</summary>
    // Nullable: the configuration binder appends to an initialised array rather than replacing it.
    public int[]? RetryDelaysSeconds { get; set; }

    internal int[] RetryDelays => RetryDelaysSeconds is { Length: > 0 } delays ? delays : [10, 60, 300, 900, 3600];

    internal TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);
}
