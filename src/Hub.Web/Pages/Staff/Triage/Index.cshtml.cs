using Hub.Application.Triage.GetTriageQueue;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Triage;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public TriageQueuePage Queue { get; private set; } = new([], null, 0);

    public async Task OnGetAsync(long? afterTicks, string? afterReference, CancellationToken cancellationToken)
    {
        TriageQueueCursor? after = afterTicks is { } ticks && ticks > 0 && ticks < DateTimeOffset.MaxValue.UtcTicks && afterReference is { Length: <= 9 }
            ? new TriageQueueCursor(new DateTimeOffset(ticks, TimeSpan.Zero), afterReference)
            : null;
        Queue = await mediator.Send(new GetTriageQueue(after), cancellationToken);
    }
}
