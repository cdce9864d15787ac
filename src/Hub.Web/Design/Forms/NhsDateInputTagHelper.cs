using System.Globalization;
using Hub.Application.Common;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hub.Web.Design.Forms;

/// <summary>
/// The NHS.UK date input: day, month and year boxes in one fieldset, and hour and minute boxes when
/// <see cref="Time"/> is set. Bound with <c>asp-for</c> to a <see cref="DateOnly"/> or (with a time)
/// a <see cref="DateTimeOffset"/> shown in UK time, read back by <see cref="NhsDateModelBinder"/>;
/// each error sits on the box it is about and what was typed is shown again. The older form, one
/// property per box (<c>day-for</c>, <c>month-for</c>, <c>year-for</c>), reports errors against the
/// day box.
/// </summary>
[HtmlTargetElement("nhs-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsDateInputTagHelper : NhsFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    /// <summary>Adds hour and minute boxes (24-hour clock, UK time).</summary>
    public bool Time { get; set; }

    /// <summary>The legend as the page's heading, for a question page.</summary>
    public bool LegendIsHeading { get; set; }

    [HtmlAttributeName("day-for")]
    public ModelExpression? Day { get; set; }

    [HtmlAttributeName("month-for")]
    public ModelExpression? Month { get; set; }

    [HtmlAttributeName("year-for")]
    public ModelExpression? Year { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Day is not null && Month is not null && Year is not null)
        {
            ProcessSeparateBoxes(output);
            return;
        }
        var name = FieldName;
        var parts = Time ? NhsDateModelBinder.DateParts.Concat(NhsDateModelBinder.TimeParts).ToArray() : NhsDateModelBinder.DateParts;
        // The first message about this date: on one of its boxes (from the binder) or on the whole (from the use case).
        var errorKey = parts.Select(p => $"{name}.{p}").Append(name).FirstOrDefault(k => Nhs.ErrorFor(State, k) is not null);
        var error = errorKey is null ? null : Nhs.ErrorFor(State, errorKey);
        var marked = errorKey is null ? []
            : ViewContext.HttpContext.Items[NhsDateModelBinder.BoxesKey(name)] as string[]
              ?? (errorKey == name ? parts : [errorKey[(name.Length + 1)..]]);
        var id = Nhs.IdFor(name);
        var values = ValuesOf(For?.Model);

        var fieldset = new TagBuilder("fieldset");
        fieldset.Attributes["class"] = "nhsuk-fieldset";
        fieldset.Attributes["role"] = "group";
        fieldset.Attributes["id"] = id;
        Describe(fieldset, id, Hint, error);
        fieldset.InnerHtml.AppendHtml(LegendTag(Legend, LegendIsHeading));
        fieldset.InnerHtml.AppendHtml(HintFor(id, Hint));
        fieldset.InnerHtml.AppendHtml(ErrorMessage(id, error));
        var boxes = Tag("div", "nhsuk-date-input");
        foreach (var part in parts)
        {
            if (part == "Hour")
            {
                // The time is its own group of boxes after the date, as "at 14:30".
                fieldset.InnerHtml.AppendHtml(boxes);
                boxes = Tag("div", "nhsuk-date-input hub-time-input");
            }
            var boxName = $"{name}.{part}";
            var label = Tag("label", "nhsuk-label nhsuk-date-input__label", part);
            label.Attributes["for"] = Nhs.IdFor(boxName);
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
            input.Attributes["class"] = Classes("nhsuk-input nhsuk-date-input__input", part == "Year" ? "nhsuk-input--width-4" : "nhsuk-input--width-2",
                marked.Contains(part) ? "nhsuk-input--error" : null);
            input.Attributes["id"] = Nhs.IdFor(boxName);
            input.Attributes["name"] = boxName;
            input.Attributes["type"] = "text";
            input.Attributes["inputmode"] = "numeric";
            input.Attributes["value"] = Posted(boxName) ?? values.GetValueOrDefault(part) ?? string.Empty;
            var group = Tag("div", "nhsuk-form-group");
            group.InnerHtml.AppendHtml(label).AppendHtml(input);
            var item = Tag("div", "nhsuk-date-input__item");
            item.InnerHtml.AppendHtml(group);
            boxes.InnerHtml.AppendHtml(item);
        }
        fieldset.InnerHtml.AppendHtml(boxes);
        WriteGroup(output, error, new HtmlContentBuilder().AppendHtml(fieldset));
    }

    /// <summary>What the boxes show for a stored value: a date as it is, an instant in UK time.</summary>
    private static Dictionary<string, string> ValuesOf(object? model)
    {
        DateTime? local = model switch
        {
            DateOnly day => day.ToDateTime(TimeOnly.MinValue),
            DateTimeOffset at => UkTime.ToLocal(at),
            DateTime at => at,
            _ => null,
        };
        if (local is not { } l)
        {
            return [];
        }
        var c = CultureInfo.InvariantCulture;
        return new Dictionary<string, string>
        {
            ["Day"] = l.Day.ToString(c),
            ["Month"] = l.Month.ToString(c),
            ["Year"] = l.Year.ToString(c),
            ["Hour"] = l.Hour.ToString("00", c),
            ["Minute"] = l.Minute.ToString("00", c),
        };
    }

    private void ProcessSeparateBoxes(TagHelperOutput output)
    {
        string NameOf(ModelExpression box) => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(box.Name);
        var dayName = NameOf(Day!);
        var id = Nhs.IdFor(dayName);
        var error = Nhs.ErrorFor(State, dayName);
        var fieldset = new TagBuilder("fieldset");
        fieldset.Attributes["class"] = "nhsuk-fieldset";
        fieldset.Attributes["role"] = "group";
        Describe(fieldset, id, Hint, error);
        fieldset.InnerHtml.AppendHtml(LegendTag(Legend, LegendIsHeading));
        fieldset.InnerHtml.AppendHtml(HintFor(id, Hint));
        fieldset.InnerHtml.AppendHtml(ErrorMessage(id, error));
        var boxes = Tag("div", "nhsuk-date-input");
        foreach (var (box, label, width, autocomplete) in new[] { (Day!, "Day", 2, "bday-day"), (Month!, "Month", 2, "bday-month"), (Year!, "Year", 4, "bday-year") })
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
