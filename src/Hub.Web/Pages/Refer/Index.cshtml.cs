using Hub.Application.Referrals;
using Hub.Application.Referrals.ReviewSelfReferral;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Refer;

/// <summary>
/// The self-referral: the form, then "check your answers", then send. The answers travel in the
/// page itself (hidden fields on the check step), so nothing is stored until the person sends it
/// and any number of hub instances can serve the steps.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string ReferenceKey = "Hub.Reference";

    [BindProperty]
    public SelfReferralAnswers Answers { get; set; } = new();

    /// <summary>One-time token issued with the check step; sending twice stores one referral.</summary>
    [BindProperty]
    public Guid FormToken { get; set; }

    /// <summary>A field people cannot see; software that fills in every field fills this too.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public IReadOnlyList<SelfReferralAnswersMapping.AnswerRow>? Review { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (Hub.Web.Security.Honeypot.IsFilled(Website))
        {
            return RedirectToPage("Sent");
        }
        ModelState.Clear();
        Review = await mediator.Send(new ReviewSelfReferral(Answers), cancellationToken);
        FormToken = Guid.NewGuid();
        return Page();
    }

    public IActionResult OnPostChange()
    {
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (Hub.Web.Security.Honeypot.IsFilled(Website))
        {
            return RedirectToPage("Sent");
        }
        ModelState.Clear();
        var result = await mediator.Send(new SubmitSelfReferral(Answers, FormToken), cancellationToken);
        TempData[ReferenceKey] = result.Reference;
        return RedirectToPage("Sent");
    }
}
