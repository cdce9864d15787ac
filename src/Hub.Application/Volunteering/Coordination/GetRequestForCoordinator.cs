using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Coordination;

/// <summary>
/// One request as the coordinator sees it: what the person asked, how to reach them, its matches and
/// outings, and the volunteers who could be matched today (approved, not paused, every check in date).
/// Each read is audited: it shows a member of the public's contact details.
/// </summary>
public sealed record GetRequestForCoordinator(Guid RequestId) : IRequest<RequestForCoordinator>;

public sealed record RequestForCoordinator(
    Guid Id,
    string FirstName,
    Guid OfferId,
    string Group,
    string WhatToTry,
    string WhenSuits,
    ComeAlongContact Contact,
    DateTimeOffset AskedAt,
    SupportRequestStatus Status,
    RequestClosure? Closure,
    int Version,
    IReadOnlyList<MatchLine> Matches,
    IReadOnlyList<OutingLine> Outings,
    IReadOnlyList<Candidate> Candidates);

public sealed record MatchLine(string Volunteer, DateTimeOffset MatchedAt, DateTimeOffset? EndedAt, MatchEnding? Ending);

public sealed record OutingLine(Guid Id, string Volunteer, DateOnly On, bool Happened, string? Note, HowItWent? PersonSaid, string? PersonWords);

/// <summary>A volunteer who can be matched today, with how many requests they hold now.</summary>
public sealed record Candidate(Guid VolunteerId, string Name, string Availability, string? Area, int CurrentMatches, DateOnly? ReviewDueOn);

public sealed class GetRequestForCoordinatorHandler(IApplicationDbContext db, TimeProvider clock, AuditTrail audit) : IRequestHandler<GetRequestForCoordinator, RequestForCoordinator>
{
    public async Task<RequestForCoordinator> Handle(GetRequestForCoordinator request, CancellationToken cancellationToken)
    {
        var r = await db.SupportRequests.AsNoTracking().Include(x => x.Matches).Include(x => x.Outings)
            .FirstOrDefaultAsync(x => x.Id == request.RequestId, cancellationToken) ?? throw new NotFoundException("The request");
        var group = await db.CommunityOffers.AsNoTracking().Where(o => o.Id == r.OfferId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        var today = UkCalendar.DayOf(clock.GetUtcNow());

        // Every volunteer approved now; whether their checks are in date is the domain's rule, applied here.
        var active = await db.Volunteers.AsNoTracking().Where(v => v.Status == VolunteerStatus.Active).OrderBy(v => v.FirstName).ThenBy(v => v.Id).ToListAsync(cancellationToken);
        var holding = await db.SupportMatches.AsNoTracking().Where(m => m.EndedAt == null).GroupBy(m => m.VolunteerId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var named = r.Matches.Select(m => m.VolunteerId).Concat(r.Outings.Select(o => o.VolunteerId)).Distinct().ToList();
        var names = await db.Volunteers.AsNoTracking().Where(v => named.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.FirstName + " " + v.LastName, cancellationToken);

        audit.Record(AuditAction.View, null, nameof(SupportRequest), r.Id, "Volunteering: request");
        await db.SaveChangesAsync(cancellationToken);

        return new RequestForCoordinator(r.Id, r.FirstName, r.OfferId, group ?? "A group no longer listed", r.WhatToTry, r.WhenSuits, r.Contact, r.AskedAt, r.Status, r.Closure, r.Version,
            r.Matches.OrderBy(m => m.MatchedAt).Select(m => new MatchLine(names.GetValueOrDefault(m.VolunteerId, "A volunteer"), m.MatchedAt, m.EndedAt, m.Ending)).ToList(),
            r.Outings.OrderBy(o => o.On).ThenBy(o => o.RecordedAt).Select(o => new OutingLine(o.Id, names.GetValueOrDefault(o.VolunteerId, "A volunteer"), o.On, o.Happened, o.Note, o.PersonSaid, o.PersonWords)).ToList(),
            active.Where(v => v.CanBeMatchedOn(today))
                .Select(v => new Candidate(v.Id, v.DisplayName, v.Availability, v.Area, holding.GetValueOrDefault(v.Id), v.Checks.ReviewDueOn)).ToList());
    }
}
