using FluentValidation;
using FluentValidation.Results;
using Hub.Application.Common;
using Hub.Application.Conversations.GetConversation;
using Hub.Application.Conversations.SaveConversation;
using Hub.Application.Outcomes;
using Hub.Domain.Conversations;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Conversations;

/// <summary>
/// Holding the conversation: one form in sections that follow the talk. Without JavaScript the
/// practitioner saves explicitly; with it, drafts also save themselves. A save that would overwrite
/// someone else's shows both versions and keeps every word typed.
/// </summary>
public sealed class EditModel(IMediator mediator, IMeasureRegistry measures) : PageModel, IShowsValidationFailures
{
    // The conversation being saved and which box each part of its content came from.
    private (Guid Id, Dictionary<string, string> FieldOf) sending = (Guid.Empty, []);

    /// <summary>The box the refused part came from; anything else in the summary.</summary>
    public string FieldFor(ValidationFailure failure)
    {
        var path = failure.PropertyName.StartsWith("Content.", StringComparison.Ordinal) ? failure.PropertyName["Content.".Length..] : failure.PropertyName;
        return sending.FieldOf.TryGetValue(path, out var field) ? field : string.Empty;
    }

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new GetConversation(sending.Id), cancellationToken);

    public ConversationView View { get; private set; } = null!;
    public IMeasureRegistry Measures => measures;
    public ConflictDetails? Conflict { get; private set; }
    public string? Notice { get; private set; }

    [BindProperty] public ConversationForm Form { get; set; } = new();
    [BindProperty] public Guid Token { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Notice = TempData["Hub.Notice"] as string;
        View = await mediator.Send(new GetConversation(id), cancellationToken);
        Form = ConversationForm.From(View.Content, measures);
        Token = View.Token;
    }

    public Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken cancellationToken) => Save(id, SaveIntent.SaveDraft, cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken) => Save(id, SaveIntent.Complete, cancellationToken);

    public Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken cancellationToken) => Save(id, SaveIntent.SaveNewVersion, cancellationToken);

    /// <summary>Without JavaScript: saves the draft and offers three more blank rows for people in their life.</summary>
    public async Task<IActionResult> OnPostAddPeopleAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await Save(id, SaveIntent.SaveDraft, cancellationToken, redirect: false);
        if (result is not null)
        {
            return result;
        }
        Form.Network.RemoveAll(r => r.IsBlank);
        Form.AddBlankNetworkRows(ConversationForm.BlankNetworkRows);
        ModelState.Clear();
        Notice = "Draft saved. There are more rows for people below.";
        return Page();
    }

    /// <summary>Called by the autosave script: JSON in reply, never a page.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken cancellationToken)
    {
        Form.KeepTheHubsRows(measures);
        var (content, _) = Form.ToContent();
        try
        {
            var result = await mediator.Send(new SaveConversation(id, content, Token, SaveIntent.SaveDraft), cancellationToken);
            return result.Saved
                ? new JsonResult(new { saved = true, token = result.Token, at = UkTime.ToLocal(DateTimeOffset.UtcNow).ToString("HH:mm", UkTime.Culture) })
                : new JsonResult(new { saved = false, conflict = true }) { StatusCode = StatusCodes.Status409Conflict };
        }
        catch (ValidationException)
        {
            // The person's words stay in the browser; the explicit save shows what to fix.
            return new JsonResult(new { saved = false, invalid = true }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
    }

    private async Task<IActionResult> Save(Guid id, SaveIntent intent, CancellationToken cancellationToken) =>
        await Save(id, intent, cancellationToken, redirect: true) ?? RedirectToPage("View", new { id });

    /// <summary>Null when saved and <paramref name="redirect"/> is false; otherwise the response to send.</summary>
    private async Task<IActionResult?> Save(Guid id, SaveIntent intent, CancellationToken cancellationToken, bool redirect)
    {
        ModelState.Clear();
        Form.KeepTheHubsRows(measures);
        var (content, fieldOf) = Form.ToContent();
        // A refusal is shown on the box each part of the conversation came from (ValidationFailurePageFilter).
        sending = (id, fieldOf);
        var result = await mediator.Send(new SaveConversation(id, content, Token, intent), cancellationToken);
        if (result.Saved)
        {
            Token = result.Token;
            if (!redirect)
            {
                View = await mediator.Send(new GetConversation(id), cancellationToken);
                return null;
            }
            TempData["Hub.Notice"] = intent switch
            {
                SaveIntent.SaveDraft => "Draft saved. You can carry on later.",
                SaveIntent.Complete => "Conversation complete.",
                _ => $"Saved as version {result.VersionNumber}.",
            };
            return intent == SaveIntent.SaveDraft ? RedirectToPage("Edit", new { id }) : null;
        }

        // Someone else saved first: keep this practitioner's words in the form, show theirs, and
        // take the new token so that saving again is a deliberate choice.
        Conflict = result.Conflict;
        Token = result.Token;
        ModelState.AddModelError(string.Empty, $"{result.Conflict!.SavedBy} saved this conversation at {UkTime.Format(result.Conflict.SavedAt)} while you were editing. Your changes are below and have not been saved yet. Compare them with what was saved, then save again to keep yours.");
        View = await mediator.Send(new GetConversation(id), cancellationToken);
        return Page();
    }
}
