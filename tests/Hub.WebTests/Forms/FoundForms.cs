using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.TestSupport;

namespace Hub.WebTests.Forms;

/// <summary>Where a field's value travels: in the body (or a GET form's query), in the action's query string, or in a segment of its path.</summary>
internal enum FieldPlace
{
    Body,
    Query,
    Path,
}

/// <summary>One field of a found form: what the page gives for it, the choices it offers, and where it travels.</summary>
internal sealed record FoundField(string Name, string Kind, FieldShape Shape, FieldPlace Place, IReadOnlyList<string> Given, IReadOnlyList<string> Options)
{
    public const string AntiforgeryName = "__RequestVerificationToken";

    /// <summary>Typed by a person (text boxes, text areas, date and number boxes), so a value no text rule allows must be refused next to it.</summary>
    public bool IsTyped => Shape == FieldShape.Text;
}

/// <summary>
/// A form as one role found it on one page: where it is sent, how, and its fields as the page gave
/// them (a choice the page leaves unanswered, radios or a "Choose ..." list, answered by its first
/// option, as a person would).
/// A submit button with its own address, or a script's address the form names, is a form of its own.
/// </summary>
internal sealed record FoundForm(string Role, string Page, string Method, string Action, bool Multipart, IReadOnlyList<FoundField> Fields, string Key, bool IsVariant)
{
    public bool IsGet => Method == "get";

    /// <summary>The page's address with ids and numbers left out, for counts and failure messages.</summary>
    public string PageShape => FoundForms.Shape(Page);
}

