using System.Xml.Linq;
using static Hub.Web.Design.SvgMarkup;

namespace Hub.Web.Design.Charts;

/// <summary>
/// Draws the few SVG shapes a chart needs, with the NHS.UK colours as attributes rather than CSS so
/// the drawing looks the same on screen, in print and without our stylesheet. Shapes go into the
/// group last opened; <see cref="SvgMarkup"/> encodes everything when the drawing is written.
/// </summary>
internal sealed class Svg
{
    public const string Blue = "#005eb8";
    public const string Ink = "#212b32";
    public const string Grid = "#d8dde0";
    public const string White = "#ffffff";
    public const double FontSize = 16;
    public const double SmallFontSize = 14;

    private readonly List<XElement> shapes = [];
    private readonly Stack<XElement> groups = new();

    /// <summary>The viewBox size; the drawing scales to the width of its container.</summary>
    public double Width { get; set; }

    public double Height { get; set; }

    /// <summary>What has been drawn, outermost shapes and groups in order.</summary>
    public IReadOnlyList<XElement> Shapes => shapes;

    /// <summary>Starts a group with a class; shapes go into it until <see cref="Close"/>.</summary>
    public Svg Open(string cssClass)
    {
        var group = Element("g", Attribute("class", cssClass));
        Add(group);
        groups.Push(group);
        return this;
    }

    public Svg Close()
    {
        groups.Pop();
        return this;
    }

    public Svg Rect(double x, double y, double width, double height, string fill, string cssClass) =>
        Add(Element("rect", Attribute("class", cssClass), Attribute("x", C(x)), Attribute("y", C(y)),
            Attribute("width", C(width)), Attribute("height", C(height)), Attribute("fill", fill)));

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width, string? cssClass = null) =>
        Add(Element("line", cssClass is null ? null : Attribute("class", cssClass), Attribute("x1", C(x1)), Attribute("y1", C(y1)),
            Attribute("x2", C(x2)), Attribute("y2", C(y2)), Attribute("stroke", stroke), Attribute("stroke-width", C(width))));

    /// <summary>
    /// The comparison marker: a thin dark line on a white halo, so it stands out both against the
    /// blue bar (where dark on blue alone is too faint) and against the white page.
    /// </summary>
    public Svg Marker(double x1, double y1, double x2, double y2) =>
        Open("hub-chart__marker")
            .Line(x1, y1, x2, y2, White, 5)
            .Line(x1, y1, x2, y2, Ink, 2)
            .Close();

    public Svg Text(double x, double y, string text, double fontSize, string cssClass, string anchor = "start", string fill = Ink) =>
        Add(SvgMarkup.Text("text", text, Attribute("class", cssClass), Attribute("x", C(x)), Attribute("y", C(y)),
            Attribute("font-size", C(fontSize)), Attribute("fill", fill), anchor == "start" ? null : Attribute("text-anchor", anchor)));

    public static string C(double value) => ChartText.Coordinate(value);

    private Svg Add(XElement shape)
    {
        if (groups.TryPeek(out var group))
        {
            group.Add(shape);
        }
        else
        {
            shapes.Add(shape);
        }
        return this;
    }
}
