using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Application.Common;
using Hub.Application.PersonalData.ExportPersonalData;

namespace Hub.Web.Design;

/// <summary>
/// A subject access export in the two forms the person can use: one self-contained HTML page to
/// read or print (every section with a heading, what it holds, and each record as a list of named
/// values; staff ids shown as names, times in UK time), and JSON holding the same records as stored.
/// </summary>
public static class PersonalDataDocument
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Html(PersonalDataExport export, string hubName)
    {
        var title = $"Everything {hubName} holds about you";
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
          .Append(E(title)).Append("</title><style>").Append(Styles).Append("</style></head><body><main>");
        sb.Append("<h1>").Append(E(title)).Append("</h1>");
        sb.Append("<p>Referral ").Append(E(export.Reference)).Append(". Made ").Append(E(UkTime.Format(export.GeneratedAt)))
          .Append(". This is a copy of every record the hub keeps about you, in its own words and as it was written. Where a value is a member of staff, their name is shown.</p>");
        sb.Append("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>");
        foreach (var section in export.Sections)
        {
            sb.Append("<li><a href=\"#").Append(section.Key).Append("\">").Append(E(section.Title)).Append("</a> (")
              .Append(section.Records.Count.ToString(CultureInfo.InvariantCulture)).Append(")</li>");
        }
        sb.Append("</ol></nav>");

        foreach (var section in export.Sections)
        {
            sb.Append("<section aria-labelledby=\"").Append(section.Key).Append("\"><h2 id=\"").Append(section.Key).Append("\">").Append(E(section.Title)).Append("</h2>");
            sb.Append("<p>").Append(E(section.Explanation)).Append("</p>");
            if (section.Records.Count == 0)
            {
                sb.Append("<p class=\"none\">Nothing held.</p>");
            }
            var number = 0;
            foreach (var record in section.Records)
            {
                number++;
                sb.Append("<h3>").Append(E(section.Title)).Append(", ").Append(number.ToString(CultureInfo.InvariantCulture)).Append("</h3>");
                Values(sb, record, export.Staff);
            }
            sb.Append("</section>");
        }
        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    public static byte[] Json(PersonalDataExport export, string hubName)
    {
        var document = new JsonObject
        {
            ["hub"] = hubName,
            ["reference"] = export.Reference,
            ["generatedAt"] = export.GeneratedAt.ToString("O", CultureInfo.InvariantCulture),
            ["staff"] = new JsonObject(export.Staff.Select(s => KeyValuePair.Create(s.Key.ToString(), (JsonNode?)JsonValue.Create(s.Value)))),
        };
        foreach (var section in export.Sections)
        {
            document[section.Key] = new JsonArray(section.Records.Select(r => (JsonNode?)r.DeepClone()).ToArray());
        }
        return JsonSerializer.SerializeToUtf8Bytes(document, ExportPersonalDataHandler.Json);
    }

    private static void Values(StringBuilder sb, JsonObject record, IReadOnlyDictionary<Guid, string> staff)
    {
        sb.Append("<dl>");
        foreach (var (name, value) in record)
        {
            sb.Append("<dt>").Append(E(Label(name))).Append("</dt><dd>");
            Value(sb, name, value, staff);
            sb.Append("</dd>");
        }
        sb.Append("</dl>");
    }

    private static void Value(StringBuilder sb, string name, JsonNode? value, IReadOnlyDictionary<Guid, string> staff)
    {
        switch (value)
        {
            case null:
                sb.Append("<span class=\"none\">Not recorded</span>");
                break;
            case JsonObject nested:
                Values(sb, nested, staff);
                break;
            case JsonArray array when array.Count == 0:
                sb.Append("<span class=\"none\">None</span>");
                break;
            case JsonArray array:
                sb.Append("<ul>");
                foreach (var item in array)
                {
                    sb.Append("<li>");
                    Value(sb, name, item, staff);
                    sb.Append("</li>");
                }
                sb.Append("</ul>");
                break;
            case JsonValue scalar:
                sb.Append("<span class=\"words\">").Append(E(Text(scalar, staff))).Append("</span>");
                break;
        }
    }

    private static string Text(JsonValue value, IReadOnlyDictionary<Guid, string> staff)
    {
        if (value.TryGetValue<bool>(out var flag))
        {
            return flag ? "Yes" : "No";
        }
        if (!value.TryGetValue<string>(out var text))
        {
            return value.ToJsonString();
        }
        if (Guid.TryParse(text, out var id))
        {
            return staff.TryGetValue(id, out var who) ? who : text;
        }
        if (text.Length >= 20 && char.IsAsciiDigit(text[0]) && text.Contains('T')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return UkTime.Format(at);
        }
        return text;
    }

    /// <summary><c>receivedAt</c> becomes "Received at".</summary>
    private static string Label(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(sb.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }
        return sb.ToString();
    }

    private static string E(string value) => Encoder.Encode(value);

    private const string Styles =
        "body{font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#212b32;margin:0;padding:0 16px}"
        + "main{max-width:60rem;margin:0 auto}h1{font-size:2rem}h2{font-size:1.5rem;margin-top:2rem;border-bottom:2px solid #005eb8}h3{font-size:1.1rem;margin:1.2rem 0 .3rem}"
        + "dl{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.2rem 1rem;margin:0 0 .5rem}dt{font-weight:bold}dd{margin:0}dd dl{grid-template-columns:minmax(6rem,10rem) 1fr}"
        + ".words{white-space:pre-wrap;overflow-wrap:anywhere}.none{color:#4c6272}ul{margin:0;padding-left:1.2rem}a{color:#005eb8}"
        + "@media print{h2{break-after:avoid}h3{break-after:avoid}dl{break-inside:auto}}";
}
