using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hub.Web.Design.Forms;

/// <summary>The NHS.UK select: <c>&lt;nhs-select asp-for="Team" label="Team" options="@teams" /&gt;</c>.</summary>
[HtmlTargetElement("nhs-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsSelectTagHelper : NhsFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public IEnumerable<Nhs.Option> Options { get; set; } = [];

    /// <summary>Chosen when nothing was posted; without it, the bound property's value.</summary>
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var error = Error;
        var chosen = Posted(FieldName) ?? Value ?? Format(For?.Model) ?? string.Empty;
        var select = new TagBuilder("select");
        select.Attributes["class"] = Classes("nhsuk-select", error is null ? null : "nhsuk-select--error");
        select.Attributes["id"] = id;
        select.Attributes["name"] = FieldName;
        Describe(select, id, Hint, error);
        foreach (var option in Options)
        {
            var tag = new TagBuilder("option");
            tag.Attributes["value"] = option.Value;
            if (string.Equals(option.Value, chosen, StringComparison.Ordinal))
            {
                tag.Attributes["selected"] = string.Empty;
            }
            tag.InnerHtml.Append(option.Label);
            select.InnerHtml.AppendHtml(tag);
        }

        var content = new HtmlContentBuilder()
            .AppendHtml(LabelTag(id, Label, false))
            .AppendHtml(HintFor(id, Hint))
            .AppendHtml(ErrorMessage(id, error))
            .AppendHtml(select);
        WriteGroup(output, error, content);
    }
}
