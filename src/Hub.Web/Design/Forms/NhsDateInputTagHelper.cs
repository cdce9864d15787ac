using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hub.Web.Design.Forms;

/// <summary>
/// The NHS.UK date input: day, month and year boxes in one fieldset, each bound to its own property;
/// errors are reported against the day box, which the error summary links to.
/// </summary>
[HtmlTargetElement("nhs-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsDateInputTagHelper : NhsFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    [HtmlAttributeName("day-for")]
    public ModelExpression Day { get; set; } = default!;

    [HtmlAttributeName("month-for")]
    public ModelExpression Month { get; set; } = default!;

    [HtmlAttributeName("year-for")]
    public ModelExpression Year { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        string NameOf(ModelExpression box) => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(box.Name);
        var dayName = NameOf(Day);
        var id = Nhs.IdFor(dayName);
        var error = Nhs.ErrorFor(State, dayName);
        var fieldset = new TagBuilder("fieldset");
        fieldset.Attributes["class"] = "nhsuk-fieldset";
        fieldset.Attributes["role"] = "group";
        Describe(fieldset, id, Hint, error);
        fieldset.InnerHtml.AppendHtml(LegendTag(Legend, false));
        fieldset.InnerHtml.AppendHtml(HintFor(id, Hint));
        fieldset.InnerHtml.AppendHtml(ErrorMessage(id, error));
        var boxes = Tag("div", "nhsuk-date-input");
        foreach (var (box, label, width, autocomplete) in new[] { (Day, "Day", 2, "bday-day"), (Month, "Month", 2, "bday-month"), (Year, "Year", 4, "bday-year") })
        {
            var name = NameOf(box);
            var boxId = Nhs.IdFor(name);
            var labelTag = Tag("label", "nhsuk-label nhsuk-date-input__label", label);
            labelTag.Attributes["for"] = boxId;
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
            input.Attributes["class"] = Classes("nhsuk-input nhsuk-date-input__input", $"nhsuk-input--width-{width}", error is null ? null : "nhsuk-input--error");
            input.Attributes["id"] = boxId;
            input.Attributes["name"] = name;
            input.Attributes["type"] = "text";
            input.Attributes["inputmode"] = "numeric";
            input.Attributes["autocomplete"] = autocomplete;
            input.Attributes["value"] = Posted(name) ?? Format(box.Model) ?? string.Empty;
            var group = Tag("div", "nhsuk-form-group");
            group.InnerHtml.AppendHtml(labelTag).AppendHtml(input);
            var item = Tag("div", "nhsuk-date-input__item");
            item.InnerHtml.AppendHtml(group);
            boxes.InnerHtml.AppendHtml(item);
        }
        fieldset.InnerHtml.AppendHtml(boxes);
        WriteGroup(output, error, new HtmlContentBuilder().AppendHtml(fieldset));
    }
}
