using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;

namespace Hub.Application.Common.Auditing;

/// <summary>
/// Adds one audit row for a read or change of a person's record. The row is saved, and sealed
/// into the chain, with the handler's next save: a change and its audit row commit together.
/// </summary>
public sealed class AuditTrail(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The member of staff acting, if any.</summary>
    public Guid? ActorId => user.UserId;

    public void Record(AuditAction action, Guid? personId, string recordType, Guid recordId, string screen) =>
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), user.UserId, user.Role, personId, recordType, recordId, action, screen));
}
