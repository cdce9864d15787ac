namespace Hub.Web.Design.Charts;

/// <summary>
/// Columns over time on a value axis with light gridlines. Each column carries its figure when every
/// figure fits above its column; with many periods the axis and the table carry them instead. Period
/// labels are thinned to every second, third... one so that they never collide.
/// </summary>
internal static class ColumnChartSvg
{
    public const double Width = 400;
    public const double PlotHeight = 180;
    private const double MaxLabelWidth = 120;
    private const double MaxColumnWidth = 48;

    /// <summary>The plotting area and the decisions that depend on how many columns share it.</summary>
    internal sealed record Frame(double Left, double Right, double Top, double Bottom, int LabelEvery, bool ValueLabels, IReadOnlyList<decimal> Ticks)
    {
        public double Slot(int count) => (Right - Left) / count;
    }

    internal static Frame FrameFor(ColumnChart chart, double top)
    {
        var count = chart.Bars.Count;
        var ticks = Ticks(chart.ScaleMaximum, chart.Bars.All(b => b.Value == decimal.Truncate(b.Value) && (b.Comparison ?? 0) == decimal.Truncate(b.Comparison ?? 0)));
        var left = 4 + ticks.Max(t => ChartText.Width(ChartText.Number(t), Svg.SmallFontSize)) + 8;
        var widest = chart.Bars.Max(b => ChartText.Width(PeriodText(b), Svg.SmallFontSize));

        // Leave room on the right for half of the last period label, which is centred on its column.
        var slot = (Width - 4 - left) / count;
        var right = Width - Math.Max(4, (widest / 2) - (slot / 2) + 2);
        slot = (right - left) / count;

        var every = Math.Max(1, (int)Math.Ceiling((widest + 8) / slot));
        var valueLabels = chart.Bars.All(b => ChartText.Width(ValueText(b), Svg.SmallFontSize) <= slot - 2);
        var plotTop = top + 18 + 22;
        return new Frame(left, right, plotTop, plotTop + PlotHeight, every, valueLabels, ticks);
    }

    public static void Write(ColumnChart chart, Svg svg)
    {
        svg.Width = Width;
        var top = Charts.Legend(chart, svg, Width, 0, markerIsVertical: false);
        top += top > 0 ? 10 : 0;
        var frame = FrameFor(chart, top);
        var count = chart.Bars.Count;
        var slot = frame.Slot(count);
        var columnWidth = Math.Min(slot * 0.7, MaxColumnWidth);
        var max = (double)chart.ScaleMaximum;
        double Height(decimal value) => max == 0 ? 0 : (double)value / max * PlotHeight;

        svg.Text(4, top + 14, ChartText.Fit(ChartText.Clean(chart.Unit), Width - 8, Svg.SmallFontSize), Svg.SmallFontSize, "hub-chart__unit");
        svg.Open("hub-chart__ticks");
        foreach (var tick in frame.Ticks)
        {
            var y = frame.Bottom - Height(tick);
            if (tick > 0)
            {
                svg.Line(frame.Left, y, frame.Right, y, Svg.Grid, 1, "hub-chart__gridline");
            }
            svg.Text(frame.Left - 6, y + 5, ChartText.Number(tick), Svg.SmallFontSize, "hub-chart__tick", "end");
        }
        svg.Close();

        for (var i = 0; i < count; i++)
        {
            var bar = chart.Bars[i];
            var slotLeft = frame.Left + (i * slot);
            var centre = slotLeft + (slot / 2);
            var x = centre - (columnWidth / 2);
            var columnTop = frame.Bottom;
            svg.Open("hub-chart__column");
            if (!bar.IsSuppressed && bar.Value > 0)
            {
                columnTop -= Height(bar.Value);
                svg.Rect(x, columnTop, columnWidth, frame.Bottom - columnTop, Svg.Blue, "hub-chart__bar");
            }
            double? marker = null;
            if (bar.Comparison is { } comparison)
            {
                marker = frame.Bottom - Height(comparison);
                svg.Marker(Math.Max(x - 5, slotLeft + 1), marker.Value, Math.Min(x + columnWidth + 5, slotLeft + slot - 1), marker.Value);
            }
            if (bar.IsSuppressed)
            {
                svg.Text(centre, frame.Bottom - 6, ChartBar.SuppressedText, Svg.FontSize, "hub-chart__value hub-chart__value--suppressed", "middle");
            }
            else if (frame.ValueLabels)
            {
                ValueLabel(svg, bar, centre, columnWidth, frame.Bottom - columnTop, columnTop, marker);
            }
            if (i % frame.LabelEvery == 0)
            {
                var text = PeriodText(bar);
                // Keep the first label inside the drawing even when the value axis is narrow.
                var labelX = Math.Max(centre, (ChartText.Width(text, Svg.SmallFontSize) / 2) + 2);
                svg.Text(labelX, frame.Bottom + 20, text, Svg.SmallFontSize, "hub-chart__label", "middle");
            }
            svg.Close();
        }

        svg.Line(frame.Left, frame.Bottom, frame.Right, frame.Bottom, Svg.Ink, 2, "hub-chart__axis");
        svg.Height = frame.Bottom + 30;
    }

    /// <summary>
    /// The figure goes just above the column. When the marker would run through it there, it goes
    /// inside the top of the column in white if it fits, otherwise above the marker.
    /// </summary>
    private static void ValueLabel(Svg svg, ChartBar bar, double centre, double columnWidth, double height, double top, double? marker)
    {
        var text = ValueText(bar);
        var baseline = top - 6;
        var crossed = marker is { } m && m > baseline - 14 && m < baseline + 6;
        if (crossed && height >= 24 && ChartText.Width(text, Svg.SmallFontSize) <= columnWidth - 4)
        {
            svg.Text(centre, top + 16, text, Svg.SmallFontSize, "hub-chart__value hub-chart__value--inside", "middle", Svg.White);
            return;
        }
        svg.Text(centre, crossed ? Math.Min(baseline, marker!.Value - 8) : baseline, text, Svg.SmallFontSize, "hub-chart__value", "middle");
    }

    /// <summary>Zero and up to five evenly spaced round figures up to the largest one; whole numbers for counts.</summary>
    internal static IReadOnlyList<decimal> Ticks(decimal max, bool wholeNumbers)
    {
        if (max <= 0)
        {
            return [0m];
        }
        var rough = max / 5;
        var magnitude = 1m;
        while (magnitude * 10 <= rough)
        {
            magnitude *= 10;
        }
        while (magnitude > rough)
        {
            magnitude /= 10;
        }
        var step = new[] { 1m, 2m, 2.5m, 5m, 10m }.Select(f => f * magnitude)
            .First(s => s >= rough && (!wholeNumbers || s == decimal.Truncate(s)) || s == 10 * magnitude);
        if (wholeNumbers)
        {
            step = Math.Max(1, decimal.Ceiling(step));
        }
        var ticks = new List<decimal>();
        for (var tick = 0m; tick <= max; tick += step)
        {
            ticks.Add(tick);
        }
        return ticks;
    }

    private static string PeriodText(ChartBar bar) => ChartText.Fit(ChartText.Clean(bar.Label), MaxLabelWidth, Svg.SmallFontSize);

    private static string ValueText(ChartBar bar) => ChartText.Fit(ChartText.Clean(Charts.Display(bar)), MaxLabelWidth, Svg.SmallFontSize);
}
