using System.Text.Encodings.Web;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace Hub.Web.Design;

/// <summary>
/// Inline SVG built as <see cref="XElement"/>s and written by <see cref="XmlWriter"/>, which encodes
/// every attribute value and every piece of text: the charts and the ecomap never put a value into
/// markup by hand. Text is made safe for XML first (a character XML cannot hold becomes U+FFFD).
/// </summary>
public static class SvgMarkup
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>An SVG element; <paramref name="content"/> holds attributes (name, value) and child elements.</summary>
    public static XElement Element(string name, params object?[] content) => new(Ns + name, content);

    public static XAttribute Attribute(string name, string value) => new(name, Safe(value));

    public static XElement Text(string name, string text, params object?[] attributes) =>
        new(Ns + name, attributes, new XText(Safe(text)));

    /// <summary>The drawing as HTML content, for a page or a document to write.</summary>
    public static IHtmlContent ToHtml(XElement svg) => new Content(svg);

    private static string Safe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }
        return new string(chars);
    }

    private sealed class Content(XElement svg) : IHtmlContent
    {
        private static readonly XmlWriterSettings Settings = new() { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment };

        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            using var xml = XmlWriter.Create(writer, Settings);
            svg.WriteTo(xml);
        }
    }
}
