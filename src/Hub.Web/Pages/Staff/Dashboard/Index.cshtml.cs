using FluentValidation.Results;
using Hub.Application.Common;
using Hub.Application.Dashboards.GetDashboard;
using Hub.Application.Figures;
using Hub.Web.Design.Charts;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Dashboard;

/// <summary>Team leaders: the four-week clock, caseloads, flow, outcomes and equity for a period and scope.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel, IShowsValidationFailures
{
    [BindProperty(SupportsGet = true)] public DashboardQuery Query { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "view")] public string? ViewName { get; set; }

    /// <summary>The dashboard's views: each shows part of the same figures, so a leader sees one thing at a glance.</summary>
    public static IReadOnlyList<(string Name, string Title)> Views { get; } =
        [("overview", "Overview"), ("caseloads", "Caseloads"), ("flow", "Flow"), ("outcomes", "Outcomes"), ("equity", "Equity")];

    public string Section => Views.Any(v => v.Name == ViewName) ? ViewName! : "overview";

    public string Address(string view) => DashboardQuery.Address("/staff/dashboard", Filter, view: view == "overview" ? null : view);

    public Application.Dashboards.GetDashboard.Dashboard View { get; private set; } = null!;

    public FigureFilter Filter => View.Figures.Filter;

    public string Drill(string key) => DashboardQuery.Address("/staff/dashboard/people", Filter, key);

    /// <summary>Chart bars for a figure's numbers, each with its drill-down; <paramref name="percent"/> prints the share beside the count.</summary>
    public IReadOnlyList<ChartBar> Bars(IEnumerable<Tally> tallies, bool percent = false) =>
        tallies.Select(t => new ChartBar(t.Label, t.Count)
        {
            DisplayText = percent && t.Percent is not null ? $"{t.Count} ({Percent(t)})" : t.Count.ToString(UkTime.Culture),
            Href = t.Count > 0 ? Drill(t.Key) : null,
        }).ToList();

    /// <summary>A share as people read it: "12.5%", or a dash when there is nothing to divide by.</summary>
    public static string Percent(Tally tally) => tally.Percent is { } p ? p.ToString("0.#", UkTime.Culture) + "%" : "–";

    private static string BoxFor(string property) => property.Split('.').Last() switch
    {
        nameof(FigureFilter.From) => "from",
        nameof(FigureFilter.TeamId) => "team",
        nameof(FigureFilter.Neighbourhood) => "neighbourhood",
        _ => "to",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLocal(clock.GetUtcNow()));
        asked = (Query.ToFilter(ModelState, today), today);
        View = await mediator.Send(new GetDashboard(asked.Filter), cancellationToken);
    }

    // The figures asked for, so that a refused filter still shows a dashboard (ValidationFailurePageFilter).
    private (FigureFilter Filter, DateOnly Today) asked;

    /// <summary>A refused filter's message goes on its box.</summary>
    public string FieldFor(ValidationFailure failure) => BoxFor(failure.PropertyName);

    /// <summary>The last four weeks in the same scope, beside the messages.</summary>
    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken)
    {
        var (filter, today) = asked;
        var fallback = FigureFilter.LastFourWeeks(today) with
        {
            TeamId = filter.TeamId,
            Sector = filter.TeamId is null ? filter.Sector : null,
            Neighbourhood = filter.Neighbourhood is { Length: <= 100 } hood ? hood : null,
        };
        View = await mediator.Send(new GetDashboard(fallback), cancellationToken);
    }
}
