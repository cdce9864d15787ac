using Hub.Domain.Common;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Spells;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Waiting.GetFourWeekWaits;

/// <summary>
/// People whose four-week clock is still running, longest wait first, with those at day 21 or more
/// and those past 28 flagged: the team leader's list of who is about to breach. Paged by number:
/// the list is of people still waiting, which stays in the hundreds even in a large hub.
/// </summary>
public sealed record GetFourWeekWaits(int Page = 1, int PageSize = 50) : IRequest<FourWeekWaitPage>;

public sealed record FourWeekWaitRow(Guid SpellId, Guid? LatestReferralId, string? LatestReference, string? PreferredName, DateTimeOffset StartedAt, FourWeekClock Clock);

public sealed record FourWeekWaitPage(IReadOnlyList<FourWeekWaitRow> Rows, int Page, bool HasNext, int Running, int AtRisk, int Breached);

public sealed class GetFourWeekWaitsHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<GetFourWeekWaits, FourWeekWaitPage>
{
    public async Task<FourWeekWaitPage> Handle(GetFourWeekWaits request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = UkCalendar.DayOf(now);
        // UK-midnight cut-offs, so the counts say exactly what each row's clock says (not 24-hour blocks).
        var atRiskBefore = FourWeekClock.AtRiskIfStartedBefore(today);
        var breachedBefore = FourWeekClock.BreachedIfStartedBefore(today);
        var pageSize = Math.Clamp(request.PageSize, 1, 200);

        // The clock stops when all three are recorded (ClockStoppedAt); a filtered index holds just the running ones.
        var running = db.Spells.AsNoTracking().Where(s => s.EndedAt == null && s.ClockStoppedAt == null);
        var pageNumber = Math.Max(1, request.Page);
        var rows = await running
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Id)
            .Skip((pageNumber - 1) * pageSize)
            .Take(pageSize + 1)
            .Select(s => new
            {
                s.Id,
                s.StartedAt,
                s.AssessedAt,
                s.BaselineMeasuredAt,
                s.CarePlanAgreedAt,
                Name = db.People.Where(p => p.Id == s.PersonId).Select(p => p.PreferredName).FirstOrDefault(),
                // Two scalar subqueries, each answered from the spell's own referrals through an index;
                // one that returns both would be planned as a window over every referral ever received.
                LatestId = db.Referrals.Where(r => r.SpellId == s.Id).OrderByDescending(r => r.ReceivedAt).Select(r => (Guid?)r.Id).FirstOrDefault(),
                LatestReference = db.Referrals.Where(r => r.SpellId == s.Id).OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        static DateOnly? Day(DateTimeOffset? at) => at is { } value ? UkCalendar.DayOf(value) : null;
        var result = rows.Take(pageSize).Select(s => new FourWeekWaitRow(s.Id, s.LatestId, s.LatestReference, s.Name, s.StartedAt,
            FourWeekClock.For(Day(s.StartedAt)!.Value, Day(s.AssessedAt), Day(s.BaselineMeasuredAt), Day(s.CarePlanAgreedAt), null, today))).ToList();

        var counts = await running
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Running = g.Count(),
                AtRisk = g.Count(s => s.StartedAt < atRiskBefore && s.StartedAt >= breachedBefore),
                Breached = g.Count(s => s.StartedAt < breachedBefore),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new FourWeekWaitPage(result, pageNumber, rows.Count > pageSize, counts?.Running ?? 0, counts?.AtRisk ?? 0, counts?.Breached ?? 0);
    }
}
