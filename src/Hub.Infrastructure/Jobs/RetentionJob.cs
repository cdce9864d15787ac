using Hub.Application.PersonalData.ApplyRetention;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Hub.Infrastructure.Jobs;

/// <summary>Every night at 02:30 (UK time), destroys the records past their retention period. One run at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(IServiceScopeFactory scopes, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention", "hub");
    public const string Schedule = "0 30 2 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ApplyRetention(), cancellationToken);
        // Counts only: never who.
        logger.LogInformation("Retention: {Destroyed} records destroyed, {Held} held by a restriction, cutoff {Cutoff:yyyy-MM-dd}",
            result.Destroyed, result.HeldByRestriction, result.Cutoff);
    }
}
