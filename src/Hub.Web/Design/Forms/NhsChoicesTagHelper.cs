using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hub.Web.Design.Forms;

/// <summary>
/// NHS.UK radios and checkboxes: a fieldset with its legend, hint and error message, and one item per
/// option. The first item carries the field's id, so the error summary link lands on it.
/// </summary>
public abstract class NhsChoicesTagHelper(string kind, string inputType) : NhsFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public IEnumerable<Nhs.Option> Options { get; set; } = [];

    public bool Small { get; set; }

    protected abstract ISet<string> Chosen();

    public bool Inline { get; set; }

    public bool LegendIsHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var error = Error;
        var chosen = Chosen();
        var fieldset = new TagBuilder("fieldset");
        fieldset.Attributes["class"] = "nhsuk-fieldset";
        Describe(fieldset, id, Hint, error);
        fieldset.InnerHtml.AppendHtml(LegendTag(Legend, LegendIsHeading));
        fieldset.InnerHtml.AppendHtml(HintFor(id, Hint));
        fieldset.InnerHtml.AppendHtml(ErrorMessage(id, error));

        var items = Tag("div", Classes($"nhsuk-{kind}", Inline ? $"nhsuk-{kind}--inline" : null, Small ? $"nhsuk-{kind}--small" : null));
        var index = 0;
        foreach (var option in Options)
        {
            var optionId = index++ == 0 ? id : $"{id}-{index}";
            var item = Tag("div", $"nhsuk-{kind}__item");
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
            input.Attributes["class"] = $"nhsuk-{kind}__input";
            input.Attributes["id"] = optionId;
            input.Attributes["name"] = FieldName;
            input.Attributes["type"] = inputType;
            input.Attributes["value"] = option.Value;
            if (chosen.Contains(option.Value))
            {
                input.Attributes["checked"] = string.Empty;
            }
            if (option.Hint is not null)
            {
                input.Attributes["aria-describedby"] = optionId + "-item-hint";
            }
            item.InnerHtml.AppendHtml(input);
            var label = Tag("label", $"nhsuk-label nhsuk-{kind}__label", option.Label);
            label.Attributes["for"] = optionId;
            item.InnerHtml.AppendHtml(label);
            if (option.Hint is not null)
            {
                var hint = Tag("div", $"nhsuk-hint nhsuk-{kind}__hint", option.Hint);
                hint.Attributes["id"] = optionId + "-item-hint";
                item.InnerHtml.AppendHtml(hint);
            }
            items.InnerHtml.AppendHtml(item);
        }
        fieldset.InnerHtml.AppendHtml(items);
        WriteGroup(output, error, new HtmlContentBuilder().AppendHtml(fieldset));
    }
}

/// <summary>NHS.UK radios: <c>&lt;nhs-radios asp-for="Reason" legend="Why?" options="@reasons" small="true" /&gt;</c>.</summary>
[HtmlTargetElement("nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsRadiosTagHelper() : NhsChoicesTagHelper("radios", "radio")
{
    /// <summary>Chosen when nothing was posted; without it, the bound property's value.</summary>
    public string? Value { get; set; }

    protected override ISet<string> Chosen()
    {
        var chosen = Posted(FieldName) ?? Value ?? Format(For?.Model);
        return chosen is null ? new HashSet<string>() : new HashSet<string>(StringComparer.Ordinal) { chosen };
    }
}

/// <summary>NHS.UK checkboxes, every ticked value posted under the same name: <c>&lt;nhs-checkboxes asp-for="Days" legend="Days" options="@days" /&gt;</c>.</summary>
[HtmlTargetElement("nhs-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsCheckboxesTagHelper() : NhsChoicesTagHelper("checkboxes", "checkbox")
{
    /// <summary>Ticked when nothing was posted; without it, the bound property's values (a true bool ticks "true").</summary>
    public IEnumerable<string>? Values { get; set; }

    protected override ISet<string> Chosen() =>
        (PostedAll(FieldName) ?? Values ?? FormatAll(For?.Model)).ToHashSet(StringComparer.Ordinal);
}
