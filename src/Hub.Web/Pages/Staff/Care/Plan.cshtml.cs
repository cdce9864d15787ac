using DisplayAttribute = System.ComponentModel.DataAnnotations.DisplayAttribute;
using FluentValidation;
using Hub.Application.Common.Messaging;
using Hub.Application.Messaging.GetPersonMessages;
using Hub.Application.SupportPlans.Link.PrintPlanCode;
using Hub.Application.SupportPlans.Link.RevokePlanAccess;
using Hub.Application.SupportPlans.Link.SendPlanLink;
using Hub.Application.SupportPlans.Staff.GetStaffPlan;
using Hub.Application.SupportPlans.Staff.ShareNoteWithPerson;
using Hub.Application.SupportPlans.Staff.StartSupportPlan;
using Hub.Application.SupportPlans.Staff.SuggestPlanChange;
using Hub.Domain.SupportPlans;
using Hub.Web.Design;
using Hub.Web.Design.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Pages.Staff.Care;

/// <summary>Staff and the person's plan: start it, read every version, suggest changes, send the person their link, end their access.</summary>
public sealed class PlanModel(IMediator mediator) : StaffPage
{
    public StaffPlanView? Plan { get; private set; }

    /// <summary>What the person chose to share from their community space; null when they have not (docs/decisions/040).</summary>
    public Hub.Application.Space.Sharing.GetSharedSpace.SharedSpaceView? SharedSpace { get; private set; }

    /// <summary>How a link can reach the person, and the messages already queued with where each stands.</summary>
    public PersonMessages? Messages { get; private set; }

    /// <summary>A code just printed: shown on this response only (never in a URL, a redirect or a cookie).</summary>
    public PrintedPlanCode? PrintedCode { get; private set; }
    public Guid ReferralId { get; private set; }

    [BindProperty] public string? Section { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Extra { get; set; }

    /// <summary>A review date to suggest, read from the NHS.UK date input's day, month and year boxes.</summary>
    [BindProperty, NhsDate, Display(Name = "The review date")]
    public DateOnly? ReviewOn { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        TakeNotice();
        await Load(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new StartSupportPlan(id), cancellationToken);
        SetNotice("Plan started from what the person has already said. Go through it with them: it is theirs to change");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSuggestAsync(Guid id, [FromServices] IValidator<SuggestPlanChange> validator, CancellationToken cancellationToken)
    {
        // The use case judges every answer; the date boxes keep what was typed and the date input's own
        // message. Boxes that say something that is not a date are refused whatever the part chosen (a
        // date is only used for a review date), and the other answers are judged at the same time.
        var dateRead = ModelState.ClearAllButDates(nameof(ReviewOn));
        var section = ParseEnum<PlanSection>(Section) ?? default;
        var command = new SuggestPlanChange(id, section, Text, Extra, ReviewOn);
        if (!dateRead)
        {
            var judged = await validator.ValidateAsync(command, cancellationToken);
            foreach (var failure in judged.Errors.Where(f => f.PropertyName != nameof(SuggestPlanChange.ReviewOn)))
            {
                ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
            }
        }
        else if (await TryRun(() => mediator.Send(command, cancellationToken), null))
        {
            SetNotice("Suggestion sent. The person sees it in their plan and decides");
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        if (await TryRun(() => mediator.Send(new ShareNoteWithPerson(id, Note), cancellationToken), null))
        {
            SetNotice("Note shared. The person sees it in their plan");
            return RedirectToPage(new { id });
        }
        MoveError(nameof(ShareNoteWithPerson.Text), nameof(Note)); // the use case's Text is this page's Note box
        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        MessageChannel channel = default;
        if (await TryRun(async () => channel = await mediator.Send(new SendPlanLink(id), cancellationToken), null))
        {
            // Queued, not sent: the messages below say when it has gone, or that it could not.
            SetNotice(channel == MessageChannel.Text
                ? "A link is queued to go to the person by text. Below you can see when it has been sent, or if it could not be. Earlier links no longer work"
                : "A link is queued to go to the person by email. Below you can see when it has been sent, or if it could not be. Earlier links no longer work");
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var ended = await mediator.Send(new RevokePlanAccess(id), cancellationToken);
        SetNotice(ended == 0 ? "The person had no open links or sessions" : "The person's links and sessions have ended");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCodeAsync(Guid id, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        PrintedPlanCode? printed = null;
        if (await TryRun(async () => printed = await mediator.Send(new PrintPlanCode(id), cancellationToken), null))
        {
            PrintedCode = printed;
        }
        await Load(id, cancellationToken);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken cancellationToken)
    {
        ReferralId = id;
        Plan = await mediator.Send(new GetStaffPlan(id), cancellationToken);
        if (Plan is not null)
        {
            Messages = await mediator.Send(new GetPersonMessages(id), cancellationToken);
            SharedSpace = await mediator.Send(new Hub.Application.Space.Sharing.GetSharedSpace.GetSharedSpace(id), cancellationToken);
        }
    }
}
