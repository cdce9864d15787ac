using Hub.Domain.Reports;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Hub.Web.Pages.Staff.Reports;

/// <summary>How a report's state reads on the pages.</summary>
public static class ReportView
{
    public static IHtmlContent StateTag(ReportStatus status)
    {
        var (colour, text) = status switch
        {
            ReportStatus.Queued => ("grey", "Waiting to start"),
            ReportStatus.Running => ("blue", "Being made"),
            ReportStatus.Ready => ("green", "Ready"),
            _ => ("red", "Not finished"),
        };
        var tag = new TagBuilder("strong");
        tag.Attributes["class"] = $"nhsuk-tag nhsuk-tag--{colour}";
        tag.InnerHtml.Append(text);
        return tag;
    }

    public static string FileName(ReportFileKind kind) => kind switch
    {
        ReportFileKind.Pdf => "PDF",
        ReportFileKind.Csv => "CSV",
        _ => "Web page",
    };
}
