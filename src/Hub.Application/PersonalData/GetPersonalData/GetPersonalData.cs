using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.People;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.PersonalData.GetPersonalData;

/// <summary>
/// The personal data page for one person: whether processing is restricted (why, by whom, since
/// when), the date of their last contact and the day retention will destroy their record.
/// </summary>
public sealed record GetPersonalData(Guid ReferralId) : IRequest<PersonalDataSummary>, IReferralScoped;

/// <param name="LastContact">The latest thing that happened with the person (see <see cref="PersonalDataRules.NoContactSince"/>).</param>
/// <param name="DestroyAfter">The day after which retention destroys the record, unless there is contact again; null while a spell is open.</param>
public sealed record PersonalDataSummary(Guid ReferralId, string Reference, string? PersonName, DateTimeOffset? RestrictedAt, string? RestrictedBy,
    string? RestrictionReason, DateTimeOffset LastContact, bool SpellOpen, DateTimeOffset? DestroyAfter, int RetentionYears);

public sealed class GetPersonalDataHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, IStaffDirectory staff, RetentionSettings retention)
    : IRequestHandler<GetPersonalData, PersonalDataSummary>
{
    public async Task<PersonalDataSummary> Handle(GetPersonalData request, CancellationToken cancellationToken)
    {
        var personId = await PersonalDataRules.EnsureTeamLeader(db, user, audit, request.ReferralId, nameof(GetPersonalData), cancellationToken);
        audit.Record(AuditAction.View, personId, nameof(Person), personId, "Data protection: personal data");
        await db.SaveChangesAsync(cancellationToken);
        var row = await db.Referrals.AsNoTracking().Where(r => r.Id == request.ReferralId)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new
            {
                r.Reference,
                Person = p,
                Referred = db.Referrals.Where(x => x.PersonId == p.Id).Max(x => (DateTimeOffset?)x.ReceivedAt),
                ReferralClosed = db.Referrals.Where(x => x.PersonId == p.Id).Max(x => x.ClosedAt),
                SpellEnded = db.Spells.Where(s => s.PersonId == p.Id).Max(s => s.EndedAt),
                Contact = db.Contacts.Where(c => db.Referrals.Any(x => x.Id == c.ReferralId && x.PersonId == p.Id)).Max(c => (DateTimeOffset?)c.At),
                Attempt = db.ContactAttempts.Where(c => db.Referrals.Any(x => x.Id == c.ReferralId && x.PersonId == p.Id)).Max(c => (DateTimeOffset?)c.At),
                Plan = db.SupportPlans.Where(s => s.PersonId == p.Id).Max(s => (DateTimeOffset?)s.UpdatedAt),
                CheckIn = db.MoodCheckIns.Where(m => m.PersonId == p.Id).Max(m => (DateTimeOffset?)m.At),
                Note = db.SharedNotes.Where(n => n.PersonId == p.Id).Max(n => (DateTimeOffset?)n.At),
                SpellOpen = db.Spells.Any(s => s.PersonId == p.Id && s.EndedAt == null),
            })
            .SingleAsync(cancellationToken);

        var person = row.Person;
        DateTimeOffset?[] dates = [row.Referred, row.ReferralClosed, row.SpellEnded, row.Contact, row.Attempt, row.Plan, row.CheckIn, row.Note];
        var last = dates.OfType<DateTimeOffset>().Append(person.CreatedAt).Max();
        var by = person.RestrictedByUserId is { } byId
            ? (await staff.DisplayNames([byId], cancellationToken)).GetValueOrDefault(byId)
            : null;
        return new PersonalDataSummary(request.ReferralId, row.Reference, person.PreferredName, person.RestrictedAt, by, person.RestrictionReason,
            last, row.SpellOpen, row.SpellOpen ? null : last.AddYears(retention.YearsAfterLastContact), retention.YearsAfterLastContact);
    }
}
