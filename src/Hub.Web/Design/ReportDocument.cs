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
/// its page number (CSS page margin boxes). Page 1 is the summary: the headline figures beside the
/// previous period's. A contents list links the sections, which run on from one another; a table is
/// kept whole on one page with its section heading and chart where it fits, and a longer one repeats
/// its headings when it runs onto the next page and never splits a row; a definitions appendix
/// starts a page of its own and states every measure and the suppression rule. Charts are inline
/// SVG from <see cref="Charts"/>, drawn only where there are bars to draw.
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
        if (report.Summary is { } compared)
        {
            sb.Append("<dt>Compared with</dt><dd>").Append(E(compared.PreviousPeriod)).Append("</dd>");
        }
        sb.Append("<dt>Scope</dt><dd>").Append(E(report.ScopeLabel)).Append("</dd>");
        sb.Append("<dt>Made</dt><dd>").Append(E(UkTime.Format(report.GeneratedAt))).Append("</dd></dl>");
        sb.Append("<p class=\"notice\">Aggregate figures only. Small numbers are suppressed: * stands for a count from 1 to 4 or a figure hidden to protect one, and other counts are rounded to the nearest 5. See <a href=\"#definitions\">Definitions</a>.</p></header>");
        if (report.Summary is { } summary)
        {
            Summary(sb, report, summary);
        }

        sb.Append("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>");
        if (report.Summary is not null)
        {
            sb.Append("<li><a href=\"#summary\">Summary</a></li>");
        }
        foreach (var section in report.Sections)
        {
            sb.Append("<li><a href=\"#").Append(section.Id).Append("\">").Append(E(section.Title)).Append("</a></li>");
        }
        sb.Append("<li><a href=\"#definitions\">Definitions</a></li></ol></nav>");

        sb.Append("<main class=\"sections\">");
        var tableNumber = 0;
        foreach (var section in report.Sections)
        {
            sb.Append("<section aria-labelledby=\"").Append(section.Id).Append("\">");
            // The heading and its introduction go in the first table's block, so they are never left at the foot of a page.
            var heading = $"<h2 id=\"{section.Id}\">{E(section.Title)}</h2><p>{E(section.Intro)}</p>";
            foreach (var table in section.Tables)
            {
                tableNumber++;
                Table(sb, table, $"t{tableNumber}", heading);
                heading = string.Empty;
            }
            sb.Append(heading).Append("</section>");
        }
        sb.Append("</main>");

        sb.Append("<section aria-labelledby=\"definitions\" class=\"appendix\"><h2 id=\"definitions\">Definitions</h2><dl class=\"definitions\">");
        foreach (var d in report.Definitions)
        {
            sb.Append("<dt>").Append(E(d.Term)).Append("</dt><dd>").Append(E(d.Meaning)).Append("</dd>");
        }
        sb.Append("</dl></section></body></html>");
        return sb.ToString();
    }

    /// <summary>
    /// Page 1: each headline figure beside the previous period's, both taken from whole reports, so
    /// they are suppressed exactly as in the body.
    /// </summary>
    private static void Summary(StringBuilder sb, CommissionerReport report, ReportSummary summary)
    {
        sb.Append("<section aria-labelledby=\"summary\" class=\"summary\"><h2 id=\"summary\">Summary</h2>");
        sb.Append("<p>The headline figures of the period beside those of the period of the same length just before it, ")
          .Append(E(summary.PreviousPeriod)).Append(". Both are counted and suppressed in the same way; the sections that follow give every figure and its breakdown.</p>");
        sb.Append("<table class=\"headlines\"><caption>Headline figures</caption><thead><tr><th scope=\"col\">Measure</th>");
        sb.Append("<th scope=\"col\" class=\"number\">This period<span class=\"period\">").Append(E(Short(report.From, report.To))).Append("</span></th>");
        sb.Append("<th scope=\"col\" class=\"number\">Previous period<span class=\"period\">").Append(E(Short(summary.PreviousFrom, summary.PreviousTo))).Append("</span></th></tr></thead><tbody>");
        foreach (var headline in summary.Headlines)
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(headline.Measure)).Append("</th>");
            sb.Append("<td class=\"number\">").Append(Cell(headline.ThisPeriod)).Append("</td>");
            sb.Append("<td class=\"number previous\">").Append(Cell(headline.PreviousPeriod)).Append("</td></tr>");
        }
        sb.Append("</tbody></table></section>");
    }

    private static string Short(DateOnly from, DateOnly to) =>
        $"{from.ToString(from.Year == to.Year ? "d MMM" : "d MMM yyyy", UkTime.Culture)} to {to.ToString("d MMM yyyy", UkTime.Culture)}";

    /// <summary>Tables up to this many rows are kept whole on one page; longer ones break between rows and repeat their headings.</summary>
    private const int KeepWholeRows = 24;

    private static void Table(StringBuilder sb, ReportTable table, string id, string heading)
    {
        // A chart needs bars: with fewer than two figures to draw (the rest hidden or 0) it would be a list of labels, and the table says it all.
        var chartable = table.ChartColumn is { } charted && table.Rows.Count(r => !r.IsTotal && !r.Values[charted].IsSuppressed && r.Values[charted].Number is > 0) >= 2;
        sb.Append(table.Rows.Count <= KeepWholeRows ? "<div class=\"figure keep\">" : "<div class=\"figure\">").Append(heading);
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
                LabelsBeside = true,
                Description = "Counts rounded to the nearest 5; * is suppressed. The table below gives every figure.",
            }, id + "-chart").ToString());
        }
        sb.Append("<table><caption>").Append(E(table.Title)).Append("</caption><thead><tr><th scope=\"col\">").Append(E(table.GroupHeading)).Append("</th>");
        foreach (var column in table.Columns)
        {
            sb.Append("<th scope=\"col\" class=\"number\">").Append(E(column)).Append("</th>");
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

    /// <summary>A suppressed cell says so to a screen reader as well as showing the star; one held back with words shows the words.</summary>
    private static string Cell(SuppressedValue value) => value.IsSuppressed && value.Text == SuppressedValue.Mark
        ? "<span aria-hidden=\"true\">*</span><span class=\"nhsuk-u-visually-hidden\">suppressed</span>"
        : value.Text.Length > 0 && value.Number is null && value.Text != SuppressedValue.NoRateText
            ? $"<span class=\"words\">{E(value.Text)}</span>"
            : E(value.Text);

    private static string Styles(string hub, CommissionerReport report) => string.Concat(
        "@page{size:A4;margin:24mm 16mm 20mm 16mm;",
        "@top-left{content:\"", Css(hub), " \\2014  ", Css(report.Period), "\";font:9pt Arial,Helvetica,sans-serif;color:#4c6272}",
        "@top-right{content:\"", Css(report.ScopeLabel), "\";font:9pt Arial,Helvetica,sans-serif;color:#4c6272}",
        "@bottom-center{content:\"Page \" counter(page) \" of \" counter(pages);font:9pt Arial,Helvetica,sans-serif;color:#4c6272}}",
        // Colours print as they are, even where a browser's print settings would drop them.
        "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}",
        "body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.4;color:#212b32;max-width:60rem;margin:0 auto;padding:0 16px}",
        "h1{font-size:24pt;margin:0 0 8pt}h2{font-size:16pt;margin:18pt 0 6pt;border-bottom:2px solid #005eb8;break-after:avoid}",
        ".hub{font-weight:bold;color:#005eb8;margin:0}.about{display:grid;grid-template-columns:8em 1fr;gap:2pt 8pt}.about dt{font-weight:bold}.about dd{margin:0}",
        ".notice{border-left:6px solid #005eb8;padding:6pt 10pt;background:#eef7ff}",
        // Page 1 is the cover and the summary; the contents start page 2 and the sections run on after them; the definitions start a page.
        "nav{break-before:page}.appendix{break-before:page}nav ol{columns:2}nav li{margin:0 0 6pt}nav a{display:inline-block;min-height:24px;padding:2px 0}",
        ".headlines{font-size:12pt;margin-top:8pt}.headlines thead th+th{width:24%}.headlines td,.headlines th{padding:6pt 8pt}.headlines td{font-weight:bold;white-space:nowrap}.headlines td.previous{font-weight:normal;color:#4c6272}",
        ".period{display:block;font-weight:normal;font-size:9pt;color:#4c6272}.words{font-size:9.5pt;font-weight:normal;white-space:normal;display:inline-block;max-width:13em;text-align:right}",
        // A table stays on one page with its heading, introduction and chart; one too long for a page breaks between rows and repeats its headings.
        ".figure{margin:0 0 16pt}.keep{break-inside:avoid}.hub-chart{margin:0 0 8pt;break-inside:avoid}.hub-chart__svg{display:block;max-width:30rem;height:auto}",
        ".hub-chart__caption .nhsuk-heading-s{font-weight:bold;display:block}.hub-chart__description{display:block;font-size:9pt;color:#4c6272}",
        ".nhsuk-u-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;border:0!important;white-space:nowrap!important}",
        "table{border-collapse:collapse;width:100%;margin:4pt 0}caption{text-align:left;font-weight:bold;padding:4pt 0}",
        "thead{display:table-header-group}tr{break-inside:avoid}th,td{border-bottom:1px solid #d8dde0;padding:3pt 6pt;text-align:left;vertical-align:top}",
        "tbody th{min-width:7em}thead th{border-bottom:2px solid #212b32;vertical-align:bottom}.number{text-align:right}tr.total th,tr.total td{font-weight:bold;border-top:2px solid #212b32}",
        ".note{font-size:9.5pt;color:#4c6272}.definitions dt{font-weight:bold;margin-top:6pt}.definitions dd{margin:0 0 4pt;break-inside:avoid}.definitions dt{break-after:avoid}",
        "@media screen{body{padding:24px 16px}section{border-top:1px solid #d8dde0;margin-top:24px}}");

    /// <summary>Text inside a CSS string: quotes, backslashes and line breaks escaped, and "&lt;" so nothing can close the style element.</summary>
    private static string Css(string text) =>
        new(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("<", "\\3C ", StringComparison.Ordinal)
            .Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static string E(string text) => Encoder.Encode(text);
}
