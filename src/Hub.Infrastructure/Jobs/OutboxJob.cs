using Hub.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hub.Infrastructure.Jobs;

/// <summary>The recurring Quartz job that drains the email outbox. One run at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("email-outbox", "hub");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchAsync(context.Scheduler.SchedulerInstanceId, batchSize: 50, cancellationToken);
    }
}
