using Hub.Application.Conversations.GetConversationVersion;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Conversations;

public sealed class VersionModel(IMediator mediator) : PageModel
{
    public ConversationVersionView Version { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, int number, CancellationToken cancellationToken) =>
        Version = await mediator.Send(new GetConversationVersion(id, number), cancellationToken);
}
