using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Hub.Web.Design.Charts;

/// <summary>
/// Charts drawn on the server as inline SVG, for dashboards and for reports that Chromium prints to
/// PDF: no JavaScript, colours as attributes, and straight after each drawing the same figures as an
/// NHS.UK table, which is what screen readers read and where the keyboard finds the drill-down links.
/// </summary>
/// <example><code>@Charts.Render(Model.ReferralsByNeighbourhood, "by-neighbourhood")</code></example>
public static partial class Charts
{
    /// <summary>The message shown instead of a drawing when there is nothing to draw.</summary>
    public const string NoData = "No data for this period.";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>Horizontal bars with their data table.</summary>
    /// <param name="id">Unique on the page; prefixes every id inside (letters, digits, '-' and '_', starting with a letter).</param>
    public static IHtmlContent Render(BarChart chart, string id) => Figure(chart, id, BarChartSvg.Write);

    /// <summary>Columns over time with their data table.</summary>
    /// <param name="id">Unique on the page; prefixes every id inside (letters, digits, '-' and '_', starting with a letter).</param>
    public static IHtmlContent Render(ColumnChart chart, string id) => Figure(chart, id, ColumnChartSvg.Write);

    private static HtmlString Figure<T>(T chart, string id, Action<T, Svg> draw) where T : Chart
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (!SafeId().IsMatch(id ?? string.Empty))
        {
            throw new ArgumentException("A chart id is letters, digits, '-' and '_', starting with a letter.", nameof(id));
        }
        foreach (var bar in chart.Bars)
        {
            Check(bar);
        }

        var sb = new StringBuilder();
        sb.Append("<figure class=\"hub-chart\" id=\"").Append(id).Append("\">");
        sb.Append("<figcaption class=\"hub-chart__caption\"><span class=\"nhsuk-heading-s nhsuk-u-margin-bottom-2\">").Append(E(chart.Title)).Append("</span>");
        if (chart.Description is { Length: > 0 } description)
        {
            sb.Append("<span class=\"nhsuk-body-s hub-chart__description\"> ").Append(E(description)).Append("</span>");
        }
        sb.Append("</figcaption>");

        if (chart.IsEmpty)
        {
            sb.Append("<p class=\"nhsuk-body hub-chart__empty\">").Append(NoData).Append("</p></figure>");
            return new HtmlString(sb.ToString());
        }

