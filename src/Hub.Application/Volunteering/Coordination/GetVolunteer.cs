using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Coordination;

/// <summary>One volunteer for the coordinator: who they are, their checks (status and dates), what they hold now.</summary>
public sealed record GetVolunteer(Guid VolunteerId) : IRequest<VolunteerForCoordinator>;

public sealed record VolunteerForCoordinator(
    Guid Id, string FirstName, string LastName, string Email, string? Mobile, string Availability, string? AboutMe, string? Area,
    VolunteerStatus Status, string? PauseReason, VolunteerChecks Checks, IReadOnlyList<string> Gaps, bool CanBeMatched, bool HasAccount, DateTimeOffset? InvitedAt,
    int Version, IReadOnlyList<HeldRequest> Holding, int OutingsHappened);

public sealed record HeldRequest(Guid RequestId, string FirstName, string Group);

public sealed class GetVolunteerHandler(IApplicationDbContext db, TimeProvider clock, AuditTrail audit) : IRequestHandler<GetVolunteer, VolunteerForCoordinator>
{
    public async Task<VolunteerForCoordinator> Handle(GetVolunteer request, CancellationToken cancellationToken)
    {
        var v = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.VolunteerId, cancellationToken) ?? throw new NotFoundException("The volunteer");
        var today = UkCalendar.DayOf(clock.GetUtcNow());
        var holding = await db.SupportMatches.AsNoTracking().Where(m => m.VolunteerId == v.Id && m.EndedAt == null)
            .Join(db.SupportRequests, m => m.RequestId, r => r.Id, (m, r) => new { r.Id, r.FirstName, r.OfferId })
            .Select(x => new HeldRequest(x.Id, x.FirstName, db.CommunityOffers.Where(o => o.Id == x.OfferId).Select(o => o.Name).FirstOrDefault() ?? string.Empty))
            .ToListAsync(cancellationToken);
        var outings = await db.Outings.AsNoTracking().CountAsync(o => o.VolunteerId == v.Id && o.Happened, cancellationToken);
        audit.Record(AuditAction.View, null, nameof(Volunteer), v.Id, "Volunteering: volunteer");
        await db.SaveChangesAsync(cancellationToken);
        return new VolunteerForCoordinator(v.Id, v.FirstName, v.LastName, v.Email, v.Mobile, v.Availability, v.AboutMe, v.Area, v.Status, v.PauseReason, v.Checks,
            v.Checks.Gaps(today), v.CanBeMatchedOn(today), v.UserId is not null, v.InvitedAt, v.Version, holding, outings);
    }
}
