using Hangfire;
using Hub.Application.PersonalData.ApplyCommunityRetention;
using Hub.Application.PersonalData.ApplyRetention;
using Hub.Application.Reports.GenerateReports;
using Hub.Application.SupportPlans.Staff.SendReviewReminders;
using Hub.Infrastructure.Email;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Hub.Infrastructure.Jobs;

// Hangfire builds each job in its own DI scope and serialises only the method and its arguments:
// none here carries more than a cancellation token, so no personal data reaches the job storage.
// Anything that must not be lost is a row written with the change that caused it (the outbox, the
// report queue); these jobs only drain those tables, each idempotently, so a retry or a rerun after
// a stopped worker has one effect (docs/decisions/021).

/// <summary>
/// Drains the outbox (emails and texts): every 15 seconds by default. First it looks up the
/// new-link requests waiting (so known and unknown addresses take the same path at the front door),
/// which may queue links to send in the same run.
/// </summary>
public sealed class OutboxJob(OutboxDispatcher dispatcher, JobInstance instance, IMediator sender)
{
    public const string Id = "email-outbox";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new Application.SupportPlans.Link.ProcessPlanLinkRequests.ProcessPlanLinkRequests(), cancellationToken);
        return await dispatcher.DispatchAsync(instance.Name, batchSize: 50, cancellationToken);
    }
}

/// <summary>
/// Seals new audit rows into the chain: every 5 seconds by default. Several instances may run it at
/// once; the sealer's database lease lets one seal and the others return at once (docs/decisions/032).
/// </summary>
public sealed class AuditSealJob(AuditSealer sealer, JobInstance instance, ILogger<AuditSealJob> logger)
{
    public const string Id = "audit-seal";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var result = await sealer.SealAsync(instance.Name, cancellationToken);
        // A routine tick: Debug. Counts only.
        logger.LogDebug("Audit seal: {Sealed} rows sealed{Elsewhere}", result.Sealed, result.LeaseHeldElsewhere ? " (another instance holds the lease)" : string.Empty);
        return result.Sealed;
    }
}

/// <summary>Every hour, queues the plan review reminders that are due (each review date gets one).</summary>
public sealed class ReviewReminderJob(IMediator sender)
{
    public const string Id = "plan-review-reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken cancellationToken) => sender.Send(new SendReviewReminders(), cancellationToken);
}

/// <summary>Every hour, queues the person's reminder of each network meeting within the next day (each meeting gets one).</summary>
public sealed class MeetingReminderJob(IMediator sender)
{
    public const string Id = "network-meeting-reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken cancellationToken) => sender.Send(new Application.Meetings.SendMeetingReminders.SendMeetingReminders(), cancellationToken);
}

/// <summary>
/// Makes queued commissioner reports: every 30 seconds, and straight away when one is asked for.
/// A report is started by exactly one instance (ReportRun.Version), so concurrent runs are harmless.
/// </summary>
public sealed class ReportJob(IMediator sender)
{
    public const string Id = "commissioner-reports";

    public Task<int> RunAsync(CancellationToken cancellationToken) => sender.Send(new GenerateQueuedReports(), cancellationToken);
}

/// <summary>At 06:00 on the first of each month (UK time), queues last month's report for each scheduled scope.</summary>
public sealed class MonthlyReportJob(IMediator sender)
{
    public const string Id = "commissioner-reports-monthly";
    public const string Schedule = "0 6 1 * *";

    // One run at a time across every instance (its check for an already queued report is not atomic).
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken cancellationToken) => sender.Send(new QueueMonthlyReports(), cancellationToken);
}

/// <summary>Every night at 02:30 (UK time), destroys the records past their retention period, then the community records past theirs.</summary>
public sealed class RetentionJob(IMediator sender, Application.PersonalData.RetentionSettings retention, ILogger<RetentionJob> logger)
{
    public const string Id = "retention";
    public const string Schedule = "30 2 * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ApplyRetention(), cancellationToken);
        // Counts only: never who.
        logger.LogInformation("Retention: {Destroyed} records destroyed, {Held} held by a restriction, cutoff {Cutoff:yyyy-MM-dd}",
            result.Destroyed, result.HeldByRestriction, result.Cutoff);
        // Connect and Do's community records, on their own shorter periods (docs/decisions/042).
        var community = await sender.Send(new ApplyCommunityRetention(), cancellationToken);
        logger.LogInformation("Community retention: {Requests} requests erased ({RequestsHeld} held by a concern), {Volunteers} volunteers ({VolunteersHeld} held), {Spaces} spaces, {Spent} spent rows",
            community.RequestsErased, community.RequestsHeld, community.VolunteersGone, community.VolunteersHeld, community.SpacesDestroyed, community.SpentRowsDeleted);
        if (community.ConcernsDestroyed is { } concerns)
        {
            logger.LogInformation("Safeguarding concerns: {Concerns} acted on more than {Years} years ago destroyed", concerns, retention.SafeguardingConcernYears);
        }
        else
        {
            logger.LogWarning("Safeguarding concerns: all kept, as no period is set. Set Hub:Retention:SafeguardingConcernYears to the period your safeguarding policy gives");
        }
    }
}

/// <summary>This instance's name, in outbox claims and as its Hangfire server's name: unique per host, so a claim shows who holds it.</summary>
public sealed record JobInstance(string Name)
{
    public static JobInstance ForThisProcess()
    {
        var name = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return new(name.Length <= 100 ? name : name[^100..]);
    }
}
