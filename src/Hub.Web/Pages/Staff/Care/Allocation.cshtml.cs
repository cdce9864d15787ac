using FluentValidation.Results;
using Hub.Application.CareTeams.GetHandoffs;
using Hub.Web.Design;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Care;

/// <summary>
/// People waiting for a lead worker, declined offers with reasons, and offers not yet answered:
/// searched with a GET form and paged by keyset, so it works without JavaScript and can be bookmarked.
/// </summary>
public sealed class AllocationModel(IMediator mediator) : PageModel, IShowsValidationFailures
{
    /// <summary>Null when the search or page link could not be read: the page says what to correct.</summary>
    public AllocationQueue? Queue { get; private set; }

    public string? Q { get; private set; }

    public string FieldFor(ValidationFailure failure) => failure.PropertyName == nameof(GetAllocationQueue.Search) ? "q" : string.Empty;

    public PageLinks Pages => PageLinks.For("/staff/allocation", [new("q", Q)], Queue?.Unallocated.Next, Queue?.Unallocated.Previous, "Pages of the allocation queue");

    public async Task OnGetAsync(string? q, string? after, string? before, CancellationToken cancellationToken)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Queue = await mediator.Send(new GetAllocationQueue(Q, after, before), cancellationToken);
    }
}
