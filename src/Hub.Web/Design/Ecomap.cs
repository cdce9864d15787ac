using System.Globalization;
using Hub.Domain.Conversations;
using Microsoft.AspNetCore.Html;
using static Hub.Web.Design.SvgMarkup;

namespace Hub.Web.Design;

/// <summary>
/// Draws the person's network as an ecomap: the person in the middle, the people in their life
/// around them. The line says what the relationship is like without relying on colour (solid:
/// supportive, dashed: strained, dotted: mixed) and its thickness how often they are in touch.
/// The same facts are always given in a table beside it.
/// </summary>
public static class Ecomap
{
    private const int Width = 640;
    private const int Height = 440;

    public static IHtmlContent Render(string? personName, IReadOnlyList<NetworkMember> network, string id = "ecomap")
    {
        var (cx, cy) = (Width / 2.0, Height / 2.0);
        var radius = 150.0;
        var description = network.Count == 0
            ? "No people recorded yet."
            : string.Join("; ", network.Select(m => $"{m.Name}: {m.Quality.ToString().ToLowerInvariant()}, in touch {m.Frequency.ToString().ToLowerInvariant()}"));
        var svg = Element("svg",
            Attribute("class", "hub-ecomap"),
            Attribute("viewBox", $"0 0 {N(Width)} {N(Height)}"),
            Attribute("role", "img"),
            Attribute("aria-labelledby", $"{id}-title {id}-desc"),
            Text("title", $"Network map of the people in {personName ?? "the person"}'s life", Attribute("id", id + "-title")),
            Text("desc", description, Attribute("id", id + "-desc")));

        for (var i = 0; i < network.Count; i++)
        {
            var member = network[i];
            var angle = (2 * Math.PI * i / Math.Max(1, network.Count)) - (Math.PI / 2);
            var (x, y) = (cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle)));
            var dash = member.Quality switch
            {
                RelationshipQuality.Strained => "12 8",
                RelationshipQuality.Mixed => "3 6",
                _ => null,
            };
            var width = member.Frequency switch
            {
                ContactFrequency.Daily => 6,
                ContactFrequency.Weekly => 4,
                ContactFrequency.Monthly => 2.5,
                _ => 1.5,
            };
            svg.Add(Element("line", Attribute("x1", N(cx)), Attribute("y1", N(cy)), Attribute("x2", N(x)), Attribute("y2", N(y)),
                Attribute("stroke", "#005eb8"), Attribute("stroke-width", width.ToString(CultureInfo.InvariantCulture)),
                dash is null ? null : Attribute("stroke-dasharray", dash), Attribute("stroke-linecap", "round")));
            svg.Add(Element("circle", Attribute("cx", N(x)), Attribute("cy", N(y)), Attribute("r", "18"),
                Attribute("fill", "#ffffff"), Attribute("stroke", "#425563"), Attribute("stroke-width", "2")));
            // Names sit outside the circles, above the top half and below the bottom half, so they never overlap a line.
            var labelY = y <= cy ? y - 26 : y + 36;
            svg.Add(Text("text", Shorten(member.Name), Attribute("x", N(x)), Attribute("y", N(labelY)), Attribute("text-anchor", "middle")));
        }

        // The person's own name stays inside their circle: a wider circle, a smaller type, and a long name shortened (the heading and table carry it whole).
        svg.Add(Element("circle", Attribute("cx", N(cx)), Attribute("cy", N(cy)), Attribute("r", "60"),
            Attribute("fill", "#e8edee"), Attribute("stroke", "#212b32"), Attribute("stroke-width", "3")));
        svg.Add(Text("text", Shorten(personName ?? "Them", CentreNameLength), Attribute("x", N(cx)), Attribute("y", N(cy + 5)),
            Attribute("text-anchor", "middle"), Attribute("font-weight", "bold"), Attribute("font-size", "14")));
        return ToHtml(svg);
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>About as many characters of bold 14 px type as fit across the person's circle.</summary>
    private const int CentreNameLength = 13;

    private static string Shorten(string text, int length = 20) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
