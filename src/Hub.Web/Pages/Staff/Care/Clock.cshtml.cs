using System.ComponentModel.DataAnnotations;
using Hub.Application.Common;
using Hub.Application.Spells.GetSpellClock;
using Hub.Application.Spells.RecordCarePlanAgreed;
using Hub.Application.Spells.RecordInterventionStarted;
using Hub.Domain.Spells;
using Hub.Web.Design;
using Hub.Web.Design.Forms;
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

    [BindProperty] public PlanInput Plan { get; set; } = new();
    [BindProperty] public InterventionInput Intervention { get; set; } = new();

    public sealed class PlanInput
    {
        [NhsDate, Display(Name = "The day the plan was agreed")]
        public DateOnly? On { get; set; }
        public string? How { get; set; }
    }

    public sealed class InterventionInput
    {
        [NhsDate, Display(Name = "The day the intervention started")]
        public DateOnly? On { get; set; }
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
        // A day that could not be read is null, which the use case refuses too: every answer is judged at once.
        ClearBindingErrorsButDates("Plan.On");
        if (await TryRun(() => mediator.Send(new RecordCarePlanAgreed(id, Plan.On, ParseEnum<CarePlanAgreedHow>(Plan.How)), cancellationToken), "Plan"))
        {
            SetNotice("Care plan agreed recorded");
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInterventionAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrorsButDates("Intervention.On");
        if (await TryRun(() => mediator.Send(new RecordInterventionStarted(id, Intervention.On, ParseEnum<InterventionKind>(Intervention.Kind), Intervention.Note), cancellationToken), "Intervention"))
        {
            SetNotice("Intervention started recorded");
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken cancellationToken)
    {
        OneMessagePerDate("Plan.On", "Intervention.On");
        Spell = await mediator.Send(new GetSpellClock(id), cancellationToken);
        // Today, to change (most are recorded on the day), in every date form that was not the one sent.
        var today = UkTime.Today(clock.GetUtcNow());
        if (!Sent("Plan.On"))
        {
            Plan.On ??= today;
        }
        if (!Sent("Intervention.On"))
        {
            Intervention.On ??= today;
        }
    }

    private bool Sent(string date) => Request.HasFormContentType && Request.Form.Keys.Any(k => k.StartsWith(date + ".", StringComparison.Ordinal));
}
