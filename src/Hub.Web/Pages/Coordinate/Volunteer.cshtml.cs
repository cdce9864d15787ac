using System.ComponentModel.DataAnnotations;
using Hub.Application.Volunteering.Coordination;
using Hub.Domain.Volunteering;
using Hub.Web.Design.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Coordinate;

/// <summary>One volunteer: their checks (status and dates only), approve, pause, invite to an account.</summary>
public sealed class VolunteerModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    public VolunteerForCoordinator? Volunteer { get; private set; }

    [BindProperty] public ChecksInput Checks { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Version { get; set; }

    [TempData]
    public string? Outcome { get; set; }

    private Guid _id;

    public sealed class ChecksInput
    {
        public string? DbsType { get; set; }

        [NhsDate, Display(Name = "Date of the DBS check")]
        public DateOnly? DbsCheckedOn { get; set; }

        [NhsDate, Display(Name = "Date references were received")]
        public DateOnly? ReferencesReceivedOn { get; set; }

        [NhsDate, Display(Name = "Date training was completed")]
        public DateOnly? TrainingCompletedOn { get; set; }

        [NhsDate, Display(Name = "Review due")]
        public DateOnly? ReviewDueOn { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        await ReloadAfterRefusalAsync(cancellationToken);
        var c = Volunteer!.Checks;
        Checks = new ChecksInput { DbsType = c.DbsType?.ToString(), DbsCheckedOn = c.DbsCheckedOn, ReferencesReceivedOn = c.ReferencesReceivedOn, TrainingCompletedOn = c.TrainingCompletedOn, ReviewDueOn = c.ReviewDueOn };
    }

    public async Task<IActionResult> OnPostChecksAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        // A version that is not a number reads as 0 and is refused as out of date, beside the form, not as a binding error.
        ModelState.Remove(nameof(Version));
        if (!ModelState.IsValid)
        {
            await ReloadAfterRefusalAsync(cancellationToken);
            return Page();
        }
        ModelState.Clear();
        var type = Checks.DbsType is { Length: > 0 and < 40 } t && Enum.TryParse<DbsCheckType>(t, out var parsed) && Enum.IsDefined(parsed) ? parsed : (DbsCheckType?)null;
        if (type is null && !string.IsNullOrEmpty(Checks.DbsType))
        {
            type = (DbsCheckType)0; // refused by the validator, beside the field
        }
        await mediator.Send(new RecordChecks(id, type, Checks.DbsCheckedOn, Checks.ReferencesReceivedOn, Checks.TrainingCompletedOn, Checks.ReviewDueOn, Version), cancellationToken);
        Outcome = "Checks saved.";
        return Redirect($"/staff/volunteering/volunteers/{id}");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        ModelState.Clear();
        await LoadAsync(cancellationToken); // so a refusal knows which forms the page still shows; the posted version is kept
        await mediator.Send(new ChangeVolunteer(id, Pause: false, null, Version), cancellationToken);
        Outcome = "Approved. They can now be matched, and invited to an account.";
        return Redirect($"/staff/volunteering/volunteers/{id}");
    }

    public async Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        ModelState.Clear();
        await LoadAsync(cancellationToken); // so a refusal knows which forms the page still shows; the posted version is kept
        var returned = await mediator.Send(new ChangeVolunteer(id, Pause: true, Reason, Version), cancellationToken);
        Outcome = returned == 0 ? "Paused. They held no requests." : $"Paused. {returned} {(returned == 1 ? "request is" : "requests are")} back in the queue.";
        return Redirect($"/staff/volunteering/volunteers/{id}");
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        ModelState.Clear();
        await LoadAsync(cancellationToken); // so a refusal knows which forms the page still shows; the posted version is kept
        await mediator.Send(new InviteVolunteer(id, Version), cancellationToken);
        Outcome = "Invited. They have been emailed a link to set their password.";
        return Redirect($"/staff/volunteering/volunteers/{id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Volunteer = await mediator.Send(new GetVolunteer(_id), cancellationToken);

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken)
    {
        Volunteer = await mediator.Send(new GetVolunteer(_id), cancellationToken);
        Version = Volunteer.Version;
    }

    public string FieldFor(FluentValidation.Results.ValidationFailure failure) => failure.PropertyName switch
    {
        nameof(RecordChecks.DbsType) => "Checks.DbsType",
        nameof(RecordChecks.DbsCheckedOn) => "Checks.DbsCheckedOn",
        nameof(RecordChecks.ReferencesReceivedOn) => "Checks.ReferencesReceivedOn",
        nameof(RecordChecks.TrainingCompletedOn) => "Checks.TrainingCompletedOn",
        nameof(RecordChecks.ReviewDueOn) => "Checks.ReviewDueOn",
        nameof(ChangeVolunteer.Reason) when Volunteer?.Status is VolunteerStatus.Active or VolunteerStatus.Applied => nameof(Reason),
        _ => string.Empty,
    };
}
