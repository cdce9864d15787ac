using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hub.Web.Design.Forms;

/// <summary>
/// The NHS.UK error summary from ModelState: a focusable alert listing every error, each linking to
/// its field (<see cref="Nhs.IdFor"/>); nothing at all when there are no errors.
/// </summary>
[HtmlTargetElement("nhs-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ModelState.Where(kv => kv.Value?.Errors.Count > 0).ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", "nhsuk-error-summary");
        output.Attributes.SetAttribute("data-module", "nhsuk-error-summary");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");

        var title = new TagBuilder("h2");
        title.AddCssClass("nhsuk-error-summary__title");
        title.Attributes["id"] = "error-summary-title";
        title.InnerHtml.Append("There is a problem");
        var list = new TagBuilder("ul");
        list.AddCssClass("nhsuk-list nhsuk-error-summary__list");
        foreach (var (key, entry) in errors)
        {
            foreach (var error in entry!.Errors)
            {
                var item = new TagBuilder("li");
                if (string.IsNullOrEmpty(key))
                {
                    item.InnerHtml.Append(error.ErrorMessage);
                }
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = "#" + Nhs.IdFor(key);
                    link.InnerHtml.Append(error.ErrorMessage);
                    item.InnerHtml.AppendHtml(link);
                }
                list.InnerHtml.AppendHtml(item);
            }
        }
        var body = new TagBuilder("div");
        body.AddCssClass("nhsuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);
        output.Content.SetHtmlContent(title);
        output.Content.AppendHtml(body);
    }
}
