using Hub.Application.Reports;

namespace Hub.Application.Common.Interfaces;

/// <summary>
/// Lays a commissioner report out as one self-contained HTML page (inline CSS and SVG charts, no
/// script, no external fetches): viewed in the browser as it is, and printed by Chromium to the PDF.
/// </summary>
public interface IReportDocument
{
    string Render(CommissionerReport report);
}

/// <summary>Tells the background worker there is a report waiting, so it starts now rather than at its next round.</summary>
public interface IReportQueue
{
    Task NudgeAsync(CancellationToken cancellationToken);
}
