using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Supporting;

/// <summary>The requests matched to the signed-in volunteer now, and nothing else.</summary>
public sealed record GetMyRequests : IRequest<MyRequests>;

/// <param name="Known">False when the account is not a volunteer's, or the volunteer is paused or has a check lapsed: they see no requests.</param>
public sealed record MyRequests(bool Known, string? FirstName, IReadOnlyList<MyRequestLine> Requests);

public sealed record MyRequestLine(Guid RequestId, string FirstName, string Group);

public sealed class GetMyRequestsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetMyRequests, MyRequests>
{
    public async Task<MyRequests> Handle(GetMyRequests request, CancellationToken cancellationToken)
    {
        var volunteer = await MyVolunteer.FindAsync(db, user, cancellationToken);
        if (volunteer is null || !volunteer.CanBeMatchedOn(UkCalendar.DayOf(clock.GetUtcNow())))
        {
            return new MyRequests(false, volunteer?.FirstName, []);
        }
        var requests = await db.SupportMatches.AsNoTracking().Where(m => m.VolunteerId == volunteer.Id && m.EndedAt == null)
            .Join(db.SupportRequests, m => m.RequestId, r => r.Id, (m, r) => new { r.Id, r.FirstName, r.OfferId, m.MatchedAt })
            .OrderBy(x => x.MatchedAt)
            .Select(x => new MyRequestLine(x.Id, x.FirstName, db.CommunityOffers.Where(o => o.Id == x.OfferId).Select(o => o.Name).FirstOrDefault() ?? string.Empty))
            .ToListAsync(cancellationToken);
        return new MyRequests(true, volunteer.FirstName, requests);
    }
}

/// <summary>
/// One request matched to the signed-in volunteer, with only what a meeting needs: the person's
/// first name, the group (its public listing) and the one way the person chose to be reached. Not
/// what they said they would like to try beyond the group, nothing of the hub (hazard H41).
/// </summary>
public sealed record GetMyRequest(Guid RequestId) : IRequest<MyRequest>;

public sealed record MyRequest(Guid RequestId, string FirstName, Guid OfferId, string Group, string? Where, string WhenSuits, ReachBy ReachBy, string Contact, bool MessagesSafe,
    IReadOnlyList<MyOuting> Outings);

public sealed record MyOuting(DateOnly On, bool Happened, string? Note);

public sealed class GetMyRequestHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<GetMyRequest, MyRequest>
{
    public async Task<MyRequest> Handle(GetMyRequest request, CancellationToken cancellationToken)
    {
        var (volunteer, r) = await MyVolunteer.RequireMatchedAsync(db, user, audit, clock, request.RequestId, tracked: false, nameof(GetMyRequest), cancellationToken);
        var group = await db.CommunityOffers.AsNoTracking().Where(o => o.Id == r.OfferId).Select(o => new { o.Name, o.LocationName }).FirstOrDefaultAsync(cancellationToken);
        var matchId = r.CurrentMatch!.Id;
        return new MyRequest(r.Id, r.FirstName, r.OfferId, group?.Name ?? string.Empty, group?.LocationName, r.WhenSuits, r.Contact.By, r.Contact.Address, r.Contact.MessagesSafe,
            r.Outings.Where(o => o.MatchId == matchId && o.VolunteerId == volunteer.Id).OrderBy(o => o.On).Select(o => new MyOuting(o.On, o.Happened, o.Note)).ToList());
    }
}
