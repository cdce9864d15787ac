using Hub.Application.Volunteering.Coordination;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Coordinate;

/// <summary>One safeguarding concern, in the volunteer's words; the coordinator records what was done.</summary>
public sealed class ConcernModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    public ConcernForCoordinator? Concern { get; private set; }

    [BindProperty] public string? WhatWasDone { get; set; }
    [BindProperty] public int Version { get; set; }

    [TempData]
    public string? Outcome { get; set; }

    private Guid _id;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        await ReloadAfterRefusalAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        ModelState.Clear();
        await LoadAsync(cancellationToken); // the posted version is kept for the optimistic check
        await mediator.Send(new ActOnConcern(id, WhatWasDone, Version), cancellationToken);
        Outcome = "Saved what was done.";
        return Redirect("/staff/volunteering/concerns");
    }

    /// <summary>Beside the box while the concern is open; once someone has acted on it, in the summary alone.</summary>
    public string FieldFor(FluentValidation.Results.ValidationFailure failure) =>
        failure.PropertyName == nameof(ActOnConcern.WhatWasDone) && Concern?.ActedOnAt is null ? nameof(WhatWasDone) : string.Empty;

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Concern = await mediator.Send(new GetConcern(_id), cancellationToken);

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken)
    {
        Concern = await mediator.Send(new GetConcern(_id), cancellationToken);
        Version = Concern.Version;
    }
}
