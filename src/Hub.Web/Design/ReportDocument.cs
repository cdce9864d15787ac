using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Application.Reports;
using Hub.Application.Reports.Suppression;
using Hub.Web.Design.Charts;
using Microsoft.Extensions.Options;

namespace Hub.Web.Design;

/// <summary>
/// The commissioner report as one self-contained page: viewed in the browser as it is and printed
/// by Chromium to an A4 PDF. Every page of the PDF carries the hub's name, the period, the scope and
/// its page number (CSS page margin boxes); a contents list links the sections; each table repeats
/// its headings when it runs onto the next page and never splits a row; a definitions appendix
/// states every measure and the suppression rule. Charts are inline SVG from <see cref="Charts"/>.
/// </summary>
public sealed class ReportDocument(IOptions<HubOptions> options) : IReportDocument
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public string Render(CommissionerReport report)
    {
        var hub = options.Value.Name;
        var title = $"{hub}: commissioner report, {report.Period}";
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
          .Append(E(title)).Append("</title><style>").Append(Styles(hub, report)).Append("</style></head><body>");

        sb.Append("<header class=\"cover\"><p class=\"hub\">").Append(E(hub)).Append("</p>");
        sb.Append("<h1>Commissioner report</h1>");
        sb.Append("<dl class=\"about\"><dt>Period</dt><dd>").Append(E(report.Period)).Append("</dd>");
        sb.Append("<dt>Scope</dt><dd>").Append(E(report.ScopeLabel)).Append("</dd>");
        sb.Append("<dt>Made</dt><dd>").Append(E(UkTime.Format(report.GeneratedAt))).Append("</dd></dl>");
        sb.Append("<p class=\"notice\">Aggregate figures only. Small numbers are suppressed: * stands for a count from 1 to 4 or a figure hidden to protect one, and other counts are rounded to the nearest 5. See <a href=\"#definitions\">Definitions</a>.</p></header>");

        sb.Append("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>");
        foreach (var section in report.Sections)
        {
            sb.Append("<li><a href=\"#").Append(section.Id).Append("\">").Append(E(section.Title)).Append("</a></li>");
        }
        sb.Append("<li><a href=\"#definitions\">Definitions</a></li></ol></nav>");

        var tableNumber = 0;
        foreach (var section in report.Sections)
        {
            sb.Append("<section aria-labelledby=\"").Append(section.Id).Append("\"><h2 id=\"").Append(section.Id).Append("\">").Append(E(section.Title)).Append("</h2>");
            sb.Append("<p>").Append(E(section.Intro)).Append("</p>");
            foreach (var table in section.Tables)
            {
                tableNumber++;
                Table(sb, table, $"t{tableNumber}");
            }
            sb.Append("</section>");
        }

        sb.Append("<section aria-labelledby=\"definitions\" class=\"appendix\"><h2 id=\"definitions\">Definitions</h2><dl class=\"definitions\">");
        foreach (var d in report.Definitions)
        {
            sb.Append("<dt>").Append(E(d.Term)).Append("</dt><dd>").Append(E(d.Meaning)).Append("</dd>");
        }
        sb.Append("</dl></section></body></html>");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, ReportTable table, string id)
    {
        var chartable = table.ChartColumn is { } charted && table.Rows.Any(r => !r.IsTotal && (r.Values[charted].IsSuppressed || r.Values[charted].Number is > 0));
        sb.Append("<div class=\"figure\">");
        if (chartable)
        {
            var column = table.ChartColumn!.Value;
            var bars = table.Rows.Where(r => !r.IsTotal).Select(r => r.Values[column].IsSuppressed
                ? ChartBar.Suppressed(r.Group)
                : new ChartBar(r.Group, r.Values[column].Number ?? 0) { DisplayText = r.Values[column].Text }).ToList();
            sb.Append(Charts.Charts.Render(new BarChart(table.Title, table.Columns[column].ToLowerInvariant(), bars)
            {
                LabelHeading = table.GroupHeading,
                ValueHeading = table.Columns[column],
                ShowTable = false,
                Description = "Counts rounded to the nearest 5; * is suppressed. The table below gives every figure.",
            }, id + "-chart").ToString());
        }
        sb.Append("<table><caption>").Append(E(table.Title)).Append("</caption><thead><tr><th scope=\"col\">").Append(E(table.GroupHeading)).Append("</th>");
        foreach (var heading in table.Columns)
        {
            sb.Append("<th scope=\"col\" class=\"number\">").Append(E(heading)).Append("</th>");
        }
        sb.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            sb.Append(row.IsTotal ? "<tr class=\"total\">" : "<tr>").Append("<th scope=\"row\">").Append(E(row.Group)).Append("</th>");
            foreach (var value in row.Values)
            {
                sb.Append("<td class=\"number\">").Append(Cell(value)).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (table.Note is { } note)
        {
            sb.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
        }
        sb.Append("</div>");
    }

    /// <summary>A suppressed cell says so to a screen reader as well as showing the star.</summary>
    private static string Cell(SuppressedValue value) => value.IsSuppressed
        ? "<span aria-hidden=\"true\">*</span><span class=\"nhsuk-u-visually-hidden\">suppressed</span>"
        : E(value.Text);

    private static string Styles(string hub, CommissionerReport report) => string.Concat(
        "@page{size:A4;margin:24mm 16mm 20mm 16mm;",
        "@top-left{content:\"", Css(hub), " \\2014  ", Css(report.Period), "\";font:9pt Arial,Helvetica,sans-serif;color:#4c6272}",
        "@top-right{content:\"", Css(report.ScopeLabel), "\";font:9pt Arial,Helvetica,sans-serif;color:#4c6272}",
        "@bottom-center{content:\"Page \" counter(page) \" of \" counter(pages);font:9pt Arial,Helvetica,sans-serif;color:#4c6272}}",
        "body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.4;color:#212b32;max-width:60rem;margin:0 auto;padding:0 16px}",
        "h1{font-size:24pt;margin:0 0 8pt}h2{font-size:16pt;margin:20pt 0 6pt;border-bottom:2px solid #005eb8;break-after:avoid}",
        ".hub{font-weight:bold;color:#005eb8;margin:0}.about{display:grid;grid-template-columns:8em 1fr;gap:2pt 8pt}.about dt{font-weight:bold}.about dd{margin:0}",
        ".notice{border-left:6px solid #005eb8;padding:6pt 10pt;background:#eef7ff}",
        "section{break-before:page}nav ol{columns:2}nav li{margin:0 0 6pt}nav a{display:inline-block;min-height:24px;padding:2px 0}",
        ".figure{margin:0 0 16pt}.hub-chart{margin:0 0 8pt;break-inside:avoid}.hub-chart__svg{display:block;max-width:30rem;height:auto}",
        ".hub-chart__caption .nhsuk-heading-s{font-weight:bold;display:block}.hub-chart__description{display:block;font-size:9pt;color:#4c6272}",
        ".nhsuk-u-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;border:0!important;white-space:nowrap!important}",
        "table{border-collapse:collapse;width:100%;margin:4pt 0}caption{text-align:left;font-weight:bold;padding:4pt 0}",
        "thead{display:table-header-group}tr{break-inside:avoid}th,td{border-bottom:1px solid #d8dde0;padding:3pt 6pt;text-align:left;vertical-align:top}",
        "tbody th{min-width:7em}thead th{border-bottom:2px solid #212b32}.number{text-align:right}tr.total th,tr.total td{font-weight:bold;border-top:2px solid #212b32}",
        ".note{font-size:9.5pt;color:#4c6272}.definitions dt{font-weight:bold;margin-top:6pt}.definitions dd{margin:0 0 4pt;break-inside:avoid}.definitions dt{break-after:avoid}",
        "@media screen{body{padding:24px 16px}section{border-top:1px solid #d8dde0;margin-top:24px}}");

    /// <summary>Text inside a CSS string: quotes, backslashes and line breaks escaped, and "&lt;" so nothing can close the style element.</summary>
    private static string Css(string text) =>
        new(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("<", "\\3C ", StringComparison.Ordinal)
            .Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static string E(string text) => Encoder.Encode(text);
}
