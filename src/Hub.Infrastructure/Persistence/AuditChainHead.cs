using Hub.Domain.Audit;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// The single row that holds the end of the sealed audit chain and the sealer's lease. Only the
/// sealer (<see cref="Jobs.AuditSealer"/>) touches it: requests insert unsealed audit rows and never
/// read or lock it (docs/decisions/032).
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = AuditEvent.GenesisHash;

    /// <summary>The job instance now sealing, or null. Taken by a conditional update, so one instance seals at a time.</summary>
    public string? LeaseHolder { get; set; }

    /// <summary>When the lease lapses if its holder stops without giving it back.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }
}
