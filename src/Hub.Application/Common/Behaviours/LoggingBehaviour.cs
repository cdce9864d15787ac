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
            HandledLog.Handled(logger, request is IRoutineJobRequest ? LogLevel.Debug : LogLevel.Information,
                typeof(TRequest).Name, user.UserId, user.Role, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

/// <summary>The line <see cref="LoggingBehaviour{TRequest, TResponse}"/> writes, generated once (no message parsing or boxing per request).</summary>
internal static partial class HandledLog
{
    [LoggerMessage(EventId = 0, Message = "Handled {Request} for user {UserId} ({Role}) in {ElapsedMs} ms")]
    public static partial void Handled(ILogger logger, LogLevel level, string request, Guid? userId, string role, double elapsedMs);
}
