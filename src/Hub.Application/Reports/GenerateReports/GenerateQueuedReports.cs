using System.Text;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Figures;
using Hub.Domain.Reports;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Application.Reports.GenerateReports;

/// <summary>
/// The background worker's round: makes every queued report, oldest first. For each, the figures,
/// the web page and the CSV are saved first; then the PDF. If the PDF cannot be made the report
/// ends as failed with what to do, and the page and CSV stay available; a PDF is saved only whole.
/// </summary>
public sealed record GenerateQueuedReports(int Limit = 20) : IRequest<int>, Common.Interfaces.IRoutineJobRequest;

public sealed class GenerateQueuedReportsHandler(
    IApplicationDbContext db, IReportDocument document, IPdfRenderer pdf, TimeProvider clock, ILogger<GenerateQueuedReportsHandler> logger)
    : IRequestHandler<GenerateQueuedReports, int>
{
    /// <summary>Longer than any report takes (the PDF alone is stopped after a minute): a run this old was abandoned.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);

    public async Task<int> Handle(GenerateQueuedReports request, CancellationToken cancellationToken)
    {
        await RequeueAbandonedAsync(cancellationToken);
        var queued = await db.ReportRuns.Where(r => r.Status == ReportStatus.Queued).OrderBy(r => r.RequestedAt)
            .Select(r => r.Id).Take(request.Limit).ToListAsync(cancellationToken);
        var made = 0;
        foreach (var id in queued)
        {
            if (await MakeAsync(id, cancellationToken))
            {
                made++;
            }
        }
        return made;
    }

    private async Task RequeueAbandonedAsync(CancellationToken cancellationToken)
    {
        var startedBefore = clock.GetUtcNow() - Abandoned;
        var stuck = await db.ReportRuns.Where(r => r.Status == ReportStatus.Running && r.StartedAt <= startedBefore).ToListAsync(cancellationToken);
        if (stuck.Count == 0)
        {
            return;
        }
        foreach (var run in stuck)
        {
            run.RequeueIfAbandoned(clock.GetUtcNow(), Abandoned);
        }
        // False when another instance got there first: nothing more to do.
        if (await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency))
        {
            logger.LogWarning("{Count} abandoned report(s) put back in the queue", stuck.Count);
        }
    }

    private async Task<bool> MakeAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await db.ReportRuns.FirstAsync(r => r.Id == id, cancellationToken);
        if (run.Status != ReportStatus.Queued)
        {
            return false;
        }
        run.Start(clock.GetUtcNow());
        if (!await db.TrySaveAsync(cancellationToken, SaveClash.Concurrency))
        {
            // Another instance started it first.
            return false;
        }

        try
        {
            var filter = new FigureFilter(run.From, run.To, run.TeamId, null, run.Neighbourhood);
            var neighbourhoods = await ReportScopes.NeighbourhoodsAsync(db, cancellationToken);
            var report = await BuildAsync(filter, neighbourhoods, run.ScopeLabel, cancellationToken);
            // The summary's previous period is a whole report of its own, counted and suppressed by
            // the same code, so its headline figures are published values too.
            var (previousFrom, previousTo) = ReportHeadlines.PreviousPeriod(filter.From, filter.To);
            var previous = await BuildAsync(filter with { From = previousFrom, To = previousTo }, neighbourhoods, run.ScopeLabel, cancellationToken);
            report = report with { Summary = ReportHeadlines.Compare(report, previous) };
            var html = document.Render(report);

            await ReplaceFileAsync(run.Id, ReportFileKind.Html, Encoding.UTF8.GetBytes(html), cancellationToken);
            await ReplaceFileAsync(run.Id, ReportFileKind.Csv, Encoding.UTF8.GetBytes(ReportCsv.Write(report)), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            try
            {
                var bytes = await pdf.RenderAsync(html, cancellationToken);
                await ReplaceFileAsync(run.Id, ReportFileKind.Pdf, bytes, cancellationToken);
                run.Complete(clock.GetUtcNow());
            }
            catch (PdfUnavailableException ex)
            {
                run.Fail($"The web page and CSV are ready, but the PDF could not be made. {ex.Message}", clock.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Report {ReportId} could not be made", run.Id);
            db.DiscardChanges();
            var again = await db.ReportRuns.FirstAsync(r => r.Id == id, cancellationToken);
            // Only while this worker still holds it: an abandoned run may have been taken up again elsewhere.
            if (again.Status == ReportStatus.Running && again.StartedAt == run.StartedAt)
            {
                again.Fail("The report could not be made because of an error in the hub. Try again; if it fails again, tell the hub's support team.", clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }
            return false;
        }
    }

    private async Task<CommissionerReport> BuildAsync(FigureFilter filter, IReadOnlyList<string> neighbourhoods, string scopeLabel, CancellationToken cancellationToken)
    {
        var facts = await db.LoadFactsAsync(filter, clock.GetUtcNow(), cancellationToken);
        var access = await db.LoadAccessAsync(filter, cancellationToken);
        return CommissionerReport.Build(HubFigures.From(facts), access, neighbourhoods, scopeLabel, clock.GetUtcNow());
    }

    private async Task ReplaceFileAsync(Guid reportId, ReportFileKind kind, byte[] content, CancellationToken cancellationToken)
    {
        var old = await db.ReportFiles.FirstOrDefaultAsync(f => f.ReportId == reportId && f.Kind == kind, cancellationToken);
        if (old is not null)
        {
            db.ReportFiles.Remove(old);
            await db.SaveChangesAsync(cancellationToken);
        }
        db.ReportFiles.Add(new ReportFile(reportId, kind, content, clock.GetUtcNow()));
    }
}
