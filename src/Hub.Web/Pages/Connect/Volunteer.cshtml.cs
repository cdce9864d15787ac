using Hub.Application.Volunteering.RegisterToVolunteer;
using Hub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Hub.Web.Pages.Connect;

/// <summary>Anyone offers to be a volunteer supporter, with the front door's protections. A coordinator vets them before anything else.</summary>
public sealed class VolunteerModel(IMediator mediator, IOptions<HubOptions> hub) : PageModel
{
    [BindProperty]
    public VolunteerAnswers Answers { get; set; } = new();

    [BindProperty]
    public Guid FormToken { get; set; }

    [BindProperty(Name = Honeypot.FieldName)]
    public string? Trap { get; set; }

    public void OnGet() => FormToken = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Honeypot.IsFilled(Trap))
        {
            return RedirectToPage("VolunteerSent");
        }
        ModelState.Clear();
        await mediator.Send(new RegisterToVolunteer(Answers, hub.Value.Area, FormToken), cancellationToken);
        return RedirectToPage("VolunteerSent");
    }
}
