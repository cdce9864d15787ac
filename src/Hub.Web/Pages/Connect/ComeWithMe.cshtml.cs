using Hub.Application.Connect.GetGroup;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Connect;

/// <summary>
/// "Can someone come with me?": a person asks for a volunteer to go with them to this group, with the
/// front door's protections (rate limit, honeypot, one-time form token). Nothing about diagnosis or severity.
/// </summary>
public sealed class ComeWithMeModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    [BindProperty]
    public ComeAlongAnswers Answers { get; set; } = new();

    /// <summary>Issued with the form; sending it twice stores one request.</summary>
    [BindProperty]
    public Guid FormToken { get; set; }

    [BindProperty(Name = Honeypot.FieldName)]
    public string? Trap { get; set; }

    public PublicGroup Group { get; private set; } = null!;

    public Guid Id { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        FormToken = Guid.NewGuid();
        await Load(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Honeypot.IsFilled(Trap))
        {
            return RedirectToPage("ComeWithMeSent");
        }
        ModelState.Clear();
        Id = id;
        await mediator.Send(new AskForSupporter(id, Answers, FormToken), cancellationToken);
        return RedirectToPage("ComeWithMeSent");
    }

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => Load(Id, cancellationToken);

    private async Task Load(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        Group = await mediator.Send(new GetPublicGroup(id), cancellationToken);
    }
}
