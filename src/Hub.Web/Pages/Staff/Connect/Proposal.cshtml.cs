using Hub.Application.Connect.Moderation.DecideProposal;
using Hub.Application.Connect.Moderation.GetProposal;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Connect;

/// <summary>One proposal: what the organiser sent (beside the listing, for a change), and the decision.</summary>
public sealed class ProposalModel(IMediator mediator) : PageModel, Hub.Web.Validation.IShowsValidationFailures
{
    public ProposalToDecide Proposal { get; private set; } = null!;

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? Outcome { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Proposal = await mediator.Send(new GetProposal(id), cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Proposal = await mediator.Send(new GetProposal(id), cancellationToken);
        var decision = Enum.TryParse<ProposalDecision>(Decision, out var d) && Enum.IsDefined(d) && Decision is { Length: < 20 } ? d : (ProposalDecision)0;
        var outcome = await mediator.Send(new DecideProposal(id, decision, Note), cancellationToken);
        Outcome = outcome.AlreadyDecided ? "Someone else decided this proposal first. Nothing was changed."
            : decision == ProposalDecision.Publish ? "Published. The organiser has been emailed a link to their listing."
            : "Done. The organiser has been emailed.";
        return RedirectToPage("Proposals");
    }

    public string FieldFor(FluentValidation.Results.ValidationFailure failure) => failure.PropertyName;
}
