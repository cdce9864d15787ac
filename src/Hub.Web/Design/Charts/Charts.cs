using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

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

    /// <summary>Horizontal bars with their data table.</summary>
    /// <param name="id">Unique on the page; prefixes every id inside (letters, digits, '-' and '_', starting with a letter).</param>
    public static IHtmlContent Render(BarChart chart, string id) => Figure(chart, id, BarChartSvg.Write);

    /// <summary>Columns over time with their data table.</summary>
    /// <param name="id">Unique on the page; prefixes every id inside (letters, digits, '-' and '_', starting with a letter).</param>
    public static IHtmlContent Render(ColumnChart chart, string id) => Figure(chart, id, ColumnChartSvg.Write);

    private static IHtmlContent Figure<T>(T chart, string id, Action<T, Svg> draw) where T : Chart
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

        var figure = Tag("figure", "hub-chart");
        figure.Attributes["id"] = id;
        var caption = Tag("figcaption", "hub-chart__caption");
        caption.InnerHtml.AppendHtml(Tag("span", "nhsuk-heading-s nhsuk-u-margin-bottom-2", chart.Title));
        if (chart.Description is { Length: > 0 } description)
        {
            caption.InnerHtml.AppendHtml(Tag("span", "nhsuk-body-s hub-chart__description", " " + description));
        }
        figure.InnerHtml.AppendHtml(caption);

        if (chart.IsEmpty)
        {
            figure.InnerHtml.AppendHtml(Tag("p", "nhsuk-body hub-chart__empty", NoData));
            return figure;
        }

        var svg = new Svg();
        draw(chart, svg);
        var drawing = SvgMarkup.Element("svg",
            SvgMarkup.Attribute("class", "hub-chart__svg"),
            SvgMarkup.Attribute("width", "100%"),
            SvgMarkup.Attribute("viewBox", $"0 0 {Svg.C(svg.Width)} {Svg.C(svg.Height)}"),
            SvgMarkup.Attribute("font-family", "Frutiger W01, Arial, Helvetica, sans-serif"),
            SvgMarkup.Attribute("role", "img"),
            SvgMarkup.Attribute("aria-labelledby", $"{id}-title {id}-desc"),
            SvgMarkup.Text("title", ChartText.Clean(chart.Title), SvgMarkup.Attribute("id", id + "-title")),
            SvgMarkup.Text("desc", ChartText.Clean(Summary(chart)), SvgMarkup.Attribute("id", id + "-desc")),
            svg.Shapes);
        figure.InnerHtml.AppendHtml(SvgMarkup.ToHtml(drawing));
        if (chart.ShowTable)
        {
            Table(figure.InnerHtml, chart);
        }
        return figure;
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
        svg.Open("hub-chart__legend");
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
        svg.Close();
        return 56;
    }

    private static void Table(IHtmlContentBuilder figure, Chart chart)
    {
        var comparison = chart.HasComparison;
        var table = Tag("table", "nhsuk-table hub-chart__table");
        // The figure caption shows the title just above; the table's own caption is for screen readers moving between tables.
        table.InnerHtml.AppendHtml(Tag("caption", "nhsuk-table__caption nhsuk-u-visually-hidden", chart.Title));
        var headings = Tag("tr", "nhsuk-table__row");
        headings.InnerHtml.AppendHtml(Heading(chart.LabelHeading, "nhsuk-table__header"));
        headings.InnerHtml.AppendHtml(Heading(chart.ValueName, "nhsuk-table__header nhsuk-table__header--numeric"));
        if (comparison)
        {
            headings.InnerHtml.AppendHtml(Heading(chart.ComparisonHeading, "nhsuk-table__header nhsuk-table__header--numeric"));
        }
        var head = Tag("thead", "nhsuk-table__head");
        head.InnerHtml.AppendHtml(headings);
        table.InnerHtml.AppendHtml(head);
        var body = Tag("tbody", "nhsuk-table__body");
        foreach (var bar in chart.Bars)
        {
            var row = Tag("tr", "nhsuk-table__row");
            var label = Tag("th", "nhsuk-table__header hub-chart__label");
            label.Attributes["scope"] = "row";
            if (bar.Href is { } href)
            {
                var link = Tag("a", null, bar.Label);
                link.Attributes["href"] = href;
                link.InnerHtml.AppendHtml(Tag("span", "nhsuk-u-visually-hidden", " – see the people"));
                label.InnerHtml.AppendHtml(link);
            }
            else
            {
                label.InnerHtml.Append(bar.Label);
            }
            row.InnerHtml.AppendHtml(label);
            row.InnerHtml.AppendHtml(Tag("td", "nhsuk-table__cell nhsuk-table__cell--numeric", Display(bar)));
            if (comparison)
            {
                row.InnerHtml.AppendHtml(Tag("td", "nhsuk-table__cell nhsuk-table__cell--numeric", ComparisonDisplay(bar) ?? ""));
            }
            body.InnerHtml.AppendHtml(row);
        }
        table.InnerHtml.AppendHtml(body);
        figure.AppendHtml(table);
        if (chart.Bars.Any(b => b.IsSuppressed))
        {
            figure.AppendHtml(Tag("p", "nhsuk-body-s hub-chart__note", chart.SuppressedNote));
        }
    }

    private static TagBuilder Heading(string text, string cssClass)
    {
        var th = Tag("th", cssClass, text);
        th.Attributes["scope"] = "col";
        return th;
    }

    private static TagBuilder Tag(string name, string? cssClass, string? text = null)
    {
        var tag = new TagBuilder(name);
        if (cssClass is not null)
        {
            tag.Attributes["class"] = cssClass;
        }
        if (text is not null)
        {
            tag.InnerHtml.Append(text);
        }
        return tag;
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

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex SafeId();
}
