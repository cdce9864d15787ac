using Hub.Application.PersonalData.ExportPersonalData;
using Hub.Application.PersonalData.GetPersonalData;
using Hub.Application.PersonalData.RestrictProcessing;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hub.Web.Pages.Staff.PersonalData;

/// <summary>
/// The person's rights over their data, for team leaders: download everything held about them
/// (readable HTML and JSON), restrict processing and lift the restriction, and see when retention
/// will destroy the record.
/// </summary>
public sealed class IndexModel(IMediator mediator, IOptions<HubOptions> options) : StaffPage
{
    public PersonalDataSummary Summary { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        TakeNotice();
        Summary = await mediator.Send(new GetPersonalData(id), cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, [FromServices] PersonalDataDocument document, CancellationToken cancellationToken)
    {
        if (format is not ("html" or "json"))
        {
            return NotFound();
        }
        var export = await mediator.Send(new ExportPersonalData(id), cancellationToken);
        var (content, type, name) = await document.FileAsync(export, options.Value.Name, format, $"personal-data-{export.Reference}-{export.GeneratedAt:yyyyMMdd}");
        return File(content, type, name);
    }

    public async Task<IActionResult> OnPostRestrictAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        if (await TryRun(() => mediator.Send(new RestrictProcessing(id, Reason), cancellationToken), null))
        {
            SetNotice("Processing is restricted. The record can be read but not changed until the restriction is lifted.");
            return RedirectToPage(new { id });
        }
        Summary = await mediator.Send(new GetPersonalData(id), cancellationToken);
        if (Summary.RestrictedAt is not null)
        {
            // Restricted meanwhile (another tab, a colleague): there is no reason box any more, so the
            // message goes with the restriction the page now shows.
            MoveError(nameof(Reason), "restriction");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        if (await TryRun(() => mediator.Send(new LiftRestriction(id), cancellationToken), null))
        {
            SetNotice("The restriction is lifted. The record can be changed again.");
            return RedirectToPage(new { id });
        }
        Summary = await mediator.Send(new GetPersonalData(id), cancellationToken);
        return Page();
    }
}
