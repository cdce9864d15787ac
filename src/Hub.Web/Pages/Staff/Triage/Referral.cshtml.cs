using System.ComponentModel.DataAnnotations;
using FluentValidation.Results;
using Hub.Application.Common;
using Hub.Application.Conversations.StartConversation;
using Hub.Application.Triage.DecidePossibleMatch;
using Hub.Application.Triage.GetReferralRecord;
using Hub.Application.Triage.PickUpReferral;
using Hub.Application.Triage.ReleaseReferral;
using Hub.Application.Triage.RecordContact;
using Hub.Application.Triage.RecordContactAttempt;
using Hub.Application.Triage.RecordTriageOutcome;
using Hub.Domain.Contacts;
using Hub.Domain.Triage;
using Hub.Web.Design;
using Hub.Web.Design.Forms;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Triage;

/// <summary>One referral in triage: read it, record attempts and contacts, decide the outcome and any suggested match.</summary>
public sealed class ReferralModel(IMediator mediator, TimeProvider clock) : PageModel, IShowsValidationFailures
{
    public const string NoticeKey = "Hub.Notice";

    // What the handler is sending, so that a refusal is shown on its own form (ValidationFailurePageFilter).
    private (Guid Id, string Form, bool KeepVersion) sending;

    /// <summary>On the form that sent it (the use case's time is that form's "When" box); a match decision's in the summary.</summary>
    public string FieldFor(ValidationFailure failure) =>
        sending.Form.Length == 0 ? string.Empty : $"{sending.Form}.{(failure.PropertyName == "At" ? "When" : failure.PropertyName)}";

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => Load(sending.Id, cancellationToken, sending.KeepVersion);

    public ReferralRecord Record { get; private set; } = null!;

    /// <summary>Texts and emails to the person, and whether each arrived.</summary>
    public Hub.Application.Messaging.GetPersonMessages.PersonMessages Messages { get; private set; } = null!;
    public string? Notice { get; private set; }

    [BindProperty] public AttemptInput Attempt { get; set; } = new();
    [BindProperty] public ContactInput Contact { get; set; } = new();
    [BindProperty] public OutcomeInput Outcome { get; set; } = new();

    public sealed class AttemptInput
    {
        [NhsDate, Display(Name = "Date of the attempt")]
        public DateTimeOffset? When { get; set; }
        public string? Method { get; set; }
        public string? Result { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ContactInput
    {
        [NhsDate, Display(Name = "Date of the contact")]
        public DateTimeOffset? When { get; set; }
        public string? Medium { get; set; }
        public string? Place { get; set; }
        public string? Attended { get; set; }
        public string? DurationMinutes { get; set; }
        public string? Note { get; set; }
    }

    public sealed class OutcomeInput
    {
        public string? Outcome { get; set; }
        public string? Note { get; set; }
        public Guid Version { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Notice = TempData[NoticeKey] as string;
        await Load(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAttemptAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.ClearAllButDates("Attempt.When") && Attempt.When is null)
        {
            ModelState.AddModelError("Attempt.When", "Enter the date and time of the attempt");
        }
        var at = Attempt.When;
        return await Run(id, "Attempt", at is null ? null : new RecordContactAttempt(id, at.Value,
            ParseEnum<AttemptMethod>(Attempt.Method), ParseEnum<AttemptResult>(Attempt.Result), Attempt.Note), "Contact attempt recorded", cancellationToken);
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.ClearAllButDates("Contact.When") && Contact.When is null)
        {
            ModelState.AddModelError("Contact.When", "Enter the date and time of the contact");
        }
        var at = Contact.When;
        if (Contact.Attended is not ("yes" or "no"))
        {
            ModelState.AddModelError("Contact.Attended", "Select yes if the contact took place");
        }
        var duration = ModelState.ReadMinutes(Contact.DurationMinutes, "Contact.DurationMinutes", "45");
        return await Run(id, "Contact", at is null || !ModelState.IsValid ? null : new RecordContact(id, at.Value,
            ParseEnum<ContactMedium>(Contact.Medium), ParseEnum<ContactPlace>(Contact.Place), Contact.Attended == "yes", duration, Contact.Note), "Contact recorded", cancellationToken);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        sending = (id, "Outcome", KeepVersion: false);
        var result = await mediator.Send(new RecordTriageOutcome(id, ParseEnum<TriageOutcome>(Outcome.Outcome), Outcome.Note, Outcome.Version), cancellationToken);
        switch (result)
        {
            case RecordTriageOutcomeResult.Recorded:
                TempData[NoticeKey] = "Triage outcome recorded";
                return RedirectToPage(new { id });
            case RecordTriageOutcomeResult.ChangedBySomeoneElse:
                ModelState.AddModelError("Outcome.Outcome", "Someone else changed this referral while you were looking at it. Check the latest details below, then record the outcome again");
                break;
            default:
                ModelState.AddModelError("Outcome.Outcome", "This referral is already closed. If the person needs the hub again, a new referral joins their spell");
                break;
        }
        await Load(id, cancellationToken, keepVersion: false);
        return Page();
    }

    public async Task<IActionResult> OnPostConversationAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversationId = await mediator.Send(new StartConversation(id), cancellationToken);
        return RedirectToPage("/Staff/Conversations/Edit", new { id = conversationId });
    }

