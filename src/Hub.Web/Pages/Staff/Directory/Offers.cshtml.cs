using System.Text;
using Hub.Application.CommunityOffers.ExportOffers;
using Hub.Application.CommunityOffers.ImportOffers;
using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Directory;

/// <summary>Administrators: load a council directory in Open Referral UK form, or download ours.</summary>
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
public sealed class OffersModel(IMediator mediator) : StaffPage
{
    /// <summary>5,000 services of a council directory fit well within this.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public int ProblemsShown => Math.Min(Problems.Count, OpenReferralImport.MaxProblemsListed);

    public void OnGet() => TakeNotice();

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose an Open Referral UK file (JSON) to import");
            return Page();
        }
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("file", "The file must be smaller than 10 MB");
            return Page();
        }
        string json;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                json = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                ModelState.AddModelError("file", "The file is not UTF-8 text. Export it from the directory as JSON and try again");
                return Page();
            }
        }
        var result = await mediator.Send(new ImportCommunityOffers(json), cancellationToken);
        if (!result.Succeeded)
        {
            Problems = result.Problems;
            ModelState.AddModelError("file", $"Nothing was imported: the file has {(result.Problems.Count == 1 ? "1 problem" : $"{result.Problems.Count} problems")}, listed below");
            return Page();
        }
        SetNotice($"Imported: {result.Added} new and {result.Updated} updated offers" + (result.LeftOut.Count == 0 ? string.Empty
            : $". Left out, as this hub does not have them: {string.Join("; ", result.LeftOut.Take(5).Select(t => $"{t.Where}: {t.Message}"))}{(result.LeftOut.Count > 5 ? $"; and {result.LeftOut.Count - 5} more" : string.Empty)}"));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var json = await mediator.Send(new ExportCommunityOffers(), cancellationToken);
        return File(Encoding.UTF8.GetBytes(json), "application/json", "community-offers-open-referral-uk.json");
    }
}
