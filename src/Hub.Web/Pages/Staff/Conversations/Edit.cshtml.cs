using Hub.Application.Common;
using Hub.Application.Conversations.CompleteConversation;
using Hub.Application.Conversations.GetConversation;
using Hub.Application.Conversations.SaveConversation;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Conversations;

/// <summary>
/// The conversation as an NHS.UK task list: each section with where it stands, each opening its own
/// page. Completing the conversation checks only that every section is completed, and says which
/// are not.
/// </summary>
public sealed class EditModel(IMediator mediator) : PageModel
{
    public ConversationView View { get; private set; } = null!;
    public ConflictDetails? Conflict { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>The sections completing the conversation found not yet completed.</summary>
    public IReadOnlyList<ConversationSection> NotComplete { get; private set; } = [];

    public static string NotCompleteMessage(ConversationSection section) =>
        $"Complete the section \u201c{section.Describe()}\u201d before completing the conversation";

    [BindProperty] public Guid Token { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Notice = TempData["Hub.Notice"] as string;
        View = await mediator.Send(new GetConversation(id), cancellationToken);
        Token = View.Token;
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await mediator.Send(new CompleteConversation(id, Token), cancellationToken);
        if (result.Completed)
        {
            TempData["Hub.Notice"] = "Conversation complete.";
            return RedirectToPage("View", new { id });
        }
        if (result.Conflict is { } conflict)
        {
            Conflict = conflict;
            ModelState.AddModelError(string.Empty, $"{conflict.SavedBy} saved this conversation at {UkTime.Format(conflict.SavedAt)}. Check the sections, then complete it again.");
        }
        // Shown in the error summary in task list order, each linking to its row.
        NotComplete = result.NotComplete;
        View = await mediator.Send(new GetConversation(id), cancellationToken);
        Token = View.Token;
        return Page();
    }
}
