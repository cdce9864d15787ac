using Hub.Application.Connect;
using Hub.Application.Connect.StartGroup;
using Hub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Hub.Web.Pages.Connect;

/// <summary>
/// "Start a group": anyone proposes a group for the directory, with the front door's protections
/// (rate limit, honeypot, one-time form token). It waits for a community connector to publish it.
/// </summary>
public sealed class StartModel(IMediator mediator, IDirectoryChoices choices, IOptions<HubOptions> hub) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    [BindProperty]
    public GroupAnswers Answers { get; set; } = new();

    /// <summary>Issued with the form; sending it twice stores one proposal.</summary>
    [BindProperty]
    public Guid FormToken { get; set; }

    [BindProperty(Name = Honeypot.FieldName)]
    public string? Trap { get; set; }

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public async Task OnGetAsync(string? area, CancellationToken cancellationToken)
    {
        FormToken = Guid.NewGuid();
        // The directory's "Start a group" link names the area searched; one nobody lists (or an address made up) starts at the hub's own.
        Areas = await GroupFormAreas.ReadAsync(choices, hub.Value.Area, chosen: null, cancellationToken);
        Answers.Area = area is not null && Areas.Contains(area, StringComparer.Ordinal) ? area : hub.Value.Area;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Honeypot.IsFilled(Trap))
        {
            return RedirectToPage("Sent");
        }
        ModelState.Clear();
        await mediator.Send(new ProposeGroup(Answers, FormToken), cancellationToken);
        return RedirectToPage("Sent");
    }

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAreas(cancellationToken);

    private async Task LoadAreas(CancellationToken cancellationToken) =>
        Areas = await GroupFormAreas.ReadAsync(choices, hub.Value.Area, Answers.Area, cancellationToken);
}
