using Hub.Application.Common.Interfaces;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Coordination;

/// <summary>The coordinator's view of requests: waiting (oldest first), matched, or recently closed.</summary>
public sealed record GetRequestQueue(SupportRequestStatus Status) : IRequest<RequestQueue>;

public sealed record RequestQueue(SupportRequestStatus Status, IReadOnlyList<QueuedRequest> Requests, int Waiting, int Matched, int OpenConcerns);

/// <param name="Volunteer">The volunteer matched now, if any.</param>
public sealed record QueuedRequest(Guid Id, string FirstName, string Group, string WhenSuits, DateTimeOffset AskedAt, string? Volunteer, int OutingsHappened, RequestClosure? Closure);

public sealed class GetRequestQueueHandler(IApplicationDbContext db) : IRequestHandler<GetRequestQueue, RequestQueue>
{
    /// <summary>A queue holds the oldest 200; at borough scale a queue longer than that is a staffing problem, not a paging one.</summary>
    public const int PageSize = 200;

    public async Task<RequestQueue> Handle(GetRequestQueue request, CancellationToken cancellationToken)
    {
        var query = db.SupportRequests.AsNoTracking().Where(r => r.Status == request.Status);
        query = request.Status == SupportRequestStatus.Closed ? query.OrderByDescending(r => r.ClosedAt).ThenBy(r => r.Id) : query.OrderBy(r => r.AskedAt).ThenBy(r => r.Id);
        var rows = await query.Take(PageSize)
            .Select(r => new
            {
                r.Id,
                r.FirstName,
                Group = db.CommunityOffers.Where(o => o.Id == r.OfferId).Select(o => o.Name).FirstOrDefault(),
                r.WhenSuits,
                r.AskedAt,
                Volunteer = db.SupportMatches.Where(m => m.RequestId == r.Id && m.EndedAt == null)
                    .Join(db.Volunteers, m => m.VolunteerId, v => v.Id, (m, v) => v.FirstName + " " + v.LastName).FirstOrDefault(),
                Outings = db.Outings.Count(o => o.RequestId == r.Id && o.Happened),
                r.Closure,
            }).ToListAsync(cancellationToken);
        var counts = await db.SupportRequests.AsNoTracking().Where(r => r.Status != SupportRequestStatus.Closed)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var concerns = await db.SafeguardingConcerns.AsNoTracking().CountAsync(c => c.ActedOnAt == null, cancellationToken);
        return new RequestQueue(request.Status,
            rows.Select(r => new QueuedRequest(r.Id, r.FirstName, r.Group ?? "A group no longer listed", r.WhenSuits, r.AskedAt, r.Volunteer, r.Outings, r.Closure)).ToList(),
            counts.FirstOrDefault(c => c.Key == SupportRequestStatus.Waiting)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Key == SupportRequestStatus.Matched)?.Count ?? 0,
            concerns);
    }
}
