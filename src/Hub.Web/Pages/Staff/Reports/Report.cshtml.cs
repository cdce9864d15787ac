using Hub.Application.Reports.GetReports;
using Hub.Application.Reports.RequestReport;
using Hub.Domain.Reports;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Reports;

/// <summary>
/// One report: its progress (a "Check now" link, and with JavaScript the page looks for itself),
/// then its files with their SHA-256 checksums. The web page is served with a
/// policy that allows its own inline styles and nothing else.
/// </summary>
public sealed class ReportModel(IMediator mediator) : StaffPage
{
    public ReportDetail Report { get; private set; } = null!;

    public bool InProgress => Report.Summary.Status is ReportStatus.Queued or ReportStatus.Running;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        TakeNotice();
        Report = await mediator.Send(new GetReport(id), cancellationToken);
    }

    /// <summary>For the progress script: whether the report has finished, one way or the other.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new GetReport(id), cancellationToken);
        return new JsonResult(new { finished = report.Summary.Status is ReportStatus.Ready or ReportStatus.Failed });
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        var fileKind = ParseEnum<ReportFileKind>(kind) ?? throw new Application.Common.Exceptions.NotFoundException("That file of the report");
        var file = await mediator.Send(new GetReportFile(id, fileKind), cancellationToken);
        Response.Headers["X-Content-SHA256"] = file.Sha256;
        if (fileKind == ReportFileKind.Html)
        {
            // The report page carries its own styles inline; it runs no script and fetches nothing.
            Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            return File(file.Content, file.ContentType);
        }
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new RetryReport(id), cancellationToken);
        SetNotice("The report is being made again.");
        return Redirect($"/staff/reports/{id}");
    }
}
