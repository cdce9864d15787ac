using Hub.Application.Connect.Organisers.ChangeListing;
using Hub.Application.Connect;
using Hub.Application.Connect.StartGroup;
using Hub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Hub.Web.Pages.Connect.Organiser;

/// <summary>The organiser's change form, reached only through their link (its id in a protected cookie).</summary>
public sealed class ListingModel(IMediator mediator, IDirectoryChoices choices, IOptions<HubOptions> hub) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    [BindProperty]
    public GroupAnswers Answers { get; set; } = new();

    [BindProperty(Name = Honeypot.FieldName)]
    public string? Trap { get; set; }

    public string? Name { get; private set; }
    public bool NotWorking { get; private set; }
    public IReadOnlyList<string> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var listing = OrganiserSession.LinkOf(HttpContext) is { } linkId ? await mediator.Send(new GetListingToChange(linkId), cancellationToken) : null;
        if (listing is null)
        {
            NotWorking = true;
            return;
        }
        Name = listing.Name;
        Answers = listing.Answers;
        await LoadAreas(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Honeypot.IsFilled(Trap))
        {
            return RedirectToPage("Sent");
        }
        ModelState.Clear();
        if (OrganiserSession.LinkOf(HttpContext) is not { } linkId)
        {
            NotWorking = true;
            ModelState.AddModelError(string.Empty, LinkModel.NotWorkingMessage);
            return Page();
        }
        var listing = await mediator.Send(new GetListingToChange(linkId), cancellationToken);
        Name = listing?.Name;
        // Where the email goes is not the organiser's to change here: it stays the one the link was sent to.
        Answers.OrganiserEmail = listing?.Answers.OrganiserEmail ?? Answers.OrganiserEmail;
        var outcome = await mediator.Send(new ChangeListing(linkId, Answers), cancellationToken);
        if (outcome == ChangeOutcome.LinkNoLongerWorks)
        {
            NotWorking = true;
            ModelState.AddModelError(string.Empty, LinkModel.NotWorkingMessage);
            return Page();
        }
        OrganiserSession.End(HttpContext);
        return RedirectToPage("Sent");
    }

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAreas(cancellationToken);

    private async Task LoadAreas(CancellationToken cancellationToken) =>
        Areas = await GroupFormAreas.ReadAsync(choices, hub.Value.Area, Answers.Area, cancellationToken);
}
