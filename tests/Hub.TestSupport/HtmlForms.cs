using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Hub.TestSupport;

/// <summary>
/// Posts real HTML forms as a browser would: reads the page, keeps every field the form carries
/// (including the antiforgery token and hidden fields), overrides the ones the test fills in.
/// </summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>
    /// Submits the form containing <paramref name="submitSelector"/> (a submit button) or the first
    /// form that matches <paramref name="formSelector"/>, with <paramref name="values"/> filled in.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string formSelector,
        IEnumerable<KeyValuePair<string, string>>? values = null, string? submitSelector = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var fields = form.Fields().Where(f => f.Sent).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();

        if (values is not null)
        {
            foreach (var group in values.GroupBy(v => v.Key))
            {
                fields.RemoveAll(f => f.Key == group.Key);
                fields.AddRange(group);
            }
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Url;
        if (submitSelector is not null)
        {
            var button = form.QuerySelector(submitSelector) ?? throw new InvalidOperationException($"No button '{submitSelector}' in the form.");
            if (button.GetAttribute("formaction") is { Length: > 0 } formAction)
            {
                action = formAction;
            }
            if (button.GetAttribute("name") is { Length: > 0 } name)
            {
                fields.Add(new(name, button.GetAttribute("value") ?? string.Empty));
            }
        }
        return client.PostAsync(StripFragment(action), new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Every named control of <paramref name="form"/> in document order, one entry per radio or
    /// checkbox option, marked <see cref="FormField.Sent"/> when a browser would send it as the page
    /// gave it (a ticked box, a chosen option, any other field). Submit buttons are not fields.
    /// </summary>
    public static IReadOnlyList<FormField> Fields(this IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "image" or "reset"):
                    fields.Add(new FormField(input.Name, input.Type, input.Value, input.Type is not ("radio" or "checkbox") || input.IsChecked));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new FormField(area.Name, "textarea", area.Value, true));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new FormField(select.Name, "select", select.Value ?? string.Empty, true,
                        select.Options.Select(o => o.Value).ToList()));
                    break;
            }
        }
        return fields;
    }

    public static string Text(this IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? string.Empty;

    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument page) =>
        page.QuerySelectorAll(".nhsuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    private static string StripFragment(string url)
    {
        var hash = url.IndexOf('#');
        return hash < 0 ? url : url[..hash];
    }

    public static bool IsRedirect(this HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb;
}

/// <summary>
/// One control of a form: its name, its kind (an input's type, "textarea" or "select"), the value it
/// holds, whether a browser would send it as it stands, and a select's options.
/// </summary>
public sealed record FormField(string Name, string Kind, string Value, bool Sent, IReadOnlyList<string>? Options = null);