/// <summary>Finds the forms (and the links that carry a query) on a page, and the pages of the hub from its endpoint data source.</summary>
internal static partial class FoundForms
{
    /// <summary>The address with ids, numbers and query values left out: the same form on another record has the same shape.</summary>
    public static string Shape(string url)
    {
        var hash = url.IndexOf('#');
        if (hash >= 0) url = url[..hash];
        var parts = url.Split('?', 2);
        var path = NumberSegment().Replace(Guid32().Replace(Guid36().Replace(parts[0], "{id}"), "{id}"), "/{n}");
        if (parts.Length == 1)
        {
            return path;
        }
        var query = parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => p[0] == "handler" && p.Length == 2 ? $"handler={p[1].ToLowerInvariant()}" : p[0]);
        return path + "?" + string.Join("&", query);
    }

    /// <summary>Every post and get form on the page, with its variants.</summary>
    public static List<FoundForm> On(IHtmlDocument page, string role, string pageUrl, IReadOnlyList<string> routes)
    {
        var found = new List<FoundForm>();
        foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            var method = (form.GetAttribute("method") ?? "get").ToLowerInvariant();
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
            var fields = FieldsOf(form, method == "get");
            var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            found.Add(Make(role, pageUrl, method, action, multipart, fields, routes, variant: false));

            var variants = form.QuerySelectorAll("button[formaction], input[formaction]").Select(b => b.GetAttribute("formaction")!)
                .Concat(form.GetAttribute("data-autosave-url") is { Length: > 0 } script ? [script] : [])
                .Where(v => v != action).Distinct();
            foreach (var variant in variants)
            {
                found.Add(Make(role, pageUrl, method, variant, multipart, fields, routes, variant: true));
            }
        }
        return found;
    }

    /// <summary>Links to the hub's own pages that carry a query (filters, drill-downs, next pages): each is a get form whose fields are its query.</summary>
    public static List<FoundForm> LinksOn(IHtmlDocument page, string role, string pageUrl, IReadOnlyList<string> routes) =>
        page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && h.Contains('?', StringComparison.Ordinal))
            .Select(h => h.Split('#')[0])
            .Where(h => QueryOf(h).Any(p => p.Name != "handler"))
            .DistinctBy(h => Shape(h.Split('?')[0]) + "?" + string.Join("&", QueryOf(h).Select(p => p.Name).Order()))
            .Select(h => Make(role, pageUrl, "get", h, false, [], routes, variant: false))
            .ToList();

    private static FoundForm Make(string role, string page, string method, string action, bool multipart, List<FoundField> bodyFields, IReadOnlyList<string> routes, bool variant)
    {
        var fields = new List<FoundField>(bodyFields);
        fields.AddRange(QueryOf(action).Where(p => p.Name != "handler")
            .Select(p => new FoundField(p.Name, "query", FieldShape.Address, FieldPlace.Query, [p.Value], [])));
        fields.AddRange(PathParameters(action, routes));
        var key = $"{method.ToUpperInvariant()} {Shape(action)}";
        if (method == "get")
        {
            key += " " + string.Join(",", fields.Select(f => f.Name).Order(StringComparer.Ordinal));
        }
        return new FoundForm(role, page, method, action, multipart, fields, key, variant);
    }

    private static List<FoundField> FieldsOf(IHtmlFormElement form, bool isGet)
    {
        var fields = new List<FoundField>();
        // A list whose empty option says "Choose ..." needs an answer; "All teams" or "No session" does not.
        var mustChoose = form.Elements.OfType<IHtmlSelectElement>()
            .Where(x => x.Options.FirstOrDefault() is { Value: "" } empty && empty.Text.Trim().StartsWith("Choose", StringComparison.Ordinal))
            .Select(x => x.Name).ToHashSet();
        // A public form's honeypot (Pages/Shared/_Honeypot) is never filled by a person: filling it is answered as sent and
        // stores nothing (HoneypotAndFloodTests, StartAGroupTests), so it is not a typed box that must refuse bad text.
        var honeypot = form.QuerySelectorAll(".hub-honeypot input").Select(x => x.GetAttribute("name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var group in form.Fields().Where(f => !honeypot.Contains(f.Name)).GroupBy(f => f.Name))
        {
            var first = group.First();
            var kind = first.Kind;
            var given = group.Where(f => f.Sent).Select(f => f.Value).ToList();
            IReadOnlyList<string> options = kind switch
            {
                "radio" or "checkbox" => group.Select(f => f.Value).ToList(),
                "select" => first.Options ?? [],
                _ => [],
            };
            if (kind == "radio" && given.Count == 0 && options.Count > 0 && !isGet)
            {
                given = [options[0]];
            }
            if (kind == "select" && given is [""] && mustChoose.Contains(group.Key) && options.FirstOrDefault(o => o.Length > 0) is { } chosen)
            {
                given = [chosen];
            }
            var shape = kind switch
            {
                "hidden" => FieldShape.Hidden,
                "radio" or "checkbox" or "select" => FieldShape.Choice,
                "file" => FieldShape.File,
                _ => FieldShape.Text,
            };
            fields.Add(new FoundField(group.Key, kind, shape, FieldPlace.Body, given, options));
        }

        // A named submit button sends its value: the first one stands for the form's own.
        foreach (var buttons in form.QuerySelectorAll("button[name], input[type='submit'][name]").Where(b => (b.GetAttribute("type") ?? "submit") == "submit")
                     .GroupBy(b => b.GetAttribute("name")!))
        {
            var values = buttons.Select(b => b.GetAttribute("value") ?? string.Empty).ToList();
            fields.Add(new FoundField(buttons.Key, "button", FieldShape.Choice, FieldPlace.Body, [values[0]], values));
        }
        return fields;
    }

    public static IEnumerable<(string Name, string Value)> QueryOf(string url)
    {
        var query = url.Split('#')[0].Split('?', 2);
        if (query.Length < 2)
        {
            return [];
        }
        return query[1].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(p => (Uri.UnescapeDataString(p[0]), p.Length == 2 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty));
    }

    /// <summary>Segments of the action that fill a route parameter with no type constraint (a guid or a number refuses anything else with a 404).</summary>
    private static IEnumerable<FoundField> PathParameters(string action, IReadOnlyList<string> routes)
    {
        var path = action.Split('?', '#')[0];
        foreach (var route in routes.Where(r => r.Contains('{', StringComparison.Ordinal)))
        {
            var segments = route.Trim('/').Split('/');
            var pattern = "^/" + string.Join("/", segments.Select(s => s.StartsWith('{') ? (s.Contains(':', StringComparison.Ordinal) ? "[^/]+" : $"(?<{Name(s)}>[^/]+)") : Regex.Escape(s))) + "$";
            var match = Regex.Match(path, pattern, RegexOptions.IgnoreCase);
            if (match.Success)
            {
                return segments.Where(s => s.StartsWith('{') && !s.Contains(':', StringComparison.Ordinal))
                    .Select(s => new FoundField("{" + Name(s) + "}", "path", FieldShape.Address, FieldPlace.Path, [Uri.UnescapeDataString(match.Groups[Name(s)].Value)], []))
                    .ToList();
            }
        }
        return [];

        static string Name(string segment) => segment.Trim('{', '}', '?', '*'); // '*' of a catch-all (the jobs dashboard)
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid36();

    [GeneratedRegex("(?<![0-9a-fA-F])[0-9a-fA-F]{32}(?![0-9a-fA-F])")]
    private static partial Regex Guid32();

    [GeneratedRegex("/[0-9]+(?=/|$)")]
    private static partial Regex NumberSegment();
}
