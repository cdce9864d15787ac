using FluentValidation.Results;
using Hub.Application.Common;
using Hub.Application.Dashboards.GetPeopleBehind;
using Hub.Application.Figures;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Dashboard;

/// <summary>Team leaders: the people behind one number of the dashboard, for the same period and scope.</summary>
public sealed class PeopleModel(IMediator mediator, TimeProvider clock) : PageModel, IShowsValidationFailures
{
    /// <summary>This page has no filter boxes: a refused query's messages go in the summary without links.</summary>
    public string FieldFor(ValidationFailure failure) => string.Empty;

    [BindProperty(SupportsGet = true)] public DashboardQuery Query { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "key")] public string? Key { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    public PeopleBehind? Result { get; private set; }
    public FigureFilter Filter { get; private set; } = null!;

    public string Back => DashboardQuery.Address("/staff/dashboard", Filter);

    public string PageAddress(int page) => DashboardQuery.Address("/staff/dashboard/people", Filter, Key, page);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLocal(clock.GetUtcNow()));
        Filter = Query.ToFilter(ModelState, today);
        if (!ModelState.IsValid)
        {
            // This page has no filter boxes (the dashboard has): its messages go in the summary without links.
            var messages = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
            ModelState.Clear();
            foreach (var message in messages)
            {
                ModelState.AddModelError(string.Empty, message);
            }
            return Page();
        }
        Result = await mediator.Send(new GetPeopleBehind(Filter, Key ?? string.Empty, Math.Clamp(PageNumber ?? 1, 1, 100_000)), cancellationToken);
        return Page();
    }
}
