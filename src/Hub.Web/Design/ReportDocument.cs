using Hub.Application.Common.Interfaces;
using Hub.Application.Reports;
using Hub.Application.Reports.Suppression;
using Hub.Web.Design.Charts;
using Hub.Web.Design.Documents;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Options;

namespace Hub.Web.Design;

/// <summary>
/// The commissioner report as one self-contained page: viewed in the browser as it is and printed
/// by Chromium to an A4 PDF. Every page of the PDF carries the hub's name, the period, the scope and
/// its page number (CSS page margin boxes). Page 1 is the summary: the headline figures beside the
/// previous period's. A contents list links the sections, which run on from one another; a table is
/// kept whole on one page with its section heading and chart where it fits, and a longer one repeats
/// its headings when it runs onto the next page and never splits a row; a definitions appendix
/// starts a page of its own and states every measure and the suppression rule. Charts are inline
/// SVG from <see cref="Charts"/>, drawn only where there are bars to draw. The view is
/// <c>Design/Documents/Report.cshtml</c>.
/// </summary>
public sealed class ReportDocument(IOptions<HubOptions> options, IRazorViewToString views) : IReportDocument
{
    public sealed record Page(CommissionerReport Report, string Hub)
    {
        public string Title => $"{Hub}: commissioner report, {Report.Period}";
    }

    // Rendering into a StringWriter completes without waiting on anything, so the report job's
    // synchronous IReportDocument is kept.
    public string Render(CommissionerReport report) =>
        views.RenderAsync("/Design/Documents/Report.cshtml", new Page(report, options.Value.Name)).GetAwaiter().GetResult();

    /// <summary>Tables up to this many rows are kept whole on one page; longer ones break between rows and repeat their headings.</summary>
    public const int KeepWholeRows = 24;

    public static string Short(DateOnly from, DateOnly to) =>
        $"{from.ToString(from.Year == to.Year ? "d MMM" : "d MMM yyyy", Application.Common.UkTime.Culture)} to {to.ToString("d MMM yyyy", Application.Common.UkTime.Culture)}";

    /// <summary>The table's chart, when it has at least two figures to draw (the rest hidden or 0 would leave a list of labels, and the table says it all).</summary>
    public static IHtmlContent? Chart(ReportTable table, string id)
    {
        if (table.ChartColumn is not { } column
            || table.Rows.Count(r => !r.IsTotal && !r.Values[column].IsSuppressed && r.Values[column].Number is > 0) < 2)
        {
            return null;
        }
        var bars = table.Rows.Where(r => !r.IsTotal).Select(r => r.Values[column].IsSuppressed
            ? ChartBar.Suppressed(r.Group)
            : new ChartBar(r.Group, r.Values[column].Number ?? 0) { DisplayText = r.Values[column].Text }).ToList();
        return Charts.Charts.Render(new BarChart(table.Title, table.Columns[column].ToLowerInvariant(), bars)
        {
            LabelHeading = table.GroupHeading,
            ValueHeading = table.Columns[column],
            ShowTable = false,
            LabelsBeside = true,
            Description = "Counts rounded to the nearest 5; * is suppressed. The table below gives every figure.",
        }, id + "-chart");
    }

    /// <summary>How a cell shows: a suppressed one says so to a screen reader as well as showing the star; one held back with words shows the words.</summary>
    public enum CellKind { Suppressed, Words, Figure }

    public static CellKind KindOf(SuppressedValue value) => value.IsSuppressed && value.Text == SuppressedValue.Mark
        ? CellKind.Suppressed
        : value.Text.Length > 0 && value.Number is null && value.Text != SuppressedValue.NoRateText ? CellKind.Words : CellKind.Figure;
}