        var svg = new Svg();
        draw(chart, svg);
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hub-chart__svg\" width=\"100%\"")
          .Append(" viewBox=\"0 0 ").Append(Svg.C(svg.Width)).Append(' ').Append(Svg.C(svg.Height)).Append('"')
          .Append(" font-family=\"Frutiger W01, Arial, Helvetica, sans-serif\" role=\"img\"")
          .Append(" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\">");
        sb.Append("<title id=\"").Append(id).Append("-title\">").Append(E(ChartText.Clean(chart.Title))).Append("</title>");
        sb.Append("<desc id=\"").Append(id).Append("-desc\">").Append(E(ChartText.Clean(Summary(chart)))).Append("</desc>");
        sb.Append(svg.Markup);
        sb.Append("</svg>");
        if (chart.ShowTable)
        {
            Table(sb, chart);
        }
        sb.Append("</figure>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>What a screen reader says for the drawing: the description, highest, lowest and total.</summary>
    internal static string Summary(Chart chart)
    {
        var parts = new List<string>();
        if (chart.Description is { Length: > 0 } description)
        {
            parts.Add(description.TrimEnd('.') + ".");
        }
        var shown = chart.Bars.Where(b => !b.IsSuppressed).ToList();
        var suppressed = chart.Bars.Count - shown.Count;
        if (shown.Count == 0)
        {
            parts.Add("Every value is suppressed.");
        }
        else
        {
            var highest = shown.Max(b => b.Value);
            var lowest = shown.Min(b => b.Value);
            parts.Add($"Highest: {Names(shown.Where(b => b.Value == highest))}, {Amount(chart, shown.First(b => b.Value == highest))}.");
            parts.Add($"Lowest: {Names(shown.Where(b => b.Value == lowest))}, {Amount(chart, shown.First(b => b.Value == lowest))}.");
            if (chart.SummariseTotal)
            {
                parts.Add($"{(suppressed > 0 ? "Total of the values shown" : "Total")}: {Quantity(chart, ChartText.Number(shown.Sum(b => b.Value)))}.");
            }
        }
        if (suppressed > 0)
        {
            parts.Add(suppressed == 1 ? "1 value is suppressed." : $"{suppressed} values are suppressed.");
        }
        if (chart.HasComparison)
        {
            parts.Add($"Markers show {Lower(chart.ComparisonHeading)}.");
        }
        parts.Add("The figures are also in the table that follows.");
        return string.Join(' ', parts);
    }

    internal static string Display(ChartBar bar) => bar.DisplayText ?? ChartText.Number(bar.Value);

    internal static string? ComparisonDisplay(ChartBar bar) =>
        bar.ComparisonText ?? (bar.Comparison is { } comparison ? ChartText.Number(comparison) : null);

    /// <summary>Bars and a marker legend, shared by both kinds of chart; returns the height used.</summary>
    internal static double Legend(Chart chart, Svg svg, double width, double top, bool markerIsVertical)
    {
        if (!chart.HasComparison)
        {
            return 0;
        }
        var textX = 34.0;
        var room = width - textX - 4;
        svg.Raw("<g class=\"hub-chart__legend\">");
        svg.Rect(4, top + 4, 22, 14, Svg.Blue, "hub-chart__legend-bar");
        svg.Text(textX, top + 16, ChartText.Fit(ChartText.Clean(chart.ValueName), room, Svg.FontSize), Svg.FontSize, "hub-chart__legend-text");
        var markerMiddle = top + 35;
        if (markerIsVertical)
        {
            svg.Marker(15, markerMiddle - 10, 15, markerMiddle + 10);
        }
        else
        {
            svg.Marker(2, markerMiddle, 28, markerMiddle);
        }
        svg.Text(textX, top + 41, ChartText.Fit(ChartText.Clean(chart.ComparisonHeading), room, Svg.FontSize), Svg.FontSize, "hub-chart__legend-text");
        svg.Raw("</g>");
        return 56;
    }

    private static void Table(StringBuilder sb, Chart chart)
    {
        var comparison = chart.HasComparison;
        sb.Append("<table class=\"nhsuk-table hub-chart__table\">");
        // The figure caption shows the title just above; the table's own caption is for screen readers moving between tables.
        sb.Append("<caption class=\"nhsuk-table__caption nhsuk-u-visually-hidden\">").Append(E(chart.Title)).Append("</caption>");
        sb.Append("<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">");
        sb.Append("<th scope=\"col\" class=\"nhsuk-table__header\">").Append(E(chart.LabelHeading)).Append("</th>");
        sb.Append("<th scope=\"col\" class=\"nhsuk-table__header nhsuk-table__header--numeric\">").Append(E(chart.ValueName)).Append("</th>");
        if (comparison)
        {
            sb.Append("<th scope=\"col\" class=\"nhsuk-table__header nhsuk-table__header--numeric\">").Append(E(chart.ComparisonHeading)).Append("</th>");
        }
        sb.Append("</tr></thead><tbody class=\"nhsuk-table__body\">");
        foreach (var bar in chart.Bars)
        {
            sb.Append("<tr class=\"nhsuk-table__row\"><th scope=\"row\" class=\"nhsuk-table__header hub-chart__label\">");
            if (bar.Href is { } href)
            {
                sb.Append("<a href=\"").Append(E(href)).Append("\">").Append(E(bar.Label))
                  .Append("<span class=\"nhsuk-u-visually-hidden\"> – see the people</span></a>");
            }
            else
            {
                sb.Append(E(bar.Label));
            }
            sb.Append("</th><td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">").Append(E(Display(bar))).Append("</td>");
            if (comparison)
            {
                sb.Append("<td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">").Append(E(ComparisonDisplay(bar) ?? "")).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (chart.Bars.Any(b => b.IsSuppressed))
        {
            sb.Append("<p class=\"nhsuk-body-s hub-chart__note\">").Append(E(chart.SuppressedNote)).Append("</p>");
        }
    }

    private static void Check(ChartBar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        ArgumentNullException.ThrowIfNull(bar.Label);
        if (bar.Value < 0 || bar.Comparison < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bar), $"Charts draw figures of zero or more; '{bar.Label}' has a negative one.");
        }
        // Drill-down links go to our own pages; anything else (another site, javascript:) is a mistake.
        if (bar.Href is { } href && !(href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/\\", StringComparison.Ordinal)))
        {
            throw new ArgumentException("A drill-down link must be a path on this site, starting with a single '/'.", nameof(bar));
        }
    }

    private static string Names(IEnumerable<ChartBar> bars)
    {
        var names = bars.Select(b => b.Label).ToList();
        return names.Count switch
        {
            1 => names[0],
            2 or 3 => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
            _ => $"{string.Join(", ", names.Take(3))} and {names.Count - 3} more",
        };
    }

    private static string Amount(Chart chart, ChartBar bar) => Quantity(chart, Display(bar));

    private static string Quantity(Chart chart, string figure) => chart.Unit.Length == 0 ? figure : $"{figure} {chart.Unit}";

    private static string Lower(string text) => text.Length == 0 ? text : string.Concat(char.ToLowerInvariant(text[0]).ToString(), text.AsSpan(1));

    private static string E(string value) => Encoder.Encode(value);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex SafeId();
}
