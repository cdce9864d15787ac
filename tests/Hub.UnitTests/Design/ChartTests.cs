using System.Globalization;
using System.Text.Encodings.Web;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Hub.Web.Design.Charts;
using Microsoft.AspNetCore.Html;

namespace Hub.UnitTests.Design;

/// <summary>
/// The charts are read three ways: as a drawing, by a screen reader through the SVG's title and
/// description, and as the table after it. These tests parse the markup (the SVG as XML, the rest as
/// HTML the way a browser does) and check that all three say the same thing.
/// </summary>
public sealed class ChartTests
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    private static readonly ChartBar[] Neighbourhoods =
    [
        new("Oakfield", 40) { Href = "/staff/reports/people?area=oakfield" },
        new("Riverside", 20),
        new("Heath", 10),
        new("St Mary's", 5),
    ];

    [Fact]
    public void Should_draw_each_bar_in_proportion_to_its_value_with_the_largest_at_full_length()
    {
        var chart = new BarChart("Referrals by neighbourhood", "referrals", Neighbourhoods);

        var bars = Svg(Render(chart)).Descendants(SvgNs + "rect").Where(r => Class(r) == "hub-chart__bar").ToList();

        var scale = BarChartSvg.ScaleFor(chart);
        bars.Count.ShouldBe(4);
        bars.ShouldAllBe(b => Number(b, "x") == scale.Zero);
        Number(bars[0], "width").ShouldBe(scale.Length, 0.01);
        Number(bars[1], "width").ShouldBe(scale.Length / 2, 0.01);
        Number(bars[2], "width").ShouldBe(scale.Length / 4, 0.01);
        Number(bars[3], "width").ShouldBe(scale.Length / 8, 0.01);
    }

    [Fact]
    public void Should_put_each_label_beside_its_bar_on_the_same_line_when_asked_for_print()
    {
        var chart = new BarChart("Referrals by neighbourhood", "referrals", Neighbourhoods) { LabelsBeside = true };

        var svg = Svg(Render(chart));
        var rows = svg.Descendants(SvgNs + "g").Where(g => Class(g) == "hub-chart__row").ToList();

        var scale = BarChartSvg.ScaleFor(chart);
        rows.Count.ShouldBe(4);
        foreach (var row in rows)
        {
            var label = row.Elements(SvgNs + "text").First();
            var bar = row.Elements(SvgNs + "rect").Single();
            label.Attribute("text-anchor")!.Value.ShouldBe("end");
            Number(label, "x").ShouldBeLessThan(scale.Zero, "the label ends left of the axis");
            Number(label, "y").ShouldBeInRange(Number(bar, "y"), Number(bar, "y") + Number(bar, "height") + 6, "on the bar's line");
            Number(bar, "x").ShouldBe(scale.Zero, 0.01);
        }
        Number(rows[0].Elements(SvgNs + "rect").Single(), "width").ShouldBe(scale.Length, 0.01);
        double.Parse(svg.Attribute("viewBox")!.Value.Split(' ')[3], CultureInfo.InvariantCulture).ShouldBeLessThan(4 * 40, "under half the height of labels above the bars");
    }

    [Fact]
    public void Should_draw_no_bar_for_a_suppressed_value_only_its_star_and_leave_the_scale_to_the_others()
    {
        // The hidden number is large here on purpose: it must neither be drawn nor stretch the scale.
        var chart = new BarChart("Referrals by neighbourhood", "referrals",
            [new("Oakfield", 40), new("Northgate", 1000) { DisplayText = "*" }, new("Westbrook", 0)]);

        var rows = Svg(Render(chart)).Descendants(SvgNs + "g").Where(g => Class(g) == "hub-chart__row").ToList();

        rows.Count.ShouldBe(3);
        Number(rows[0].Elements(SvgNs + "rect").Single(), "width").ShouldBe(BarChartSvg.ScaleFor(chart).Length, 0.01);
        rows[1].Elements(SvgNs + "rect").ShouldBeEmpty();
        ValueOf(rows[1]).ShouldBe("*");
        rows[2].Elements(SvgNs + "rect").ShouldBeEmpty();
        ValueOf(rows[2]).ShouldBe("0");
    }

    [Fact]
    public void Should_give_the_table_one_row_per_bar_with_the_same_labels_and_display_texts_as_the_drawing()
    {
        var chart = new BarChart("Referrals by neighbourhood", "referrals",
            [.. Neighbourhoods, new("Old Town", 3) { DisplayText = "3 (rounded)" }, ChartBar.Suppressed("Northgate")])
        { LabelHeading = "Neighbourhood" };
        var html = Render(chart);

        var table = Html(html).QuerySelector("figure > svg + table.nhsuk-table")!;
        var rows = table.QuerySelectorAll("tbody tr");
        var drawn = Svg(html).Descendants(SvgNs + "g").Where(g => Class(g) == "hub-chart__row").Select(ValueOf).ToList();

        table.QuerySelector("caption")!.TextContent.ShouldBe("Referrals by neighbourhood");
        table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent).ShouldBe(["Neighbourhood", "Referrals"]);
        rows.Select(r => VisibleText(r.QuerySelector("th[scope=row]")!)).ShouldBe(chart.Bars.Select(b => b.Label));
        rows.Select(r => r.QuerySelector("td")!.TextContent).ShouldBe(["40", "20", "10", "5", "3 (rounded)", "*"]);
        drawn.ShouldBe(["40", "20", "10", "5", "3 (rounded)", "*"]);
        Html(html).QuerySelector("figure > p.hub-chart__note")!.TextContent.ShouldStartWith("* ");
    }

    [Fact]
    public void Should_label_the_drawing_by_its_own_title_and_a_description_of_highest_lowest_and_total()
    {
        var chart = new BarChart("Referrals by neighbourhood", "referrals",
            [new("Oakfield", 12), new("Riverside", 12), new("Heath", 1234.5m), new("Mill", 3), ChartBar.Suppressed("Northgate")]);

        var svg = Svg(Render(chart, "by-area"));

        svg.Attribute("role")!.Value.ShouldBe("img");
        var ids = svg.Attribute("aria-labelledby")!.Value.Split(' ');
        var targets = ids.Select(id => svg.Descendants().Single(e => (string?)e.Attribute("id") == id)).ToList();
        targets.Select(t => t.Name.LocalName).ShouldBe(["title", "desc"]);
        targets[0].Value.ShouldBe("Referrals by neighbourhood");
        targets[1].Value.ShouldContain("Highest: Heath, 1,234.5 referrals.");
        targets[1].Value.ShouldContain("Lowest: Mill, 3 referrals.");
        targets[1].Value.ShouldContain("Total of the values shown: 1,261.5 referrals.");
        targets[1].Value.ShouldContain("1 value is suppressed.");
    }

    [Fact]
    public void Should_name_every_bar_that_shares_the_highest_value()
    {
        var chart = new ColumnChart("Referrals per week", "referrals", [new("3 Nov", 9), new("10 Nov", 4), new("17 Nov", 9)]);

        Svg(Render(chart)).Element(SvgNs + "desc")!.Value.ShouldContain("Highest: 3 Nov and 17 Nov, 9 referrals. Lowest: 10 Nov, 4 referrals. Total: 22 referrals.");
    }

    [Fact]
    public void Should_keep_every_id_unique_when_two_charts_share_a_page()
    {
        var page = Html(Render(new BarChart("By neighbourhood", "referrals", Neighbourhoods), "by-area")
            + Render(new ColumnChart("Per week", "referrals", [new("3 Nov", 4), new("10 Nov", 6)]), "per-week"));

        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        ids.Count.ShouldBe(6);
        ids.ShouldBeUnique();
        foreach (var figure in page.QuerySelectorAll("figure"))
        {
            var svg = figure.QuerySelector("svg")!;
            foreach (var id in svg.GetAttribute("aria-labelledby")!.Split(' '))
            {
                id.ShouldStartWith(figure.Id!);
                svg.QuerySelector($"[id='{id}']").ShouldNotBeNull();
            }
        }
    }

    [Fact]
    public void Should_encode_hostile_labels_and_texts_everywhere_they_appear()
    {
        const string label = "<script>alert('x')</script> & <b>Heath</b>";
        const string display = "<img src=x onerror=alert(1)>";
        var chart = new BarChart("<script>title()</script>", "referrals", [new(label, 4) { DisplayText = display, Href = "/people?area=a&b=\"c\"" }])
        { Description = "<i>desc</i>" };

        var html = Render(chart);
        var page = Html(html);

        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("<b>");
        html.ShouldNotContain("<i>");
        page.QuerySelectorAll("script, img, b, i").ShouldBeEmpty();
        VisibleText(page.QuerySelector("tbody th")!).ShouldBe(label);
        page.QuerySelector("tbody td")!.TextContent.ShouldBe(display);
        page.QuerySelector("tbody a")!.GetAttribute("href").ShouldBe("/people?area=a&b=\"c\"");
        var svg = Svg(html);
        svg.Element(SvgNs + "title")!.Value.ShouldBe("<script>title()</script>");
        svg.Descendants(SvgNs + "text").Select(t => t.Value).ShouldContain(label);
    }

    [Fact]
    public void Should_keep_the_drawing_well_formed_when_a_label_holds_control_and_bidi_characters()
    {
        var chart = new BarChart("Referrals", "referrals", [new("Mill\u0001Lane\u202E\u0000", 4), new("Heath\r\nEnd", 2)]);

        var html = Render(chart);
        var labels = Svg(html).Descendants(SvgNs + "text").Where(t => Class(t) == "hub-chart__label").Select(t => t.Value);

        labels.ShouldBe(["Mill Lane", "Heath End"]);
    }

    [Fact]
    public void Should_write_the_same_markup_with_uk_style_numbers_whatever_the_current_culture()
    {
        var chart = new BarChart("Referrals", "referrals", [new("Oakfield", 1234.5m) { Comparison = 2000.25m }, new("Heath", 0.75m)]);
        var columns = new ColumnChart("Per week", "referrals", [new("3 Nov", 1234.5m), new("10 Nov", 99.25m)]);
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        string british, german;
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo("en-GB"), CultureInfo.GetCultureInfo("en-GB"));
            british = Render(chart) + Render(columns);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo("de-DE"), CultureInfo.GetCultureInfo("de-DE"));
            german = Render(chart) + Render(columns);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }

        german.ShouldBe(british);
        var page = Html(german);
        page.QuerySelectorAll("tbody td").Select(td => td.TextContent).ShouldBe(["1,234.5", "2,000.25", "0.75", "", "1,234.5", "99.25"]);
        var svg = Svg(Render(chart));
        svg.Element(SvgNs + "desc")!.Value.ShouldContain("Total: 1,235.25 referrals.");
        foreach (var attribute in svg.Descendants().Attributes().Where(a => a.Name.LocalName is "x" or "y" or "x1" or "x2" or "y1" or "y2" or "width" or "height" or "font-size" or "stroke-width" && a.Value != "100%"))
        {
            attribute.Value.ShouldMatch(@"^-?\d+(\.\d+)?$");
        }
        svg.Attribute("viewBox")!.Value.ShouldMatch(@"^0 0 \d+(\.\d+)? \d+(\.\d+)?$");
    }

    [Fact]
    public void Should_say_there_is_no_data_instead_of_drawing_an_empty_chart()
    {
        var empty = Html(Render(new BarChart("Referrals by neighbourhood", "referrals", [])));
        var zeros = Html(Render(new ColumnChart("Referrals per week", "referrals", [new("3 Nov", 0), new("10 Nov", 0)])));

        foreach (var (page, title) in new[] { (empty, "Referrals by neighbourhood"), (zeros, "Referrals per week") })
        {
            page.QuerySelector("figure figcaption")!.TextContent.ShouldBe(title);
            page.QuerySelector("figure p")!.TextContent.ShouldBe("No data for this period.");
            page.QuerySelectorAll("svg, table").ShouldBeEmpty();
        }
    }

    [Fact]
    public void Should_still_draw_a_chart_whose_only_figures_are_suppressed_because_they_stand_for_people()
    {
        var page = Html(Render(new BarChart("Referrals", "referrals", [ChartBar.Suppressed("Northgate"), new("Westbrook", 0)])));

        page.QuerySelector("svg").ShouldNotBeNull();
        page.QuerySelectorAll("tbody tr").Length.ShouldBe(2);
        page.QuerySelector("svg desc")!.TextContent.ShouldContain("1 value is suppressed.");
    }

    [Fact]
    public void Should_place_each_marker_in_proportion_to_its_comparison_and_explain_it_in_a_legend_and_the_table()
    {
        var chart = new BarChart("Referrals by ethnic group", "of referrals",
        [
            new("Group A", 30) { DisplayText = "30%", Comparison = 20, ComparisonText = "20%" },
            new("Group B", 10) { DisplayText = "10%", Comparison = 40, ComparisonText = "40%" },
            new("Group C", 25) { DisplayText = "25%" },
        ])
        { LabelHeading = "Ethnic group", ValueHeading = "Share of this figure", ComparisonHeading = "Share of referred population", SummariseTotal = false };
        var html = Render(chart);

        var svg = Svg(html);
        var scale = BarChartSvg.ScaleFor(chart);
        var rows = svg.Descendants(SvgNs + "g").Where(g => Class(g) == "hub-chart__row").ToList();
        MarkerX(rows[0]).ShouldBe(scale.Zero + (scale.Length / 2), 0.01);
        MarkerX(rows[1]).ShouldBe(scale.Zero + scale.Length, 0.01);
        rows[2].Descendants(SvgNs + "g").ShouldBeEmpty();
        Number(rows[0].Element(SvgNs + "rect")!, "width").ShouldBe(scale.Length * 0.75, 0.01);
        rows[0].Descendants(SvgNs + "line").ShouldContain(l => (string)l.Attribute("stroke")! == "#212b32");

        var legend = svg.Descendants(SvgNs + "g").Single(g => Class(g) == "hub-chart__legend");
        legend.Descendants(SvgNs + "text").Select(t => t.Value).ShouldBe(["Share of this figure", "Share of referred population"]);
        svg.Element(SvgNs + "desc")!.Value.ShouldContain("Markers show share of referred population.");
        svg.Element(SvgNs + "desc")!.Value.ShouldNotContain("Total");

        var table = Html(html).QuerySelector("table")!;
        table.QuerySelectorAll("thead th").Select(th => th.TextContent).ShouldBe(["Ethnic group", "Share of this figure", "Share of referred population"]);
        table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray())
            .ShouldBe([["30%", "20%"], ["10%", "40%"], ["25%", ""]]);
    }

    [Fact]
    public void Should_leave_out_the_legend_and_comparison_column_when_no_bar_has_a_comparison()
    {
        var html = Render(new BarChart("Referrals", "referrals", Neighbourhoods));

        Svg(html).Descendants(SvgNs + "g").ShouldNotContain(g => Class(g) == "hub-chart__legend" || Class(g) == "hub-chart__marker");
        Html(html).QuerySelectorAll("thead th").Length.ShouldBe(2);
    }

    [Fact]
    public void Should_offer_the_drill_down_as_a_link_in_the_table_and_not_in_the_drawing()
    {
        var html = Render(new BarChart("Referrals", "referrals", Neighbourhoods));
        var page = Html(html);

        var links = page.QuerySelectorAll("a");
        links.Length.ShouldBe(1);
        links[0].GetAttribute("href").ShouldBe("/staff/reports/people?area=oakfield");
        links[0].TextContent.ShouldBe("Oakfield – see the people");
        links[0].QuerySelector("span.nhsuk-u-visually-hidden")!.TextContent.ShouldBe(" – see the people");
        links[0].Closest("table").ShouldNotBeNull();
        Svg(html).Descendants().ShouldNotContain(e => e.Name.LocalName == "a");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://elsewhere.example/people")]
    [InlineData("//elsewhere.example/people")]
    [InlineData("/\\elsewhere.example/people")]
    [InlineData("people")]
    public void Should_refuse_a_drill_down_link_that_leaves_the_site(string href)
    {
        Should.Throw<ArgumentException>(() => Charts.Render(new BarChart("Referrals", "referrals", [new("Oakfield", 4) { Href = href }]), "chart"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("1st")]
    [InlineData("a\"b")]
    public void Should_refuse_an_id_that_is_not_a_plain_token(string id)
    {
        Should.Throw<ArgumentException>(() => Charts.Render(new BarChart("Referrals", "referrals", Neighbourhoods), id));
    }

    [Fact]
    public void Should_refuse_negative_figures()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Charts.Render(new BarChart("Referrals", "referrals", [new("Oakfield", -1)]), "chart"));
        Should.Throw<ArgumentOutOfRangeException>(() => Charts.Render(new BarChart("Referrals", "referrals", [new("Oakfield", 1) { Comparison = -1 }]), "chart"));
    }

    [Fact]
    public void Should_cut_a_long_label_with_an_ellipsis_in_the_drawing_and_keep_it_whole_in_the_table()
    {
        var name = "Riverside and the Old Town Conservation Area including Mill Lane, Chapel Street and the Wharf";
        var html = Render(new BarChart("Referrals", "referrals", [new(name, 5), new("Heath", 12_345)]));

        var svg = Svg(html);
        var width = ViewBox(svg).Width;
        var label = svg.Descendants(SvgNs + "text").First(t => Class(t) == "hub-chart__label");
        label.Value.ShouldEndWith("…");
        name.ShouldStartWith(label.Value.TrimEnd('…'));
        (Number(label, "x") + ChartText.Width(label.Value, Number(label, "font-size"))).ShouldBeLessThanOrEqualTo(width);
        foreach (var value in svg.Descendants(SvgNs + "text").Where(t => Class(t) == "hub-chart__value"))
        {
            (Number(value, "x") + ChartText.Width(value.Value, Number(value, "font-size"))).ShouldBeLessThanOrEqualTo(width);
        }
        VisibleText(Html(html).QuerySelector("tbody th")!).ShouldBe(name);
    }

    [Fact]
    public void Should_draw_columns_in_proportion_on_one_baseline_with_the_largest_at_full_height()
    {
        var weeks = new[] { 6m, 12m, 3m, 9m };
        var chart = new ColumnChart("Referrals per week", "referrals", weeks.Select((v, i) => new ChartBar($"{3 + (7 * i)} Nov", v)).ToList());

        var columns = Svg(Render(chart)).Descendants(SvgNs + "rect").Where(r => Class(r) == "hub-chart__bar").ToList();

        columns.Select(c => Number(c, "height")).ShouldBe(weeks.Select(v => (double)v / 12 * ColumnChartSvg.PlotHeight), 0.01);
        columns.Select(c => Number(c, "y") + Number(c, "height")).Distinct().Count().ShouldBe(1);
        columns.Select(c => Number(c, "x")).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void Should_draw_no_column_for_a_suppressed_week()
    {
        var chart = new ColumnChart("Referrals per week", "referrals", [new("3 Nov", 6), ChartBar.Suppressed("10 Nov"), new("17 Nov", 4)]);

        var columns = Svg(Render(chart)).Descendants(SvgNs + "g").Where(g => Class(g) == "hub-chart__column").ToList();

        columns.Select(c => c.Elements(SvgNs + "rect").Count()).ShouldBe([1, 0, 1]);
        columns[1].Elements(SvgNs + "text").ShouldContain(t => t.Value == "*");
    }

    [Fact]
    public void Should_thin_a_year_of_week_labels_so_that_none_overlap_or_leave_the_drawing()
    {
        var start = new DateOnly(2025, 11, 3);
        var chart = new ColumnChart("Referrals per week", "referrals",
            Enumerable.Range(0, 52).Select(i => new ChartBar(start.AddDays(7 * i).ToString("d MMM", CultureInfo.InvariantCulture), 20 + (i % 7))).ToList());

        var svg = Svg(Render(chart));
        var width = ViewBox(svg).Width;
        var labels = svg.Descendants(SvgNs + "text").Where(t => Class(t) == "hub-chart__label")
            .Select(t => (Centre: Number(t, "x"), Half: ChartText.Width(t.Value, Number(t, "font-size")) / 2, Text: t.Value)).ToList();

        labels.Count.ShouldBeInRange(3, 26);
        labels[0].Text.ShouldBe("3 Nov");
        labels.ShouldAllBe(l => l.Centre - l.Half >= 0 && l.Centre + l.Half <= width);
        labels.Zip(labels.Skip(1)).ShouldAllBe(p => p.Second.Centre - p.Second.Half > p.First.Centre + p.First.Half);
        svg.Descendants(SvgNs + "rect").Count(r => Class(r) == "hub-chart__bar").ShouldBe(52);
    }

    [Theory]
    [InlineData(7, true, new[] { 0.0, 2, 4, 6 })]
    [InlineData(99, true, new[] { 0.0, 20, 40, 60, 80 })]
    [InlineData(3, true, new[] { 0.0, 1, 2, 3 })]
    [InlineData(0.8, false, new[] { 0.0, 0.2, 0.4, 0.6, 0.8 })]
    [InlineData(1200, true, new[] { 0.0, 250, 500, 750, 1000 })]
    public void Should_mark_the_value_axis_at_round_figures_up_to_the_largest(double max, bool wholeNumbers, double[] expected)
    {
        ColumnChartSvg.Ticks((decimal)max, wholeNumbers).Select(t => (double)t).ShouldBe(expected);
    }

    [Fact]
    public void Should_use_the_nhs_palette_readable_text_and_a_scalable_drawing_with_no_script()
    {
        var html = Render(new BarChart("Equity", "of referrals",
            [new("A", 30) { DisplayText = "30%", Comparison = 35 }, new("B", 60) { DisplayText = "60%", Comparison = 65 }, ChartBar.Suppressed("C")]), "equity")
            + Render(new ColumnChart("Per week", "referrals", [new("3 Nov", 6) { Comparison = 7 }, new("10 Nov", 8) { Comparison = 7 }]), "weeks");

        foreach (var svg in html.Split("<svg").Skip(1).Select(part => Svg("<svg" + part)))
        {
            svg.Attribute("width")!.Value.ShouldBe("100%");
            svg.Attribute("height").ShouldBeNull();
            svg.Descendants(SvgNs + "rect").Select(r => (string)r.Attribute("fill")!).Distinct().ShouldBe(["#005eb8"]);
            svg.Descendants(SvgNs + "line").Select(l => (string)l.Attribute("stroke")!).ShouldAllBe(s => s == "#212b32" || s == "#d8dde0" || s == "#ffffff");
            svg.Descendants(SvgNs + "text").ShouldAllBe(t => Number(t, "font-size") >= 12);
            svg.Descendants(SvgNs + "text").Select(t => (string)t.Attribute("fill")!).ShouldAllBe(f => f == "#212b32" || f == "#ffffff");
            svg.Descendants().Attributes().ShouldNotContain(a => a.Name.LocalName == "style" || a.Name.LocalName.StartsWith("on"));
        }
        var page = Html(html);
        page.QuerySelectorAll("script").ShouldBeEmpty();
        page.QuerySelectorAll("*").SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name == "style" || a.Name.StartsWith("on"));
    }

    private static string Render(BarChart chart, string id = "chart") => ToHtml(Charts.Render(chart, id));

    private static string Render(ColumnChart chart, string id = "chart") => ToHtml(Charts.Render(chart, id));

    private static string ToHtml(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static IDocument Html(string html) => new HtmlParser().ParseDocument($"<!doctype html><html lang=\"en\"><body>{html}</body></html>");

    /// <summary>The SVG exactly as written, loaded as XML: it fails here if it is not well formed.</summary>
    private static XElement Svg(string html)
    {
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length;
        return XDocument.Parse(html[start..end]).Root!;
    }

    private static string? Class(XElement element) => (string?)element.Attribute("class");

    private static double Number(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static (double Width, double Height) ViewBox(XElement svg)
    {
        var parts = svg.Attribute("viewBox")!.Value.Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (parts[2], parts[3]);
    }

    private static string ValueOf(XElement row) => row.Elements(SvgNs + "text").Single(t => Class(t)!.StartsWith("hub-chart__value")).Value;

    private static double MarkerX(XElement row) => Number(row.Descendants(SvgNs + "g").Single(g => Class(g) == "hub-chart__marker").Elements(SvgNs + "line").Last(), "x1");

    /// <summary>What a sighted reader sees: the text without the visually hidden extras for screen readers.</summary>
    private static string VisibleText(IElement element)
    {
        var copy = (IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".nhsuk-u-visually-hidden").ToList())
        {
            hidden.Remove();
        }
        return copy.TextContent;
    }
}
