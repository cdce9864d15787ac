using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Application.Common;
using Hub.Application.PersonalData.ExportPersonalData;
using Hub.Web.Design.Documents;

namespace Hub.Web.Design;

/// <summary>
/// A subject access export in the two forms the person can use: one self-contained HTML page to
/// read or print (every section with a heading, what it holds, and each record as a list of named
/// values; staff ids shown as names, times in UK time; the view is
/// <c>Design/Documents/PersonalData.cshtml</c>), and JSON holding the same records as stored.
/// </summary>
public sealed class PersonalDataDocument(IRazorViewToString views)
{
    public sealed record Page(PersonalDataExport Export, string HubName)
    {
        public string Title => Export.FoundBy is null ? $"Everything {HubName} holds about you" : $"Everything {HubName} holds about you on Connect and Do";
    }

    public Task<string> HtmlAsync(PersonalDataExport export, string hubName) =>
        views.RenderAsync("/Design/Documents/PersonalData.cshtml", new Page(export, hubName));

    /// <summary>The export as a file to download: "json" for data, anything else (the pages allow only "html") the readable page.</summary>
    /// <param name="name">The file's name without its ending: a reference or a kind and a date, never a name or an address.</param>
    public async Task<(byte[] Content, string ContentType, string FileName)> FileAsync(PersonalDataExport export, string hubName, string format, string name) =>
        format == "json"
            ? (Json(export, hubName), "application/json", name + ".json")
            : (Encoding.UTF8.GetBytes(await HtmlAsync(export, hubName)), "text/html; charset=utf-8", name + ".html");

    public static byte[] Json(PersonalDataExport export, string hubName)
    {
        var document = new JsonObject
        {
            ["hub"] = hubName,
            [export.FoundBy is null ? "reference" : "foundBy"] = export.FoundBy ?? export.Reference,
            ["generatedAt"] = export.GeneratedAt.ToString("O", CultureInfo.InvariantCulture),
            ["staff"] = new JsonObject(export.Staff.Select(s => KeyValuePair.Create(s.Key.ToString(), (JsonNode?)JsonValue.Create(s.Value)))),
        };
        foreach (var section in export.Sections)
        {
            document[section.Key] = new JsonArray(section.Records.Select(r => (JsonNode?)r.DeepClone()).ToArray());
        }
        return JsonSerializer.SerializeToUtf8Bytes(document, ExportPersonalDataHandler.Json);
    }

    /// <summary>A stored value as the person reads it: yes or no, a member of staff by name, a time in UK time.</summary>
    public static string Text(JsonValue value, IReadOnlyDictionary<Guid, string> staff)
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
    public static string Label(string name)
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
}
