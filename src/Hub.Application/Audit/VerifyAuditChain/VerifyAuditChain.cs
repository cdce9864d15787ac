using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Audit.VerifyAuditChain;

/// <summary>Re-computes the audit chain end to end; reports the first row that was altered, removed or inserted.</summary>
public sealed record VerifyAuditChain : IRequest<AuditChainReport>;

public sealed record AuditChainReport(long RowsChecked, long? FirstBrokenSequence)
{
    public bool Intact => FirstBrokenSequence is null;
}

public sealed class VerifyAuditChainHandler(IApplicationDbContext db) : IRequestHandler<VerifyAuditChain, AuditChainReport>
{
    public async Task<AuditChainReport> Handle(VerifyAuditChain request, CancellationToken cancellationToken)
    {
        var count = 0L;
        var rows = db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var buffered = new List<AuditEvent>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            buffered.Add(row);
            count++;
        }
        return new AuditChainReport(count, AuditEvent.FindFirstBreak(buffered));
    }
}
