using Hub.Application.SupportPlans.Staff.SendReviewReminders;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hub.Infrastructure.Jobs;

/// <summary>Every hour, queues the plan review reminders that are due (each review date gets one). One run at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class ReviewReminderJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("plan-review-reminders", "hub");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendReviewReminders(), cancellationToken);
    }
}
