using Hub.Application.CareTeams.AnswerHandoff;
using Hub.Application.CareTeams.GetHandoffs;
using Hub.Web.Design;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Care;

/// <summary>The member's own work: offers to accept or decline, and their caseload.</summary>
public sealed class HandoffsModel(IMediator mediator) : StaffPage, Hub.Web.Validation.IShowsValidationFailures
{
    /// <summary>Null when the caseload search or page link could not be read: the page says what to correct.</summary>
    public MyWork? Work { get; private set; }

    [BindProperty] public Guid HandoffId { get; set; }

    /// <summary>The caseload search, from the query string.</summary>
    public string? Q { get; private set; }

    public string FieldFor(FluentValidation.Results.ValidationFailure failure) => failure.PropertyName == nameof(GetMyWork.Search) ? "q" : string.Empty;

    public PageLinks Pages => PageLinks.For("/staff/handoffs", [new("q", Q)], Work?.Caseload.Next, Work?.Caseload.Previous, "Pages of your caseload");

    public async Task OnGetAsync(string? q, string? after, string? before, CancellationToken cancellationToken)
    {
        TakeNotice();
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Work = await mediator.Send(new GetMyWork(Q, after, before), cancellationToken);
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) => Answer(true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) => Answer(false, cancellationToken);

    private async Task<IActionResult> Answer(bool accept, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        // Each offer's decline box is named after the offer, so an error shows on the right one.
        var prefix = $"Decline-{HandoffId:N}";
        var reason = accept ? null : Request.Form[$"{prefix}.Reason"].ToString();
        AnswerHandoffResult result = default;
        if (await TryRun(async () => result = await mediator.Send(new AnswerHandoff(HandoffId, accept, reason), cancellationToken), prefix))
        {
            SetNotice(result switch
            {
                AnswerHandoffResult.Accepted => "Accepted: you are on the person's care team",
                AnswerHandoffResult.Declined => "Declined. It is back in the allocation queue with your reason",
                _ => "That offer had already been answered or withdrawn",
            });
            return RedirectToPage();
        }
        Work = await mediator.Send(new GetMyWork(), cancellationToken);
        if (!Work.Offers.Any(o => o.HandoffId == HandoffId))
        {
            KeepMessagesWithoutTheirBoxes(prefix);
            ModelState.AddModelError(string.Empty, "That offer has already been answered or withdrawn");
        }
        return Page();
    }
}
