using Hub.Application.Conversations.GetConversation;
using Hub.Application.Conversations.StartReview;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Conversations;

public sealed class ViewModel(IMediator mediator) : PageModel
{
    public ConversationView View { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Notice = TempData["Hub.Notice"] as string;
        View = await mediator.Send(new GetConversation(id), cancellationToken);
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var reviewId = await mediator.Send(new StartReview(id), cancellationToken);
        return RedirectToPage("Edit", new { id = reviewId });
    }
}
