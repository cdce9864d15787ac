using System.ComponentModel.DataAnnotations;
using Hub.Application.Volunteering.Supporting;
using Hub.Web.Design.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Supporter;

/// <summary>One request matched to the volunteer: first name, the group, how to make contact; record an outing.</summary>
public sealed class RequestModel(IMediator mediator, TimeProvider clock) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    public MyRequest Matched { get; private set; } = null!;

    [BindProperty] public OutingInput Outing { get; set; } = new();

    [TempData]
    public string? Outcome { get; set; }

    private Guid _id;

    public sealed class OutingInput
    {
        [NhsDate, Display(Name = "Date of the outing")]
        public DateOnly? On { get; set; }
        public string? Happened { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        await ReloadAfterRefusalAsync(cancellationToken);
        // Most outings are recorded the same day: the date starts at today, and can be changed.
        Outing.On = Hub.Domain.Common.UkCalendar.DayOf(clock.GetUtcNow());
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        // Loading first refuses (and audits) a request not matched to this volunteer before anything else is said about it.
        await ReloadAfterRefusalAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ModelState.Clear();
        await mediator.Send(new RecordOuting(id, Outing.On, Outing.Happened, Outing.Note), cancellationToken);
        Outcome = "Outing recorded. Thank you.";
        return Redirect($"/volunteer/requests/{id}");
    }

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) =>
        Matched = await mediator.Send(new GetMyRequest(_id), cancellationToken);

    public string FieldFor(FluentValidation.Results.ValidationFailure failure) => "Outing." + failure.PropertyName;
}
