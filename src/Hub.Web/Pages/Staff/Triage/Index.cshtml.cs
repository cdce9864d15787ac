using FluentValidation.Results;
using Hub.Application.Triage.GetTriageQueue;
using Hub.Domain.Referrals;
using Hub.Web.Design;
using Hub.Web.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages.Staff.Triage;

/// <summary>
/// The triage queue as the team's shared work: one GET form (search and filters, so it works without
/// JavaScript and a filtered queue can be bookmarked), a page at a time by keyset.
/// </summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel, IShowsValidationFailures
{
    /// <summary>Today in the UK, for saying when a referral was picked up.</summary>
    public DateOnly Today { get; } = Hub.Application.Common.UkTime.Today(clock.GetUtcNow());

    public TriageQueuePage? Queue { get; private set; }

    /// <summary>The filters as sent back in the form and the page links (raw, so a wrong one is shown as typed).</summary>
    public QueueFilters Filters { get; private set; } = new();

    public bool Filtered => Filters.Q is { Length: > 0 } || Filters.Status is not (null or "" or "waiting") || Filters.Waited is { Length: > 0 } and not "any"
        || Filters.Source is { Length: > 0 } || Filters.Neighbourhood is { Length: > 0 } || Filters.Picked is { Length: > 0 } and not "any";

    public sealed record QueueFilters(string? Q = null, string? Status = null, string? Waited = null, string? Source = null, string? Neighbourhood = null,
        string? Picked = null, string? Order = null);

    public string FieldFor(ValidationFailure failure) => failure.PropertyName switch
    {
        nameof(GetTriageQueue.Search) => "q",
        nameof(GetTriageQueue.Status) => "status",
        nameof(GetTriageQueue.Waiting) => "waited",
        nameof(GetTriageQueue.Source) => "source",
        nameof(GetTriageQueue.Neighbourhood) => "neighbourhood",
        nameof(GetTriageQueue.PickedUp) or nameof(GetTriageQueue.PickedUpBy) => "picked",
        _ => string.Empty,
    };

    /// <summary>"Previous" and "Next" under the table: the same search and filters, a page before or after this one.</summary>
    public PageLinks Pages => PageLinks.For("/staff/triage",
        [new("q", Filters.Q), new("status", Filters.Status), new("waited", Filters.Waited), new("source", Filters.Source),
            new("neighbourhood", Filters.Neighbourhood), new("picked", Filters.Picked), new("order", Filters.Order)],
        Queue?.Next, Queue?.Previous, "Pages of the triage queue");

    public async Task OnGetAsync(string? q, string? status, string? waited, string? source, string? neighbourhood, string? picked, string? order, string? after,
        string? before, CancellationToken cancellationToken)
    {
        Filters = new QueueFilters(q, status, waited, source, neighbourhood, picked, order);
        var request = Read(after, before);
        if (!ModelState.IsValid || request is null)
        {
            return;
        }
        // A refused search (a practitioner asking for closed referrals, an unreadable phone number)
        // comes back as a ValidationException: ValidationFailurePageFilter puts it on its field.
        Queue = await mediator.Send(request, cancellationToken);
    }

    /// <summary>The query string as a request, or errors in ModelState naming the field that was not understood.</summary>
    private GetTriageQueue? Read(string? after, string? before)
    {
        var f = Filters;
        var statusValue = Choose(f.Status, "status", "Select which referrals to show", ("", QueueStatus.Waiting), ("waiting", QueueStatus.Waiting),
            ("triaged", QueueStatus.Triaged), ("closed", QueueStatus.Closed), ("all", QueueStatus.All));
        var waitValue = Choose(f.Waited, "waited", "Select how long the referrals have waited", ("", WaitFilter.Any), ("any", WaitFilter.Any),
            ("overdue", WaitFilter.FirstContactOverdue), ("week", WaitFilter.AWeekOrMore), ("three-weeks", WaitFilter.ThreeWeeksOrMore));
        var orderValue = Choose(f.Order, "order", "Select an order", ("", QueueOrder.OldestFirst), ("oldest", QueueOrder.OldestFirst), ("newest", QueueOrder.NewestFirst));
        ReferralSource? sourceValue = null;
        if (f.Source is { Length: > 0 } s)
        {
            if (Enum.TryParse<ReferralSource>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !s.Any(char.IsDigit))
            {
                sourceValue = parsed;
            }
            else
            {
                ModelState.AddModelError("source", "Select who made the referral from the list");
            }
        }
        var (pickedUp, pickedBy) = (PickUpFilter.Any, (Guid?)null);
        switch (f.Picked)
        {
            case null or "" or "any":
                break;
            case "nobody":
                pickedUp = PickUpFilter.Nobody;
                break;
            case "me":
                pickedUp = PickUpFilter.Me;
                break;
            default:
                if (Guid.TryParseExact(f.Picked, "D", out var member))
                {
                    (pickedUp, pickedBy) = (PickUpFilter.Member, member);
                }
                else
                {
                    ModelState.AddModelError("picked", "Select who picked the referrals up from the list");
                }
                break;
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        return new GetTriageQueue(string.IsNullOrWhiteSpace(f.Q) ? null : f.Q, statusValue, waitValue, sourceValue,
            string.IsNullOrWhiteSpace(f.Neighbourhood) ? null : f.Neighbourhood.Trim(), pickedUp, pickedBy, orderValue, after, before);
    }

    private T Choose<T>(string? value, string field, string message, params (string Name, T Value)[] choices)
    {
        foreach (var (name, choice) in choices)
        {
            if (string.Equals(value ?? string.Empty, name, StringComparison.Ordinal))
            {
                return choice;
            }
        }
        ModelState.AddModelError(field, message + " from the list");
        return choices[0].Value;
    }
}
