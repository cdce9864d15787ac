using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Supporting;

/// <summary>
/// The volunteer behind the signed-in account. A volunteer who could not be matched today (paused,
/// stopped, or a check lapsed) is treated as having no requests: access ends at the next click.
/// </summary>
internal static class MyVolunteer
{
    public static async Task<Volunteer?> FindAsync(IApplicationDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } id ? await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.UserId == id, cancellationToken) : null;

    /// <summary>
    /// The request, only when it is matched to this volunteer now; anything else (someone else's, a
    /// request taken back, a paused or lapsed volunteer) is refused as forbidden, with one Denied audit row.
    /// </summary>
    public static async Task<(Volunteer Volunteer, SupportRequest Request)> RequireMatchedAsync(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock,
        Guid requestId, bool tracked, string requestName, CancellationToken cancellationToken)
    {
        var volunteer = await FindAsync(db, user, cancellationToken);
        var query = db.SupportRequests.Include(r => r.Matches).Include(r => r.Outings);
        var request = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (volunteer is null || !volunteer.CanBeMatchedOn(UkCalendar.DayOf(clock.GetUtcNow())) || request is null || !request.IsMatchedTo(volunteer.Id))
        {
            db.DiscardChanges();
            audit.Record(AuditAction.Denied, null, nameof(SupportRequest), requestId, "Refused: " + requestName);
            await db.SaveChangesAsync(cancellationToken);
            throw new ForbiddenAccessException();
        }
        return (volunteer, request);
    }
}
