using System.Security.Cryptography;
using Hub.Domain.Audit;
using Microsoft.Extensions.Configuration;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// This process as a writer of audit rows: a fresh id at each start and its own count of rows. A
/// save that fails and rolls back gives its numbers back, and the next rows saved take them first,
/// so a number missing from the database between two stored ones means a removed row
/// (<see cref="AuditChainCheck"/>). One per process and database, whatever the number of hosts in
/// the process: the numbering must be whole within each database.
/// </summary>
public sealed class AuditWriter
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, AuditWriter> s_writers = new();

    /// <summary>This process's writer for the database at <paramref name="connectionString"/> (kept in memory only).</summary>
    public static AuditWriter For(string connectionString) => s_writers.GetOrAdd(connectionString, _ => new AuditWriter(Guid.CreateVersion7()));

    private readonly Lock _lock = new();
    private readonly SortedSet<long> _returned = [];
    private long _last;

    private AuditWriter(Guid id) => Id = id;

    public Guid Id { get; }

    public long Take()
    {
        lock (_lock)
        {
            if (_returned.Count > 0)
            {
                var number = _returned.Min;
                _returned.Remove(number);
                return number;
            }
            return ++_last;
        }
    }

    public void GiveBack(long number)
    {
        lock (_lock)
        {
            _returned.Add(number);
        }
    }
}

/// <summary>
/// Where the audit key comes from: <c>Hub:Audit:Key</c> (base64, at least 32 bytes) from a secret
/// store or an environment variable, never the database. Without it a development key is used,
/// which the web host refuses outside Development, Testing and Benchmark (see Program.cs).
/// </summary>
public static class AuditKeys
{
    public const string Setting = "Hub:Audit:Key";

    /// <summary>Public on purpose: it protects nothing, so a real deployment must set its own.</summary>
    private static readonly byte[] Development = SHA256.HashData("Living Well Hub development audit key: not a secret"u8);

    public static AuditKey From(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } value ? new AuditKey(Convert.FromBase64String(value)) : new AuditKey(Development);

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[Setting]);
}
