namespace Hub.Web.Design.Charts;

/// <summary>
/// Horizontal bars, each with its label on the line above it rather than beside it, so that a
/// neighbourhood's name keeps nearly the whole width on a 320 px phone. Labels too long even for
/// that end in an ellipsis; the table under the drawing has them in full.
/// </summary>
internal static class BarChartSvg
{
    public const double Width = 400;
    public const double Baseline = 4;
    public const double LabelX = Baseline + 6;
    private const double RowHeight = 60;
    private const double BarOffset = 25;
    private const double BarHeight = 22;
    private const double Gap = 6;

    /// <summary>Where zero is and where the largest figure ends.</summary>
    internal readonly record struct Scale(double Zero, double Full)
    {
        public double Length => Full - Zero;
    }

    internal static Scale ScaleFor(Chart chart)
    {
        // Room to the right of the longest bar for its value label (and a marker just past it).
        var valueRoom = Math.Min(chart.Bars.Max(b => ChartText.Width(ValueText(b), Svg.FontSize)), Width * 0.4) + Gap + 4;
        return new Scale(Baseline, Width - valueRoom);
    }

    public static void Write(BarChart chart, Svg svg)
    {
        svg.Width = Width;
        var top = Charts.Legend(chart, svg, Width, 0, markerIsVertical: true);
        top += top > 0 ? 10 : 0;
        var scale = ScaleFor(chart);
        var max = (double)chart.ScaleMaximum;
        double Length(decimal value) => max == 0 ? 0 : (double)value / max * scale.Length;

        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var rowTop = top + (i * RowHeight);
            var barTop = rowTop + BarOffset;
            svg.Raw("<g class=\"hub-chart__row\">");
            svg.Text(LabelX, rowTop + 16, ChartText.Fit(ChartText.Clean(bar.Label), Width - LabelX - 2, Svg.FontSize), Svg.FontSize, "hub-chart__label");
            var end = scale.Zero;
            // A suppressed figure gets no bar at all: a short or empty one would read as a small number or zero.
            if (!bar.IsSuppressed && bar.Value > 0)
            {
                end += Length(bar.Value);
                svg.Rect(scale.Zero, barTop, end - scale.Zero, BarHeight, Svg.Blue, "hub-chart__bar");
            }
            double? marker = null;
            if (bar.Comparison is { } comparison)
            {
                marker = scale.Zero + Length(comparison);
                svg.Marker(marker.Value, barTop - 4, marker.Value, barTop + BarHeight + 4);
            }
            ValueLabel(svg, bar, end - scale.Zero, marker, barTop + (BarHeight / 2) + 5.5);
            svg.Raw("</g>");
        }

        var firstBar = top + BarOffset;
        var lastBarEnd = top + ((chart.Bars.Count - 1) * RowHeight) + BarOffset + BarHeight;
        svg.Line(Baseline, firstBar - 6, Baseline, lastBarEnd + 6, Svg.Ink, 2, "hub-chart__axis");
        svg.Height = lastBarEnd + 10;
    }

    /// <summary>
    /// The figure goes just past the end of the bar. When the marker would run through it there, it
    /// goes inside the end of the bar in white if it fits, otherwise past the marker.
    /// </summary>
    private static void ValueLabel(Svg svg, ChartBar bar, double length, double? marker, double baseline)
    {
        var text = ValueText(bar);
        var width = ChartText.Width(text, Svg.FontSize);
        var end = Baseline + length;
        var x = end + Gap;
        var crossed = marker is { } m && m + 3 > x - 2 && m - 3 < x + width + 2;
        var cssClass = bar.IsSuppressed ? "hub-chart__value hub-chart__value--suppressed" : "hub-chart__value";
        if (crossed && length >= width + (2 * Gap))
        {
            svg.Text(end - Gap, baseline, text, Svg.FontSize, cssClass + " hub-chart__value--inside", "end", Svg.White);
            return;
        }
        if (crossed)
        {
            x = Math.Max(end, marker!.Value + 3) + Gap;
        }
        svg.Text(x, baseline, text, Svg.FontSize, cssClass);
    }

    private static string ValueText(ChartBar bar) => ChartText.Fit(ChartText.Clean(Charts.Display(bar)), Width * 0.4, Svg.FontSize);
}
