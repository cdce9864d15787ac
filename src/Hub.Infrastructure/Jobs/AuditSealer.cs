using Hub.Domain.Audit;
using Hub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Infrastructure.Jobs;

/// <summary>
/// Seals the audit rows that requests inserted unsealed (docs/decisions/032): in batches, oldest
/// first, each batch one transaction that takes the sealer's lease on the chain head with one
/// conditional update (which also locks that row), reads the head, gives each row the next position
/// and its keyed hash, and moves the head. Only the sealer ever touches the head, so no request
/// waits on it. Positions are given here, in the order the sealer finds committed rows, never at
/// insert: a row that commits late simply takes a later place. A crash rolls back the batch and the
/// lease with it; the rows stay unsealed and the next run seals them.
/// </summary>
public sealed class AuditSealer(HubDbContext db, AuditKey key, TimeProvider clock, ILogger<AuditSealer> logger)
{
    /// <summary>How long an instance holds the lease between batches; one that dies loses it after this.</summary>
    public static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(1);

    public const int BatchSize = 500;

    /// <summary>Seals everything unsealed now; returns how many rows were sealed (0 when another instance holds the lease).</summary>
    public async Task<AuditSealResult> SealAsync(string instance, CancellationToken cancellationToken)
    {
        var total = new AuditSealResult(0, 0, LeaseHeldElsewhere: false);
        while (true)
        {
            var batch = await SealBatchAsync(instance, cancellationToken);
            total = new(total.Sealed + batch.Sealed, total.WithoutValidMac + batch.WithoutValidMac, batch.LeaseHeldElsewhere);
            if (batch.LeaseHeldElsewhere || batch.Sealed < BatchSize)
            {
                return total;
            }
        }
    }

    private Task<AuditSealResult> SealBatchAsync(string instance, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear(); // a retry starts from what the database holds
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = clock.GetUtcNow();
            var until = now + LeaseFor;
            var taken = await db.AuditChainHeads
                .Where(h => h.Id == AuditChainHead.SingletonId && (h.LeaseHolder == null || h.LeaseHolder == instance || h.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LeaseHolder, instance).SetProperty(h => h.LeaseExpiresAt, until), token);
            if (taken == 0)
            {
                return new AuditSealResult(0, 0, LeaseHeldElsewhere: true);
            }

            var rows = await db.AuditEvents.Where(e => e.Sequence == null).OrderBy(e => e.At).ThenBy(e => e.Id).Take(BatchSize).ToListAsync(token);
            if (rows.Count == 0)
            {
                return new AuditSealResult(0, 0, LeaseHeldElsewhere: false); // rolled back: the lease with it
            }
            var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, token);
            var (sequence, hash, withoutMac) = (head.LastSequence, head.LastHash, 0);
            foreach (var row in rows)
            {
                if (!row.MacIsValid(key))
                {
                    // Sealed as found, so the evidence stays in the chain; verify-audit reports it. Ids only in the log.
                    withoutMac++;
                    logger.LogWarning("Audit row {AuditRowId} does not match its MAC (edited, or not written by the hub): sealed as found at {Sequence}",
                        row.Id, sequence + 1);
                }
                row.Seal(sequence, hash, key);
                (sequence, hash) = (row.Sequence!.Value, row.Hash!);
            }
            await db.SaveChangesAsync(token);
            // The last batch of a run gives the lease back; a full one keeps it for the next.
            var last = rows.Count < BatchSize;
            await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.LastSequence, sequence)
                .SetProperty(h => h.LastHash, hash)
                .SetProperty(h => h.LeaseHolder, last ? null : instance)
                .SetProperty(h => h.LeaseExpiresAt, last ? null : until), token);
            await transaction.CommitAsync(token);
            db.ChangeTracker.Clear();
            return new AuditSealResult(rows.Count, withoutMac, LeaseHeldElsewhere: false);
        }, cancellationToken);
}

/// <summary>What one sealing run did.</summary>
public sealed record AuditSealResult(int Sealed, int WithoutValidMac, bool LeaseHeldElsewhere);
