using Hub.Domain.Audit;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// The single row that holds the end of the audit chain. Every save that adds audit rows updates it
/// first, which serialises chain writers on every provider (a row lock on PostgreSQL and SQL
/// Server, the write lock on SQLite) without provider-specific SQL.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = AuditEvent.GenesisHash;
}
