using Hub.Domain.Reports;
using Microsoft.AspNetCore.Html;

namespace Hub.Web.Pages.Staff.Reports;

/// <summary>How a report's state reads on the pages.</summary>
public static class ReportView
{
    public static IHtmlContent StateTag(ReportStatus status) => new HtmlString(status switch
    {
        ReportStatus.Queued => "<strong class=\"nhsuk-tag nhsuk-tag--grey\">Waiting to start</strong>",
        ReportStatus.Running => "<strong class=\"nhsuk-tag nhsuk-tag--blue\">Being made</strong>",
        ReportStatus.Ready => "<strong class=\"nhsuk-tag nhsuk-tag--green\">Ready</strong>",
        _ => "<strong class=\"nhsuk-tag nhsuk-tag--red\">Not finished</strong>",
    });

    public static string FileName(ReportFileKind kind) => kind switch
    {
        ReportFileKind.Pdf => "PDF",
        ReportFileKind.Csv => "CSV",
        _ => "Web page",
    };
}
