using Hub.Application.SupportPlans.MyPlan.GetMyPlan;
using Hub.Web.Design.Documents;

namespace Hub.Web.Design;

/// <summary>
/// The person's plan as a self-contained, printable HTML document (inline styles, no script, no
/// external fetches) for Chromium to turn into a tagged A4 PDF: headings, lists and a table a
/// screen reader can follow, in large, plain type. The view is <c>Design/Documents/Plan.cshtml</c>.
/// </summary>
public sealed class PlanDocument(IRazorViewToString views)
{
    public sealed record Page(MyPlan Plan, DateTimeOffset PrintedAt)
    {
        public string Title => Plan.Name is null ? "My plan" : $"{Plan.Name}'s plan";
    }

    public Task<string> HtmlAsync(MyPlan plan, DateTimeOffset printedAt) =>
        views.RenderAsync("/Design/Documents/Plan.cshtml", new Page(plan, printedAt));
}
