using System.Diagnostics;
using Hub.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Hub.Application.Common.Behaviours;

/// <summary>
/// Logs the request's name, the user and how long it took. Never the request itself: requests
/// carry people's words and contact details.
/// </summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next();
        }
        finally
        {
            logger.Log(request is IRoutineJobRequest ? LogLevel.Debug : LogLevel.Information, "Handled {Request} for user {UserId} ({Role}) in {ElapsedMs} ms",
                typeof(TRequest).Name, user.UserId, user.Role, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
