using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.SupportPlans;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link;

/// <summary>
/// Audits refusals on the person's side (a guessed or unknown link or code, another person's
/// suggestion) without letting a flood swamp the audit table: the first of each kind in an hour
/// writes an audit row, every one adds to that hour's <see cref="PersonRefusalTally"/>.
/// </summary>
public static class PersonRefusals
{
    public const string UnknownLink = "unknown-link";
    public const string UnknownCode = "unknown-code";
    public const string OtherPersonsRecord = "other-persons-record";

    /// <summary>One person's session asking for records not theirs: counted per person, so each person's first in an hour is audited.</summary>
    public static string NotTheirs(Guid personId) => "not-theirs:" + personId.ToString("N");

    /// <summary>Counts the refusal and saves; the audit row names the person only when the refusal is about a known record.</summary>
    public static async Task RecordAsync(IApplicationDbContext db, AuditTrail audit, TimeProvider clock, string kind, Guid? personId, string recordType, Guid recordId,
        string screen, CancellationToken cancellationToken)
    {
        var hour = PersonRefusalTally.HourOf(clock.GetUtcNow());
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var counted = await db.PersonRefusalTallies.Where(t => t.Kind == kind && t.Hour == hour)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + 1), cancellationToken);
            if (counted > 0)
            {
                return;
            }
            db.PersonRefusalTallies.Add(new PersonRefusalTally(kind, hour));
            audit.Record(AuditAction.Denied, personId, recordType, recordId, screen + " (first this hour; later ones are counted in PersonRefusalTallies)");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
            {
                db.DiscardChanges(); // another request opened this hour's tally first: add to it instead
            }
        }
    }
}
