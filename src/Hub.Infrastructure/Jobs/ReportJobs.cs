using Hub.Application.Common.Interfaces;
using Hub.Application.Reports.GenerateReports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hub.Infrastructure.Jobs;

/// <summary>
/// Makes queued commissioner reports: every 30 seconds, and straight away when one is asked for.
/// One run at a time across the cluster; a report is started by exactly one instance (ReportRun.Version).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReportJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("commissioner-reports", "hub");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GenerateQueuedReports(), cancellationToken);
    }
}

/// <summary>At 06:00 on the first of each month (UK time), queues last month's report for each scheduled scope.</summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("commissioner-reports-monthly", "hub");

    public const string Schedule = "0 0 6 1 * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new QueueMonthlyReports(), cancellationToken);
    }
}

/// <summary>Asks the scheduler to run the report job now rather than at its next round.</summary>
internal sealed class QuartzReportQueue(ISchedulerFactory schedulers) : IReportQueue
{
    public async Task NudgeAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(ReportJob.Key, cancellationToken);
    }
}

/// <summary>With the scheduler switched off (Hub:Jobs:Enabled=false) reports wait in the queue for whoever runs the worker.</summary>
internal sealed class NoReportQueue : IReportQueue
{
    public Task NudgeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
