using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.IntegrationTests.Persistence;

/// <summary>Counts the SQL commands EF sends, for tests that a request costs the same whatever the data, and keeps their text to say which they were.</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<SeenCommand> _commands = new();
    public int Count => Volatile.Read(ref _count);
    public IReadOnlyList<string> Texts => [.. _texts];

    /// <summary>The commands' text and parameter values as they were sent (the provider reuses its command objects).</summary>
    public IReadOnlyList<SeenCommand> Commands => [.. _commands];

    public sealed record SeenCommand(string Text, IReadOnlyDictionary<string, object?> Parameters);

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _texts.Clear();
        _commands.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Seen(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        _texts.Enqueue(command.CommandText);
        _commands.Enqueue(new SeenCommand(command.CommandText,
            command.Parameters.Cast<DbParameter>().ToDictionary(p => p.ParameterName.TrimStart('@'), p => p.Value is DBNull ? null : p.Value)));
    }
}
