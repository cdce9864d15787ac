using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Reports;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Reports.GetReports;

/// <summary>The archive: reports newest first, with their state.</summary>
public sealed record GetReports(int Page = 1) : IRequest<ReportList>;

public sealed record ReportList(IReadOnlyList<ReportSummary> Reports, int Page, bool HasNext);

public sealed record ReportSummary(Guid Id, DateOnly From, DateOnly To, string ScopeLabel, ReportTrigger Trigger, string RequestedBy, DateTimeOffset RequestedAt, ReportStatus Status);

/// <summary>One report: what it counts, who asked, how far it has got, and its files with checksums.</summary>
public sealed record GetReport(Guid ReportId) : IRequest<ReportDetail>;

public sealed record ReportDetail(ReportSummary Summary, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? FailureMessage, IReadOnlyList<ReportFileSummary> Files);

public sealed record ReportFileSummary(ReportFileKind Kind, string Sha256, int Bytes, DateTimeOffset CreatedAt);

/// <summary>One archived file, byte for byte as it was made.</summary>
public sealed record GetReportFile(Guid ReportId, ReportFileKind Kind) : IRequest<ReportFileContent>;

public sealed record ReportFileContent(string FileName, string ContentType, byte[] Content, string Sha256);

public sealed class GetReportsHandler(IApplicationDbContext db, ICurrentUser user, IStaffDirectory staff)
    : IRequestHandler<GetReports, ReportList>, IRequestHandler<GetReport, ReportDetail>, IRequestHandler<GetReportFile, ReportFileContent>
{
    public const int PageSize = 25;

    public async Task<ReportList> Handle(GetReports request, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureAllowed(user);
        var page = Math.Max(1, request.Page);
        var runs = await db.ReportRuns.AsNoTracking().OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        var names = await staff.DisplayNames(runs.Where(r => r.RequestedByUserId is not null).Select(r => r.RequestedByUserId!.Value), cancellationToken);
        return new ReportList(runs.Take(PageSize).Select(r => Summary(r, names)).ToList(), page, runs.Count > PageSize);
    }

    public async Task<ReportDetail> Handle(GetReport request, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureAllowed(user);
        var run = await db.ReportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.ReportId, cancellationToken) ?? throw new NotFoundException("That report");
        var files = await db.ReportFiles.AsNoTracking().Where(f => f.ReportId == run.Id).OrderBy(f => f.Kind)
            .Select(f => new ReportFileSummary(f.Kind, f.Sha256, f.Content.Length, f.CreatedAt)).ToListAsync(cancellationToken);
        var names = await staff.DisplayNames(run.RequestedByUserId is { } by ? [by] : [], cancellationToken);
        return new ReportDetail(Summary(run, names), run.StartedAt, run.CompletedAt, run.FailureMessage, files);
    }

    public async Task<ReportFileContent> Handle(GetReportFile request, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureAllowed(user);
        var run = await db.ReportRuns.AsNoTracking().Where(r => r.Id == request.ReportId).Select(r => new { r.From, r.To }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That report");
        var file = await db.ReportFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ReportId == request.ReportId && f.Kind == request.Kind, cancellationToken)
            ?? throw new NotFoundException("That file of the report");
        var extension = request.Kind switch { ReportFileKind.Pdf => "pdf", ReportFileKind.Csv => "csv", _ => "html" };
        return new ReportFileContent($"living-well-hub-report-{run.From:yyyy-MM-dd}-to-{run.To:yyyy-MM-dd}.{extension}", file.ContentType, file.Content, file.Sha256);
    }

    private static ReportSummary Summary(ReportRun r, IReadOnlyDictionary<Guid, string> names) =>
        new(r.Id, r.From, r.To, r.ScopeLabel, r.Trigger,
            r.RequestedByUserId is { } by ? names.TryGetValue(by, out var n) ? n : "A former member of staff" : "Monthly schedule",
            r.RequestedAt, r.Status);
}

/// <summary>What a report can cover: the whole hub, a team, or a neighbourhood the partnership works in.</summary>
public sealed record GetReportScopes : IRequest<ReportScopeOptions>;

public sealed record ReportScopeOptions(IReadOnlyList<Dashboards.GetDashboard.TeamOption> Teams, IReadOnlyList<string> Neighbourhoods);

public sealed class GetReportScopesHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetReportScopes, ReportScopeOptions>
{
    public async Task<ReportScopeOptions> Handle(GetReportScopes request, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureAllowed(user);
        var teams = await ReportScopes.TeamsAsync(db, cancellationToken);
        var neighbourhoods = await ReportScopes.NeighbourhoodsAsync(db, cancellationToken);
        return new ReportScopeOptions(teams, neighbourhoods);
    }
}
