using Hub.Application.Volunteering.Coordination;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Coordinate;

/// <summary>One request: what the person asked, how to reach them, its outings; match it to a volunteer who can be matched today, take it back or close it.</summary>
public sealed class RequestModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    public RequestForCoordinator? Asked { get; private set; }

    [BindProperty] public string? VolunteerId { get; set; }
    [BindProperty] public string? Change { get; set; }
    [BindProperty] public int Version { get; set; }

    [TempData]
    public string? Outcome { get; set; }

    private Guid _id;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        await ReloadAfterRefusalAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostMatchAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        ModelState.Clear();
        await LoadAsync(cancellationToken); // so a refusal knows which forms the page still shows; the posted version is kept
        await mediator.Send(new MatchVolunteer(id, Guid.TryParse(VolunteerId, out var v) ? v : null, Version), cancellationToken);
        Outcome = "Matched. The volunteer can now see the first name, the group and how to make contact.";
        return Redirect($"/staff/volunteering/requests/{id}");
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        ModelState.Clear();
        await LoadAsync(cancellationToken); // the posted version is kept for the optimistic check
        var change = Change is { Length: < 30 } c && Enum.TryParse<RequestChange>(c, out var parsed) && Enum.IsDefined(parsed) ? parsed : (RequestChange?)null;
        await mediator.Send(new ChangeRequest(id, change, Version), cancellationToken);
        Outcome = change == RequestChange.ReturnToQueue ? "The request is back in the queue." : "The request is closed.";
        return Redirect(change == RequestChange.ReturnToQueue ? $"/staff/volunteering/requests/{id}" : "/staff/volunteering");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Asked = await mediator.Send(new GetRequestForCoordinator(_id), cancellationToken);

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken)
    {
        Asked = await mediator.Send(new GetRequestForCoordinator(_id), cancellationToken);
        Version = Asked.Version;
    }

    /// <summary>Beside its field while that form is on the page; otherwise (matched meanwhile, closed) in the summary alone.</summary>
    public string FieldFor(FluentValidation.Results.ValidationFailure failure) => failure.PropertyName switch
    {
        nameof(MatchVolunteer.VolunteerId) when Asked?.Status == Hub.Domain.Volunteering.SupportRequestStatus.Waiting && Asked.Candidates.Count > 0 => nameof(VolunteerId),
        nameof(ChangeRequest.Change) when Asked?.Status != Hub.Domain.Volunteering.SupportRequestStatus.Closed => nameof(Change),
        _ => string.Empty,
    };
}
