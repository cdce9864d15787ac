using System.Text;
using System.Text.Encodings.Web;

namespace Hub.Web.Design.Charts;

/// <summary>
/// Writes the few SVG shapes a chart needs, with the NHS.UK colours as attributes rather than CSS so
/// the drawing looks the same on screen, in print and without our stylesheet.
/// </summary>
internal sealed class Svg
{
    public const string Blue = "#005eb8";
    public const string Ink = "#212b32";
    public const string Grid = "#d8dde0";
    public const string White = "#ffffff";
    public const double FontSize = 16;
    public const double SmallFontSize = 14;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    private readonly StringBuilder sb = new();

    /// <summary>The viewBox size; the drawing scales to the width of its container.</summary>
    public double Width { get; set; }

    public double Height { get; set; }

    public string Markup => sb.ToString();

    public Svg Raw(string markup)
    {
        sb.Append(markup);
        return this;
    }

    public Svg Rect(double x, double y, double width, double height, string fill, string cssClass) =>
        Raw($"<rect class=\"{cssClass}\" x=\"{C(x)}\" y=\"{C(y)}\" width=\"{C(width)}\" height=\"{C(height)}\" fill=\"{fill}\"/>");

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width, string? cssClass = null) =>
        Raw($"<line{(cssClass is null ? "" : $" class=\"{cssClass}\"")} x1=\"{C(x1)}\" y1=\"{C(y1)}\" x2=\"{C(x2)}\" y2=\"{C(y2)}\" stroke=\"{stroke}\" stroke-width=\"{C(width)}\"/>");

    /// <summary>
    /// The comparison marker: a thin dark line on a white halo, so it stands out both against the
    /// blue bar (where dark on blue alone is too faint) and against the white page.
    /// </summary>
    public Svg Marker(double x1, double y1, double x2, double y2) =>
        Raw("<g class=\"hub-chart__marker\">")
            .Line(x1, y1, x2, y2, White, 5)
            .Line(x1, y1, x2, y2, Ink, 2)
            .Raw("</g>");

    public Svg Text(double x, double y, string text, double fontSize, string cssClass, string anchor = "start", string fill = Ink) =>
        Raw($"<text class=\"{cssClass}\" x=\"{C(x)}\" y=\"{C(y)}\" font-size=\"{C(fontSize)}\" fill=\"{fill}\"{(anchor == "start" ? "" : $" text-anchor=\"{anchor}\"")}>{Encoder.Encode(text)}</text>");

    public static string C(double value) => ChartText.Coordinate(value);
}
