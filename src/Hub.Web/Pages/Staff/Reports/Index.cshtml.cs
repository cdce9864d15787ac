using System.ComponentModel.DataAnnotations;
using Hub.Application.Common;
using Hub.Application.Dashboards.GetDashboard;
using Hub.Application.Figures;
using Hub.Application.Reports;
using Hub.Application.Reports.GetReports;
using Hub.Application.Reports.RequestReport;
using Hub.Web.Design;
using Hub.Web.Design.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Reports;

/// <summary>Commissioners (and team leaders): ask for a report of a period and scope, and find earlier ones in the archive.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : StaffPage
{
    [BindProperty, NhsDate, Display(Name = "The first day of the period")] public DateOnly? From { get; set; }
    [BindProperty, NhsDate, Display(Name = "The last day of the period")] public DateOnly? To { get; set; }
    [BindProperty] public string? Scope { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    public ReportList Archive { get; private set; } = new([], 1, false);
    public IReadOnlyList<TeamOption> Teams { get; private set; } = [];
    public IReadOnlyList<string> Neighbourhoods { get; private set; } = [];

    public DateOnly LastMonthStart { get; private set; }
    public DateOnly LastMonthEnd { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TakeNotice();
        await LoadAsync(cancellationToken);
        From ??= LastMonthStart;
        To ??= LastMonthEnd;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ClearBindingErrorsButDates(nameof(From), nameof(To));
        if (From is null && ModelState.DateErrors(nameof(From)).Count == 0)
        {
            ModelState.AddModelError(nameof(From), "Enter the first day of the period");
        }
        if (To is null && ModelState.DateErrors(nameof(To)).Count == 0)
        {
            ModelState.AddModelError(nameof(To), "Enter the last day of the period");
        }
        Guid? team = null;
        string? neighbourhood = null;
        if (Scope is { Length: > 0 } scope && scope != "hub")
        {
            if (scope.StartsWith("team:", StringComparison.Ordinal) && Guid.TryParse(scope[5..], out var t))
            {
                team = t;
            }
            else if (scope.StartsWith("neighbourhood:", StringComparison.Ordinal))
            {
                neighbourhood = scope["neighbourhood:".Length..];
            }
            else
            {
                ModelState.AddModelError(nameof(Scope), "Choose what the report covers");
            }
        }

        Guid id = default;
        if (ModelState.IsValid && await TryRun(async () => id = await mediator.Send(new RequestReport(From!.Value, To!.Value, team, neighbourhood), cancellationToken), null))
        {
            SetNotice("Your report is being made. This page shows its progress.");
            return Redirect($"/staff/reports/{id}");
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLocal(clock.GetUtcNow()));
        (LastMonthStart, LastMonthEnd) = ReportScopes.LastMonth(today);
        Archive = await mediator.Send(new GetReports(Math.Clamp(PageNumber ?? 1, 1, 10_000)), cancellationToken);
        var options = await mediator.Send(new GetReportScopes(), cancellationToken);
        Teams = options.Teams;
        Neighbourhoods = options.Neighbourhoods;
    }
}
