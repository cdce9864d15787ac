using Hub.Application.Space.Outings;
using Hub.Application.Space.Outings.GetMyOuting;
using Hub.Application.Space.Outings.SayHowMyOutingWent;
using Hub.Web.Pages.Staff.Triage;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Space;

/// <summary>
/// One of the person's outings with a volunteer, in their space: they say how it went, once, in their
/// own words if they like (docs/decisions/041). The outing is looked up with the space signed in on
/// this browser; another space's outing is not found.
/// </summary>
public sealed class OutingModel(IMediator mediator) : PageModel, IShowsValidationFailures
{
    [BindProperty] public string? HowItWent { get; set; }
    [BindProperty] public string? Words { get; set; }

    public OutingForMember Outing { get; private set; } = null!;

    private Guid _outingId;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Outing = await mediator.Send(new GetMyOuting(id), cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        _outingId = id;
        var outcome = await mediator.Send(new SayHowMyOutingWent(id, HowItWent, Words), cancellationToken);
        TempData[ReferralModel.NoticeKey] = outcome == SayOutcome.Kept
            ? "Thank you for telling us how it went"
            : "You had already told us how this went. What you said first is kept";
        return Redirect("/space#outings");
    }

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) =>
        Outing = await mediator.Send(new GetMyOuting(_outingId), cancellationToken);
}
