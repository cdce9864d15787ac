using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Hub.Web.Design.Documents;

/// <summary>
/// Text written inside a CSS string in a style element (where HTML encoding does not apply): quotes,
/// backslashes and line breaks escaped, and "&lt;" so nothing can close the style element.
/// </summary>
public sealed class CssString(string text) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var c in text)
        {
            writer.Write(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '<' => "\\3C ",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }
    }
}
