using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hub.TestSupport;

/// <summary>Keeps every log entry at every level, as written: its message, its structured values and any exception in full.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <param name="Text">The formatted message, each structured value, and the exception as ToString gives it.</param>
    public sealed record Entry(string Category, LogLevel Level, string Text);

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            provider.Entries.Enqueue(new Entry(category, logLevel, $"{formatter(state, exception)} {values} {exception}"));
        }
    }
}
