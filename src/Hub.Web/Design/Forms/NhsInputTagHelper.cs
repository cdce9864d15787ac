using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hub.Web.Design.Forms;

/// <summary>The NHS.UK text input: <c>&lt;nhs-input asp-for="Email" label="Email address" type="email" /&gt;</c>.</summary>
[HtmlTargetElement("nhs-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsInputTagHelper : NhsFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    /// <summary>Shown when nothing was posted; without it, the bound property's value.</summary>
    public string? Value { get; set; }

    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? WidthClass { get; set; }
    public string? InputMode { get; set; }
    public bool LabelIsHeading { get; set; }
    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var error = Error;
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        input.Attributes["class"] = Classes("nhsuk-input", WidthClass, error is null ? null : "nhsuk-input--error");
        input.Attributes["id"] = id;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = Type;
        input.Attributes["value"] = Posted(FieldName) ?? Value ?? Format(For?.Model) ?? string.Empty;
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        if (InputMode is not null) input.Attributes["inputmode"] = InputMode;
        if (!Spellcheck) input.Attributes["spellcheck"] = "false";
        Describe(input, id, Hint, error);

        var content = new HtmlContentBuilder()
            .AppendHtml(LabelTag(id, Label, LabelIsHeading))
            .AppendHtml(HintFor(id, Hint))
            .AppendHtml(ErrorMessage(id, error))
            .AppendHtml(input);
        WriteGroup(output, error, content);
    }
}
