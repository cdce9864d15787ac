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
    private const double BesideRowHeight = 30;
    private const double BesideBarHeight = 20;
    private const double BesideMaxLabelWidth = Width * 0.5;

    /// <summary>Where zero is and where the largest figure ends.</summary>
    internal readonly record struct Scale(double Zero, double Full)
    {
        public double Length => Full - Zero;
    }

    internal static Scale ScaleFor(Chart chart)
    {
        // Room to the right of the longest bar for its value label (and a marker just past it).
        var valueRoom = Math.Min(chart.Bars.Max(b => ChartText.Width(ValueText(b), Svg.FontSize)), Width * 0.4) + Gap + 4;
        var zero = chart is BarChart { LabelsBeside: true } ? LabelColumn(chart) + Baseline : Baseline;
        return new Scale(zero, Width - valueRoom);
    }

    /// <summary>With labels beside the bars: the width of the widest label, up to <see cref="BesideMaxLabelWidth"/>, and a gap.</summary>
    private static double LabelColumn(Chart chart) =>
        Math.Min(chart.Bars.Max(b => ChartText.Width(ChartText.Clean(b.Label), Svg.FontSize)), BesideMaxLabelWidth) + Gap;

    public static void Write(BarChart chart, Svg svg)
    {
        if (chart.LabelsBeside)
        {
            WriteBeside(chart, svg);
            return;
        }
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
            svg.Open("hub-chart__row");
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
            ValueLabel(svg, bar, scale.Zero, end - scale.Zero, marker, barTop + (BarHeight / 2) + 5.5);
            svg.Close();
        }

        var firstBar = top + BarOffset;
        var lastBarEnd = top + ((chart.Bars.Count - 1) * RowHeight) + BarOffset + BarHeight;
        svg.Line(Baseline, firstBar - 6, Baseline, lastBarEnd + 6, Svg.Ink, 2, "hub-chart__axis");
        svg.Height = lastBarEnd + 10;
    }

    /// <summary>Each label right-aligned against the axis, its bar on the same line.</summary>
    private static void WriteBeside(BarChart chart, Svg svg)
    {
        svg.Width = Width;
        var top = Charts.Legend(chart, svg, Width, 0, markerIsVertical: true);
        top += top > 0 ? 10 : 0;
        var scale = ScaleFor(chart);
        var labelRight = scale.Zero - Gap;
        var max = (double)chart.ScaleMaximum;
        double Length(decimal value) => max == 0 ? 0 : (double)value / max * scale.Length;

        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var barTop = top + (i * BesideRowHeight) + ((BesideRowHeight - BesideBarHeight) / 2);
            var baseline = barTop + (BesideBarHeight / 2) + 5.5;
            svg.Open("hub-chart__row");
            svg.Text(labelRight, baseline, ChartText.Fit(ChartText.Clean(bar.Label), labelRight - 2, Svg.FontSize), Svg.FontSize, "hub-chart__label", "end");
            var end = scale.Zero;
            if (!bar.IsSuppressed && bar.Value > 0)
            {
                end += Length(bar.Value);
                svg.Rect(scale.Zero, barTop, end - scale.Zero, BesideBarHeight, Svg.Blue, "hub-chart__bar");
            }
            double? marker = null;
            if (bar.Comparison is { } comparison)
            {
                marker = scale.Zero + Length(comparison);
                svg.Marker(marker.Value, barTop - 3, marker.Value, barTop + BesideBarHeight + 3);
            }
            ValueLabel(svg, bar, scale.Zero, end - scale.Zero, marker, baseline);
            svg.Close();
        }

        var bottom = top + (chart.Bars.Count * BesideRowHeight);
        svg.Line(scale.Zero, top, scale.Zero, bottom, Svg.Ink, 2, "hub-chart__axis");
        svg.Height = bottom + 4;
    }

    /// <summary>
    /// The figure goes just past the end of the bar. When the marker would run through it there, it
    /// goes inside the end of the bar in white if it fits, otherwise past the marker.
    /// </summary>
    private static void ValueLabel(Svg svg, ChartBar bar, double zero, double length, double? marker, double baseline)
    {
        var text = ValueText(bar);
        var width = ChartText.Width(text, Svg.FontSize);
        var end = zero + length;
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
