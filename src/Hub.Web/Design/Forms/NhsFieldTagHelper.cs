using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hub.Web.Design.Forms;

/// <summary>
/// What every NHS.UK form field shares: the field bound with <c>asp-for</c> (or, for a field with no
/// property of its own, <c>name</c> and <c>value</c>), its first error from ModelState, what was last
/// posted for it, and the label, hint, error message and form group around it. Everything is written
/// with <see cref="TagBuilder"/>, which encodes every value.
/// </summary>
public abstract class NhsFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    /// <summary>The posted name when the field is not bound with <c>asp-for</c> (a query string field, or a row built in a loop).</summary>
    public string? Name { get; set; }

    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected ModelStateDictionary State => ViewContext.ModelState;

    protected string FieldName => Name
        ?? (For is { } bound ? ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(bound.Name) : throw new InvalidOperationException("An NHS form field needs asp-for or name."));

    protected string Id => Nhs.IdFor(FieldName);

    protected string? Error => Nhs.ErrorFor(State, FieldName);

    /// <summary>What the person last posted for a field, so a form shown again keeps it.</summary>
    protected string? Posted(string name) => State.TryGetValue(name, out var entry) ? entry.AttemptedValue : null;

    protected IEnumerable<string>? PostedAll(string name) =>
        State.TryGetValue(name, out var entry) && entry.RawValue is not null
            ? entry.RawValue switch { string one => [one], string[] many => many, _ => null }
            : null;

    protected static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    protected static IEnumerable<string> FormatAll(object? value) => value switch
    {
        null => [],
        string text => [text],
        bool flag => flag ? ["true"] : [],
        IEnumerable many => many.Cast<object?>().Select(Format).OfType<string>(),
        _ => [Format(value)!],
    };

    /// <summary>Turns the element into the NHS form group holding <paramref name="content"/>.</summary>
    protected void WriteGroup(TagHelperOutput output, string? error, IHtmlContent content)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", error is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error");
        output.Content.SetHtmlContent(content);
    }

    protected static TagBuilder Tag(string name, string? cssClass = null, string? text = null)
    {
        var tag = new TagBuilder(name);
        if (cssClass is not null)
        {
            tag.Attributes["class"] = cssClass;
        }
        if (text is not null)
        {
            tag.InnerHtml.Append(text);
        }
        return tag;
    }

    protected static IHtmlContent LabelTag(string id, string label, bool isHeading)
    {
        var tag = Tag("label", isHeading ? "nhsuk-label nhsuk-label--l" : "nhsuk-label", label);
        tag.Attributes["for"] = id;
        if (!isHeading)
        {
            return tag;
        }
        var heading = Tag("h1", "nhsuk-label-wrapper");
        heading.InnerHtml.AppendHtml(tag);
        return heading;
    }

    protected static IHtmlContent LegendTag(string legend, bool isHeading)
    {
        if (!isHeading)
        {
            return Tag("legend", "nhsuk-fieldset__legend nhsuk-fieldset__legend--s", legend);
        }
        var tag = Tag("legend", "nhsuk-fieldset__legend nhsuk-fieldset__legend--l");
        tag.InnerHtml.AppendHtml(Tag("h1", "nhsuk-fieldset__heading", legend));
        return tag;
    }

    protected static IHtmlContent HintFor(string id, string? hint)
    {
        if (hint is null)
        {
            return HtmlString.Empty;
        }
        var tag = Tag("div", "nhsuk-hint", hint);
        tag.Attributes["id"] = id + "-hint";
        return tag;
    }

    protected static IHtmlContent ErrorMessage(string id, string? error)
    {
        if (error is null)
        {
            return HtmlString.Empty;
        }
        var tag = Tag("span", "nhsuk-error-message");
        tag.Attributes["id"] = id + "-error";
        tag.InnerHtml.AppendHtml(Tag("span", "nhsuk-u-visually-hidden", "Error:"));
        tag.InnerHtml.Append(" " + error);
        return tag;
    }

    /// <summary>Points the control at its hint and error message, when it has them.</summary>
    protected static void Describe(TagBuilder tag, string id, string? hint, string? error)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add(id + "-hint");
        if (error is not null) ids.Add(id + "-error");
        if (ids.Count > 0)
        {
            tag.Attributes["aria-describedby"] = string.Join(' ', ids);
        }
    }

    protected static string Classes(params string?[] classes) => string.Join(' ', classes.Where(c => !string.IsNullOrEmpty(c)));
}
