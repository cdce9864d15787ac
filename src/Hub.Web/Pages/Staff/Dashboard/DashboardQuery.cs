using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hub.Application.Common;
using Hub.Application.Figures;
using Hub.Domain.Directory;
using Hub.Web.Design;
using Hub.Web.Design.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hub.Web.Pages.Staff.Dashboard;

/// <summary>
/// The dashboard's filter as it travels in the address (a GET form, so a view can be bookmarked and
/// shared, and works without JavaScript). The form sends the NHS.UK date input's boxes
/// (<c>from.Day</c>, <c>from.Month</c>, <c>from.Year</c>); links the hub writes carry the compact
/// <c>from=2026-11-01</c>. Boxes that cannot be read get a message on the box and the last four weeks
/// are shown instead, with what was typed left in the boxes.
/// </summary>
public sealed class DashboardQuery
{
    public const string DayFormat = FormValues.DayFormat;

    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }

    /// <summary>The first day as typed in the date input's boxes (null when they are empty or wrong).</summary>
    [ModelBinder(typeof(NhsDateModelBinder), Name = "from"), Display(Name = "The first day of the period")]
    public DateOnly? FromDay { get; set; }

    [ModelBinder(typeof(NhsDateModelBinder), Name = "to"), Display(Name = "The last day of the period")]
    public DateOnly? ToDay { get; set; }
    [FromQuery(Name = "team")] public string? Team { get; set; }
    [FromQuery(Name = "sector")] public string? Sector { get; set; }
    [FromQuery(Name = "neighbourhood")] public string? Neighbourhood { get; set; }

    public FigureFilter ToFilter(ModelStateDictionary state, DateOnly today)
    {
        var fallback = FigureFilter.LastFourWeeks(today);
        var from = FromDay ?? (string.IsNullOrWhiteSpace(From) ? fallback.From : state.ReadDay(From, "from", "the first day of the period") ?? fallback.From);
        var to = ToDay ?? (string.IsNullOrWhiteSpace(To) ? fallback.To : state.ReadDay(To, "to", "the last day of the period") ?? fallback.To);
        Guid? team = Guid.TryParse(Team, out var t) ? t : null;
        Sector? sector = Enum.TryParse<Sector>(Sector, out var s) && Enum.IsDefined(s) ? s : null;
        if (!string.IsNullOrEmpty(Team) && team is null)
        {
            state.AddModelError("team", "Choose a team from the list");
        }
        if (!string.IsNullOrEmpty(Sector) && sector is null)
        {
            state.AddModelError("sector", "Choose a sector from the list");
        }
        if (!state.IsValid)
        {
            from = fallback.From;
            to = fallback.To;
        }
        // The boxes show the period in use, unless they hold what was typed wrongly.
        FromDay = from;
        ToDay = to;
        return new FigureFilter(from, to, team, sector, string.IsNullOrWhiteSpace(Neighbourhood) ? null : Neighbourhood.Trim());
    }

    /// <summary>The address of a page with this filter, for links that keep it.</summary>
    public static string Address(string path, FigureFilter filter, string? key = null, int? page = null, string? view = null)
    {
        var parts = new List<string>
        {
            "from=" + filter.From.ToString(DayFormat, CultureInfo.InvariantCulture),
            "to=" + filter.To.ToString(DayFormat, CultureInfo.InvariantCulture),
        };
        if (filter.TeamId is { } team) parts.Add("team=" + team);
        if (filter.Sector is { } sector) parts.Add("sector=" + sector);
        if (filter.Neighbourhood is { } hood) parts.Add("neighbourhood=" + Uri.EscapeDataString(hood));
        if (key is not null) parts.Add("key=" + Uri.EscapeDataString(key));
        if (page is > 1) parts.Add("pageNumber=" + page);
        if (view is not null) parts.Add("view=" + view);
        return path + "?" + string.Join("&", parts);
    }

    public static string Describe(FigureFilter filter) =>
        $"{filter.From.ToString("d MMMM yyyy", UkTime.Culture)} to {filter.To.ToString("d MMMM yyyy", UkTime.Culture)}";
}
