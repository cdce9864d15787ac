using System.Globalization;
using System.Text;
using Hub.Application.Common;

namespace Hub.Web.Design.Charts;

/// <summary>
/// Text inside the SVG: how wide it will be, cutting it to fit, keeping it valid XML, and numbers
/// written the same whatever the server's culture.
/// </summary>
internal static class ChartText
{
    public const string Ellipsis = "…";

    // Advance widths of printable ASCII in thousandths of an em, close to Arial, the font our pages
    // fall back to (Frutiger is not served, see decision 012) and the one Chromium prints with.
    private static readonly short[] Ascii =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
    ];

    /// <summary>An estimate of the text's width in user units, erring wide so that text fits rather than overflows.</summary>
    public static double Width(string text, double fontSize)
    {
        var thousandths = 0.0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            thousandths += Advance(elements.GetTextElement());
        }
        return thousandths / 1000 * fontSize * 1.05;
    }

    /// <summary>The text, cut at a character boundary and ended with an ellipsis when it is wider than <paramref name="maxWidth"/>.</summary>
    public static string Fit(string text, double maxWidth, double fontSize)
    {
        if (Width(text, fontSize) <= maxWidth)
        {
            return text;
        }
        var room = maxWidth - Width(Ellipsis, fontSize);
        var kept = new StringBuilder();
        var used = 0.0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var width = Advance(element) / 1000 * fontSize * 1.05;
            if (used + width > room)
            {
                break;
            }
            kept.Append(element);
            used += width;
        }
        return kept.ToString().TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Text safe to put in SVG: control characters (which XML forbids even as references) become
    /// spaces, and invisible formatting characters such as bidi overrides are dropped so that a name
    /// cannot reorder the text drawn after it.
    /// </summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }
                lastWasSpace = true;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                sb.Append(c);
                lastWasSpace = false;
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>A figure as people read it in the UK: "1,234.5".</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", UkTime.Culture);

    /// <summary>A coordinate for an SVG attribute: always a full stop, never a thousands separator.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static double Advance(string element)
    {
        var c = element[0];
        return c switch
        {
            >= ' ' and <= '~' => Ascii[c - ' '],
            '…' or '—' => 1000,
            '–' => 556,
            >= '\u2E80' => 1000, // CJK and other wide scripts
            _ when char.IsHighSurrogate(c) => 1000, // emoji and other astral characters
            _ => 667,
        };
    }
}
