using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Reports;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Reports.GenerateReports;

/// <summary>
/// The scopes that get a report every month: <c>hub</c>, <c>team:{id}</c> or
/// <c>neighbourhood:{name}</c> (setting <c>Hub:Reports:Monthly</c>).
/// </summary>
public sealed class ReportSchedule
{
    public IReadOnlyList<string> Monthly { get; init; } = ["hub"];
}

/// <summary>
/// On the first of the month: queues last month's report for each scheduled scope, once. Running it
/// again in the same month (a retry, a second instance) queues nothing new.
/// </summary>
public sealed record QueueMonthlyReports : IRequest<int>, Common.Interfaces.IRoutineJobRequest;

public sealed class QueueMonthlyReportsHandler(IApplicationDbContext db, ReportSchedule schedule, IReportQueue queue, TimeProvider clock)
    : IRequestHandler<QueueMonthlyReports, int>
{
    public async Task<int> Handle(QueueMonthlyReports request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLocal(clock.GetUtcNow()));
        var (from, to) = ReportScopes.LastMonth(today);
        var already = await db.ReportRuns.AsNoTracking()
            .Where(r => r.Trigger == ReportTrigger.Monthly && r.From == from && r.To == to)
            .Select(r => new { r.TeamId, r.Neighbourhood }).ToListAsync(cancellationToken);

        var queued = 0;
        foreach (var scope in schedule.Monthly.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var (teamId, neighbourhood) = Parse(scope);
            if (teamId is null && neighbourhood is null && !scope.Equals("hub", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (already.Any(a => a.TeamId == teamId && string.Equals(a.Neighbourhood, neighbourhood, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var label = await ReportScopes.LabelAsync(db, teamId, neighbourhood, cancellationToken);
            if (label is null)
            {
                continue;
            }
            db.ReportRuns.Add(new ReportRun(from, to, teamId, neighbourhood, label, ReportTrigger.Monthly, null, clock.GetUtcNow()));
            queued++;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (queued > 0)
        {
            await queue.NudgeAsync(cancellationToken);
        }
        return queued;
    }

    public static (Guid? TeamId, string? Neighbourhood) Parse(string scope)
    {
        var parts = scope.Split(':', 2, StringSplitOptions.TrimEntries);
        return parts switch
        {
            ["team", var id] when Guid.TryParse(id, out var team) => (team, null),
            ["neighbourhood", var name] when name.Length is > 0 and <= 100 => (null, name),
            _ => (null, null),
        };
    }
}
