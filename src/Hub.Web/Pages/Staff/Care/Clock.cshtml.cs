using System.Globalization;
using Hub.Application.Common;
using Hub.Application.Spells.GetSpellClock;
using Hub.Application.Spells.RecordCarePlanAgreed;
using Hub.Application.Spells.RecordInterventionStarted;
using Hub.Domain.Spells;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Care;

/// <summary>
/// The four-week clock of a person's spell: staff record a care plan agreed with the person, or an
/// intervention started, on the day it happened; the page shows what stopped the clock and when.
/// </summary>
public sealed class ClockModel(IMediator mediator, TimeProvider clock) : StaffPage
{
    public SpellClockView Spell { get; private set; } = null!;
    public string Today { get; private set; } = string.Empty;

    [BindProperty] public PlanInput Plan { get; set; } = new();
    [BindProperty] public InterventionInput Intervention { get; set; } = new();

    public sealed class PlanInput
    {
        public string? On { get; set; }
        public string? How { get; set; }
    }

    public sealed class InterventionInput
    {
        public string? On { get; set; }
        public string? Kind { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        TakeNotice();
        await Load(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var on = ModelState.ReadDay(Plan.On, "Plan.On", "the day the plan was agreed");
        if (await TryRun(() => mediator.Send(new RecordCarePlanAgreed(id, on, ParseEnum<CarePlanAgreedHow>(Plan.How)), cancellationToken), "Plan") && on is not null)
        {
            SetNotice("Care plan agreed recorded");
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInterventionAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var on = ModelState.ReadDay(Intervention.On, "Intervention.On", "the day the intervention started");
        if (await TryRun(() => mediator.Send(new RecordInterventionStarted(id, on, ParseEnum<InterventionKind>(Intervention.Kind), Intervention.Note), cancellationToken), "Intervention") && on is not null)
        {
            SetNotice("Intervention started recorded");
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken cancellationToken)
    {
        // A day that could not be read keeps its own message, not the use case's "enter the day" as well.
        foreach (var key in new[] { "Plan.On", "Intervention.On" })
        {
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 1)
            {
                var first = entry.Errors[0];
                entry.Errors.Clear();
                entry.Errors.Add(first);
            }
        }
        Spell = await mediator.Send(new GetSpellClock(id), cancellationToken);
        Today = UkTime.Today(clock.GetUtcNow()).ToString(FormValues.DayFormat, CultureInfo.InvariantCulture);
    }
}
