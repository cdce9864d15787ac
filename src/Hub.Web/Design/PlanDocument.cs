using System.Text;
using System.Text.Encodings.Web;
using Hub.Application.Common;
using Hub.Application.SupportPlans.MyPlan.GetMyPlan;

namespace Hub.Web.Design;

/// <summary>
/// The person's plan as a self-contained, printable HTML document (inline styles, no script, no
/// external fetches) for Chromium to turn into a tagged A4 PDF: headings, lists and a table a
/// screen reader can follow, in large, plain type.
/// </summary>
public static class PlanDocument
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Html(MyPlan plan, DateTimeOffset printedAt)
    {
        var c = plan.Content;
        var title = plan.Name is null ? "My plan" : $"{plan.Name}'s plan";
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
          .Append("@page{size:A4;margin:20mm 18mm}body{font-family:Arial,Helvetica,sans-serif;font-size:13pt;line-height:1.45;color:#212b32}")
          .Append("h1{font-size:24pt;margin:0 0 4pt}h2{font-size:16pt;margin:18pt 0 6pt;border-bottom:2px solid #005eb8;page-break-after:avoid}")
          .Append(".words{white-space:pre-wrap}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d8dde0;padding:4pt;text-align:left;vertical-align:top}")
          .Append("tr{page-break-inside:avoid}.meta{color:#4c6272;font-size:11pt}.help{border-left:6px solid #005eb8;padding:6pt 10pt;background:#eef7ff}")
          .Append("</style></head><body>");
        sb.Append("<h1>").Append(E(title)).Append("</h1>");
        sb.Append("<p class=\"meta\">Printed ").Append(E(UkTime.Format(printedAt))).Append(". Version ").Append(plan.VersionNumber)
          .Append(plan.AgreedAt is { } agreed ? $". Agreed {E(UkTime.Format(agreed))}" : ". Not agreed yet").Append(".</p>");

        Section(sb, "What matters to me", c.WhatMattersToMe);
        sb.Append("<h2>My goals</h2>");
        if (c.Goals.Count == 0)
        {
            sb.Append("<p>None yet.</p>");
        }
        else
        {
            sb.Append("<table><thead><tr><th scope=\"col\">Goal</th><th scope=\"col\">How it is going (0 to 10)</th></tr></thead><tbody>");
            foreach (var g in c.Goals)
            {
                var ratings = g.Ratings.Count == 0 ? "Not rated yet" : string.Join(", ", g.Ratings.Select(r => $"{r.Rating} on {r.On.ToString("d MMM yyyy", UkTime.Culture)}"));
                sb.Append("<tr><td class=\"words\">").Append(E(g.Text)).Append("</td><td>").Append(E(ratings)).Append("</td></tr>");
            }
            sb.Append("</tbody></table>");
        }
        sb.Append("<h2>Steps, and who helps</h2>");
        if (c.Steps.Count == 0)
        {
            sb.Append("<p>None yet.</p>");
        }
        else
        {
            sb.Append("<ul>");
            foreach (var s in c.Steps)
            {
                sb.Append("<li class=\"words\">").Append(E(s.Text));
                if (s.Helpers.Count > 0)
                {
                    sb.Append(" (with ").Append(E(string.Join(", ", s.Helpers.Select(h => h.Name)))).Append(')');
                }
                sb.Append("</li>");
            }
            sb.Append("</ul>");
        }
        Section(sb, "What helps when I am struggling", c.WhenStruggling);
        sb.Append("<h2>Numbers I would call</h2><div class=\"help\"><ul>");
        foreach (var n in c.Numbers.Concat(plan.UrgentNumbers))
        {
            sb.Append("<li><strong>").Append(E(n.Number)).Append("</strong> ").Append(E(n.Who)).Append("</li>");
        }
        sb.Append("</ul></div>");
        sb.Append("<h2>Looking at my plan again</h2><p>")
          .Append(c.ReviewOn is { } review ? E(review.ToString("d MMMM yyyy", UkTime.Culture)) : "No date yet.").Append("</p>");
        sb.Append("<p class=\"meta\">This plan is yours. You can change it at any time, and nobody changes your words without your say.</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string heading, string? words) =>
        sb.Append("<h2>").Append(E(heading)).Append("</h2><p class=\"words\">").Append(words is null ? "Not written yet." : E(words)).Append("</p>");

    private static string E(string value) => Encoder.Encode(value);
}
