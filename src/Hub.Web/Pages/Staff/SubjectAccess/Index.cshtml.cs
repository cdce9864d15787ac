using Hub.Application.PersonalData.ExportCommunityRecords;
using Hub.Application.PersonalData.ExportPersonalData;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hub.Web.Pages.Staff.SubjectAccess;

/// <summary>
/// Subject access for someone Connect and Do knows only by an email address or mobile number, for team
/// leaders, who answer subject access for the hub (docs/decisions/048): find what is held under the exact address, then
/// download it as the same document as a hub record's export. The address travels only in posted forms,
/// never in an address bar, a file name or a log.
/// </summary>
public sealed class IndexModel(IMediator mediator, IOptions<HubOptions> options) : StaffPage
{
    [BindProperty] public string? EmailOrMobile { get; set; }

    public CommunityRecordsFound? Found { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        await TryRun(async () => Found = await mediator.Send(new FindCommunityRecords(EmailOrMobile), cancellationToken), null);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(string? format, [FromServices] PersonalDataDocument document, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        if (format is not ("html" or "json"))
        {
            ModelState.AddModelError(string.Empty, "Choose a web page or data to download");
            return Page();
        }
        PersonalDataExport? export = null;
        if (!await TryRun(async () => export = await mediator.Send(new ExportCommunityRecords(EmailOrMobile), cancellationToken), null))
        {
            return Page();
        }
        var (content, type, name) = await document.FileAsync(export!, options.Value.Name, format, $"personal-data-connect-and-do-{export!.GeneratedAt:yyyyMMdd}");
        return File(content, type, name);
    }
}