    public async Task<IActionResult> OnPostMatchAsync(Guid id, Guid matchId, bool samePerson, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        sending = (id, string.Empty, KeepVersion: true);
        await mediator.Send(new DecidePossibleMatch(matchId, samePerson), cancellationToken);
        TempData[NoticeKey] = samePerson ? "Joined to the earlier record" : "Kept as a different person";
        return RedirectToPage(new { id });
    }

    /// <summary>"I'm picking this up". When someone else got there first, says who and since when.</summary>
    public async Task<IActionResult> OnPostPickUpAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        sending = (id, string.Empty, KeepVersion: true);
        var result = await mediator.Send(new PickUpReferral(id), cancellationToken);
        TempData[NoticeKey] = result switch
        {
            PickUpResult.HeldBySomeoneElse held => $"{held.Name} picked this up first, at {UkTime.Format(held.Since)}. Talk to them before you contact the person",
            PickUpResult.AlreadyTriaged => "This referral has been triaged since you opened it, so there is nothing to pick up",
            _ => "You have picked this up. The team can see it in the triage queue",
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        sending = (id, string.Empty, KeepVersion: true);
        TempData[NoticeKey] = await mediator.Send(new ReleaseReferral(id), cancellationToken) switch
        {
            ReleaseResult.Released => "Released. Anyone in the team can pick this up now",
            ReleaseResult.NotPickedUp => "Nobody has this picked up now",
            _ => "Someone else has this picked up. Only they or a team leader can release it",
        };
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> Run(Guid id, string prefix, IRequest<Unit>? command, string notice, CancellationToken cancellationToken)
    {
        if (command is not null)
        {
            sending = (id, prefix, KeepVersion: true);
            await mediator.Send(command, cancellationToken);
            TempData[NoticeKey] = notice;
            return RedirectToPage(new { id });
        }
        await Load(id, cancellationToken);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken cancellationToken, bool keepVersion = true)
    {
        Record = await mediator.Send(new GetReferralRecord(id), cancellationToken);
        Messages = await mediator.Send(new Hub.Application.Messaging.GetPersonMessages.GetPersonMessages(id), cancellationToken);
        // Now, to change (most are recorded as they happen), in every date form that was not the one sent.
        var now = clock.GetUtcNow();
        if (!Sent("Attempt.When"))
        {
            Attempt.When ??= now;
        }
        if (!Sent("Contact.When"))
        {
            Contact.When ??= now;
        }
        if (!keepVersion || Outcome.Version == Guid.Empty)
        {
            Outcome.Version = Record.Version;
        }
        ModelState.Remove("Outcome.Version");
    }



    private bool Sent(string date) => Request.HasFormContentType && Request.Form.Keys.Any(k => k.StartsWith(date + ".", StringComparison.Ordinal));

    /// <summary>Unknown or missing values become 0, which the use case's validator rejects with its own message.</summary>
    private static T ParseEnum<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : default;
}
