using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Hub.Domain.Conversations;
using Microsoft.AspNetCore.Html;

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
        var encoder = HtmlEncoder.Default;
        var (cx, cy) = (Width / 2.0, Height / 2.0);
        var radius = 150.0;
        var sb = new StringBuilder();
        var description = network.Count == 0
            ? "No people recorded yet."
            : string.Join("; ", network.Select(m => $"{m.Name}: {m.Quality.ToString().ToLowerInvariant()}, in touch {m.Frequency.ToString().ToLowerInvariant()}"));
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"hub-ecomap\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">Network map of the people in {encoder.Encode(personName ?? "the person")}'s life</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{encoder.Encode(description)}</desc>");

        for (var i = 0; i < network.Count; i++)
        {
            var member = network[i];
            var angle = (2 * Math.PI * i / Math.Max(1, network.Count)) - (Math.PI / 2);
            var (x, y) = (cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle)));
            var dash = member.Quality switch
            {
                RelationshipQuality.Strained => " stroke-dasharray=\"12 8\"",
                RelationshipQuality.Mixed => " stroke-dasharray=\"3 6\"",
                _ => string.Empty,
            };
            var width = member.Frequency switch
            {
                ContactFrequency.Daily => 6,
                ContactFrequency.Weekly => 4,
                ContactFrequency.Monthly => 2.5,
                _ => 1.5,
            };
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{cx:0.#}\" y1=\"{cy:0.#}\" x2=\"{x:0.#}\" y2=\"{y:0.#}\" stroke=\"#005eb8\" stroke-width=\"{width}\"{dash} stroke-linecap=\"round\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"18\" fill=\"#ffffff\" stroke=\"#425563\" stroke-width=\"2\"/>");
            // Names sit outside the circles, above the top half and below the bottom half, so they never overlap a line.
            var labelY = y <= cy ? y - 26 : y + 36;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{labelY:0.#}\" text-anchor=\"middle\">{encoder.Encode(Shorten(member.Name))}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"44\" fill=\"#e8edee\" stroke=\"#212b32\" stroke-width=\"3\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{cx:0.#}\" y=\"{cy + 5:0.#}\" text-anchor=\"middle\" font-weight=\"bold\">{encoder.Encode(Shorten(personName ?? "Them"))}</text>");
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : string.Concat(text.AsSpan(0, 19), "…");
}
