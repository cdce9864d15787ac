using FluentValidation;
using Hub.Application.Referrals;
using Hub.Application.Referrals.GetSentSelfReferral;
using Hub.Application.Referrals.ReviewSelfReferral;
using Hub.Application.Referrals.SubmitSelfReferral;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Refer;

/// <summary>
/// "Check your answers", then send. The page carries the journey's one-time form token, so a double
/// click, a second tab or a retry after a dropped connection stores one referral. After sending,
/// the journey keeps only the reference, and coming back here shows it instead of the answers.
/// </summary>
public sealed class CheckModel(IMediator mediator, SelfReferralJourneyStore journeys) : PageModel
{
    [BindProperty]
    public Guid FormToken { get; set; }

    [BindProperty]
    public string? Website { get; set; }

    public SelfReferralJourney? Journey { get; private set; }

    public IReadOnlyList<SelfReferralAnswersMapping.AnswerRow> Rows { get; private set; } = [];

    public string BackLink { get; private set; } = "/refer";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Journey = journeys.Read(HttpContext);
        if (Journey is null || Journey.IsSent)
        {
            return Page();
        }
        try
        {
            Rows = await mediator.Send(new ReviewSelfReferral(Journey.Answers), cancellationToken);
        }
        catch (ValidationException invalid)
        {
            // Only a question skipped by typing an address: go to the first page whose answer is missing or wrong.
            var field = invalid.Errors.First().PropertyName.Split('.').Last();
            var question = SelfReferralQuestions.All.FirstOrDefault(q => q.Fields.Contains(field)) ?? SelfReferralQuestions.First;
            return Redirect(question.Path);
        }
        FormToken = Journey.FormToken;
        BackLink = SelfReferralQuestions.Last(Journey.Answers).Path;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var journey = journeys.Read(HttpContext);
        if (!string.IsNullOrEmpty(Website))
        {
            journeys.TryWrite(HttpContext, SelfReferralJourney.Start() with { Thanked = true });
            return RedirectToPage("Sent");
        }
        if (journey is null || journey.FormToken != FormToken || journey.IsSent)
        {
            // No answers here to send (a new connection, an expired or already sent form): a form already sent shows its reference.
            if (await mediator.Send(new GetSentSelfReferral(FormToken), cancellationToken) is { } reference)
            {
                journeys.TryWrite(HttpContext, new SelfReferralJourney(new SelfReferralAnswers(), FormToken, reference));
                return RedirectToPage("Sent");
            }
            return journey?.IsSent == true ? RedirectToPage("Sent") : Redirect("/refer?expired=true");
        }

        var result = await mediator.Send(new SubmitSelfReferral(journey.Answers, journey.FormToken), cancellationToken);
        // Keep the reference only: the answers are in the hub now, and no longer in this browser.
        journeys.TryWrite(HttpContext, new SelfReferralJourney(new SelfReferralAnswers(), journey.FormToken, result.Reference, ConfirmedBy: result.Confirmation));
        return RedirectToPage("Sent");
    }
}
