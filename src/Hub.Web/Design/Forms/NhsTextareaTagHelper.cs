using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hub.Web.Design.Forms;

/// <summary>The NHS.UK textarea: <c>&lt;nhs-textarea asp-for="Note" label="Note" rows="3" /&gt;</c>.</summary>
[HtmlTargetElement("nhs-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsTextareaTagHelper : NhsFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    /// <summary>Shown when nothing was posted; without it, the bound property's value.</summary>
    public string? Value { get; set; }

    public int Rows { get; set; } = 5;
    public bool LabelIsHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var error = Error;
        var textarea = new TagBuilder("textarea");
        textarea.Attributes["class"] = Classes("nhsuk-textarea", error is null ? null : "nhsuk-textarea--error");
        textarea.Attributes["id"] = id;
        textarea.Attributes["name"] = FieldName;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Describe(textarea, id, Hint, error);
        textarea.InnerHtml.Append(Posted(FieldName) ?? Value ?? Format(For?.Model) ?? string.Empty);

        var content = new HtmlContentBuilder()
            .AppendHtml(LabelTag(id, Label, LabelIsHeading))
            .AppendHtml(HintFor(id, Hint))
            .AppendHtml(ErrorMessage(id, error))
            .AppendHtml(textarea);
        WriteGroup(output, error, content);
    }
}
