using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Audit.VerifyAuditChain;

/// <summary>
/// Checks the whole audit trail (docs/decisions/032): the sealed chain end to end, every row's MAC,
/// sealed or not, and each writer's numbering; reports the unsealed tail.
/// </summary>
public sealed record VerifyAuditChain : IRequest<AuditChainReport>;

/// <param name="SealedRows">Rows in the chain.</param>
/// <param name="UnsealedRows">Rows written and not yet sealed (the sealer's backlog).</param>
/// <param name="FirstBrokenSequence">The first chain position that was altered, removed, inserted or moved.</param>
/// <param name="AlteredUnsealed">Unsealed rows whose content does not match their MAC.</param>
/// <param name="MissingRows">Rows missing from a writer's numbering: removed.</param>
/// <param name="MissingNearWriterEnd">Numbers missing near a writer's last row: removed, or a save still in flight (or cut off when its process stopped).</param>
/// <param name="LegacyRows">Rows sealed before keyed MACs, checked by their unkeyed hash.</param>
public sealed record AuditChainReport(long SealedRows, long UnsealedRows, long? FirstBrokenSequence, long AlteredUnsealed,
    long MissingRows, long MissingNearWriterEnd, long LegacyRows)
{
    public long RowsChecked => SealedRows + UnsealedRows;

    public bool Intact => FirstBrokenSequence is null && AlteredUnsealed == 0 && MissingRows == 0;

    /// <summary>One line for the operator (counts and positions only).</summary>
    public string Describe()
    {
        var problems = new List<string>();
        if (FirstBrokenSequence is { } broken)
        {
            problems.Add($"chain broken at position {broken}");
        }
        if (AlteredUnsealed > 0)
        {
            problems.Add($"{AlteredUnsealed} unsealed row(s) altered");
        }
        if (MissingRows > 0)
        {
            problems.Add($"{MissingRows} row(s) removed");
        }
        var tail = $"{SealedRows} sealed, {UnsealedRows} not yet sealed" +
            (LegacyRows > 0 ? $", {LegacyRows} sealed before keyed MACs" : string.Empty) +
            (MissingNearWriterEnd > 0 ? $", {MissingNearWriterEnd} number(s) missing near a writer's end (saves in flight or cut off by a stop)" : string.Empty);
        return Intact ? $"Audit trail intact: {tail}." : $"Audit trail BROKEN: {string.Join("; ", problems)} ({tail}).";
    }
}

public sealed class VerifyAuditChainHandler(IApplicationDbContext db, AuditKey key) : IRequestHandler<VerifyAuditChain, AuditChainReport>
{
    public async Task<AuditChainReport> Handle(VerifyAuditChain request, CancellationToken cancellationToken)
    {
        var check = new AuditChainCheck(key);
        // One query, so one snapshot: a row sealed while this runs is seen once, sealed or not.
        var rows = db.AuditEvents.AsNoTracking()
            .OrderBy(e => e.Sequence == null).ThenBy(e => e.Sequence).ThenBy(e => e.At).ThenBy(e => e.Id)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.IsSealed)
            {
                check.AddSealed(row);
            }
            else
            {
                check.AddUnsealed(row);
            }
        }
        var (removed, nearEnd) = check.Gaps();
        return new AuditChainReport(check.SealedRows, check.UnsealedRows, check.FirstBrokenSequence, check.AlteredUnsealed.Count,
            removed, nearEnd, check.LegacyRows);
    }
}
