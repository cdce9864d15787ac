using Hub.Domain.Audit;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
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

            // On PostgreSQL the rows are written back by one set-based update, so they need no tracking.
            var setBased = db.Database.IsNpgsql();
            var unsealed = db.AuditEvents.Where(e => e.Sequence == null).OrderBy(e => e.At).ThenBy(e => e.Id).Take(BatchSize);
            var rows = await (setBased ? unsealed.AsNoTracking() : unsealed).ToListAsync(token);
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
            if (setBased)
            {
                await WriteSealsAsync(rows, token);
            }
            else
            {
                await db.SaveChangesAsync(token);
            }
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

    /// <summary>
    /// The batch's positions and hashes as one UPDATE joined to arrays of the new values (PostgreSQL):
    /// one statement and one plan for the whole batch, instead of an UPDATE per row. The append-only
    /// trigger still checks every row it changes. Table and column names come from the EF model.
    /// </summary>
    private async Task WriteSealsAsync(List<AuditEvent> rows, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(AuditEvent))!;
        var quoting = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => StoreNames.Column(entity, property, quoting);
        var name = StoreNames.Table(entity, quoting);
        var sql = PreparedStatements.Marked($"UPDATE {name} AS e SET {Column(nameof(AuditEvent.Sequence))} = v.sequence, {Column(nameof(AuditEvent.PreviousHash))} = v.previous_hash, " +
                  $"{Column(nameof(AuditEvent.Hash))} = v.hash FROM unnest(@ids, @sequences, @previous, @hashes) AS v(id, sequence, previous_hash, hash) " +
                  $"WHERE e.{Column(nameof(AuditEvent.Id))} = v.id AND e.{Column(nameof(AuditEvent.Sequence))} IS NULL");
        var written = await db.Database.ExecuteSqlRawAsync(sql, [
            new NpgsqlParameter<Guid[]>("ids", rows.Select(r => r.Id).ToArray()),
            new NpgsqlParameter<long[]>("sequences", rows.Select(r => r.Sequence!.Value).ToArray()),
            new NpgsqlParameter<string[]>("previous", rows.Select(r => r.PreviousHash!).ToArray()),
            new NpgsqlParameter<string[]>("hashes", rows.Select(r => r.Hash!).ToArray()),
        ], cancellationToken);
        if (written != rows.Count)
        {
            // Only the lease holder seals, inside the lease's transaction: a row sealed meanwhile means that promise broke.
            throw new InvalidOperationException($"Sealing wrote {written} of {rows.Count} audit rows: another writer sealed rows under this sealer's lease.");
        }
    }
}

/// <summary>What one sealing run did.</summary>
public sealed record AuditSealResult(int Sealed, int WithoutValidMac, bool LeaseHeldElsewhere);
