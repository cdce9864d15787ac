using Hub.Application.Common.Interfaces;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Coordination;

/// <summary>Every volunteer for the coordinator: status, availability, requests held, and checks falling due or lapsed.</summary>
public sealed record GetVolunteers : IRequest<VolunteerList>;

public sealed record VolunteerList(IReadOnlyList<VolunteerLine> Volunteers, DateOnly Today)
{
    /// <summary>Approved volunteers whose review is due within the warning window or overdue, soonest first.</summary>
    public IEnumerable<VolunteerLine> ChecksFallingDue => Volunteers.Where(v => v.Status == VolunteerStatus.Active && v.ReviewDueSoon).OrderBy(v => v.ReviewDueOn);
}

/// <param name="CanBeMatched">Approved, not paused and every check in date today.</param>
public sealed record VolunteerLine(Guid Id, string Name, VolunteerStatus Status, string Availability, string? Area, int CurrentMatches, DateOnly? ReviewDueOn,
    bool ReviewOverdue, bool ReviewDueSoon, bool CanBeMatched, bool HasAccount, DateTimeOffset RegisteredAt);

public sealed class GetVolunteersHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<GetVolunteers, VolunteerList>
{
    public async Task<VolunteerList> Handle(GetVolunteers request, CancellationToken cancellationToken)
    {
        var today = UkCalendar.DayOf(clock.GetUtcNow());
        var volunteers = await db.Volunteers.AsNoTracking().Where(v => v.Status != VolunteerStatus.Stopped)
            .OrderBy(v => v.Status).ThenBy(v => v.FirstName).ThenBy(v => v.Id).Take(500).ToListAsync(cancellationToken);
        var holding = await db.SupportMatches.AsNoTracking().Where(m => m.EndedAt == null).GroupBy(m => m.VolunteerId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new VolunteerList(volunteers.Select(v => new VolunteerLine(v.Id, v.DisplayName, v.Status, v.Availability, v.Area, holding.GetValueOrDefault(v.Id),
            v.Checks.ReviewDueOn, v.Checks.ReviewOverdueOn(today), v.Checks.ReviewDueSoonOn(today), v.CanBeMatchedOn(today), v.UserId is not null, v.RegisteredAt)).ToList(), today);
    }
}
