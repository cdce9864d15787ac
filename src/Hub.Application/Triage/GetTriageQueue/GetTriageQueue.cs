using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Triage.GetTriageQueue;

/// <summary>
/// Referrals waiting for triage, oldest first, a page at a time. <paramref name="After"/> is the
/// keyset cursor from the previous page, so a deep page costs the same as the first.
/// </summary>
public sealed record GetTriageQueue(TriageQueueCursor? After = null, int PageSize = 50) : IRequest<TriageQueuePage>;

public sealed record TriageQueueCursor(DateTimeOffset ReceivedAt, string Reference);

public sealed record TriageQueueRow(
    Guid ReferralId,
    string Reference,
    DateTimeOffset ReceivedAt,
    int DaysWaiting,
    ReferralSource Source,
    string? PreferredName,
    ContactMethod ContactMethod,
    bool? SafeToLeaveMessage,
    string? PreferredLanguage,
    bool InterpreterNeeded,
    bool HasAccessNeeds,
    bool HasPossibleMatch);

public sealed record TriageQueuePage(IReadOnlyList<TriageQueueRow> Rows, TriageQueueCursor? Next, int TotalWaiting);

public sealed class GetTriageQueueHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<GetTriageQueue, TriageQueuePage>
{
    public async Task<TriageQueuePage> Handle(GetTriageQueue request, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, 200);
        var waiting = db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.AwaitingTriage);
        var page = waiting;
        if (request.After is { } after)
        {
            page = page.Where(r => r.ReceivedAt > after.ReceivedAt || (r.ReceivedAt == after.ReceivedAt && string.Compare(r.Reference, after.Reference) > 0));
        }

        var rows = await page
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Reference)
            .Take(pageSize + 1)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new
            {
                r.Id,
                r.Reference,
                r.ReceivedAt,
                r.Source,
                p.PreferredName,
                p.Contact.PreferredMethod,
                p.Contact.SafeToLeaveMessage,
                p.Communication.PreferredLanguage,
                InterpreterNeeded = p.Communication.InterpreterNeeded == true,
                HasAccessNeeds = p.Communication.AccessNeeds != null,
                HasPossibleMatch = db.PossibleMatches.Any(m => m.ReferralId == r.Id && m.Decision == MatchDecision.Pending),
            })
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Reference)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var result = rows.Take(pageSize).Select(r => new TriageQueueRow(r.Id, r.Reference, r.ReceivedAt, UkTime.DaysBetween(r.ReceivedAt, now),
            r.Source, r.PreferredName, r.PreferredMethod, r.SafeToLeaveMessage, r.PreferredLanguage, r.InterpreterNeeded, r.HasAccessNeeds, r.HasPossibleMatch)).ToList();
        var next = rows.Count > pageSize ? new TriageQueueCursor(result[^1].ReceivedAt, result[^1].Reference) : null;
        var total = await waiting.CountAsync(cancellationToken);
        return new TriageQueuePage(result, next, total);
    }
}
