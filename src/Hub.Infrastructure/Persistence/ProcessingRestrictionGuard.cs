using Hub.Application.Common.Exceptions;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.SupportPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// Refuses a save that would change the record of someone whose processing is restricted. It reads
/// the tracked changes, so no use case can forget the rule: every row that names a person, or a
/// referral, conversation or plan of theirs, is checked with one query. Audit rows, the person's
/// own sign-in (links and sessions: their access is never restricted) and the restriction itself
/// are let through.
/// </summary>
internal static class ProcessingRestrictionGuard
{
    private static readonly HashSet<Type> AlwaysAllowed = [typeof(AuditEvent), typeof(PlanAccessLink), typeof(PersonSession)];
    private static readonly HashSet<string> RestrictionProperties =
        [nameof(Person.RestrictedAt), nameof(Person.RestrictedByUserId), nameof(Person.RestrictionReason)];

    public static async Task EnsureAllowedAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        // One pass over the tracked entries (the caller has detected changes once: docs/decisions/044).
        HashSet<Guid>? people = null, referrals = null, conversations = null, plans = null, added = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || AlwaysAllowed.Contains(entry.Metadata.ClrType))
            {
                continue;
            }
            if (entry.State == EntityState.Added && AddedCannotBeRestricted(entry.Entity) is { } addedId)
            {
                (added ??= []).Add(addedId);
            }
            if (entry.Entity is Person person)
            {
                if (entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && !RestrictionProperties.Contains(p.Metadata.Name)))
                {
                    (people ??= []).Add(person.Id);
                }
                continue;
            }
            if (entry.Entity is Referral referral)
            {
                (people ??= []).Add(referral.PersonId);
                continue;
            }
            Collect(entry, "PersonId", ref people);
            Collect(entry, "ReferralId", ref referrals);
            Collect(entry, "ConversationId", ref conversations);
            Collect(entry, "PlanId", ref plans);
        }
        // Someone, or a referral, conversation or plan, added in this save cannot be restricted yet
        // (its person is checked through its own row): a new self-referral costs no query. Ids are
        // Guids made apart, so one set of the added ones serves all four.
        if (added is not null)
        {
            people?.ExceptWith(added);
            referrals?.ExceptWith(added);
            conversations?.ExceptWith(added);
            plans?.ExceptWith(added);
        }
        people ??= [];
        referrals ??= [];
        conversations ??= [];
        plans ??= [];
        if (people.Count + referrals.Count + conversations.Count + plans.Count == 0)
        {
            return;
        }

        var restricted = await db.People.AsNoTracking().AnyAsync(p => p.RestrictedAt != null && (
            people.Contains(p.Id)
            || db.Referrals.Any(r => referrals.Contains(r.Id) && r.PersonId == p.Id)
            || db.Conversations.Any(c => conversations.Contains(c.Id) && c.PersonId == p.Id)
            || db.SupportPlans.Any(s => plans.Contains(s.Id) && s.PersonId == p.Id)), cancellationToken);
        if (restricted)
        {
            throw new ProcessingRestrictedException();
        }
    }

    private static Guid? AddedCannotBeRestricted(object entity) => entity switch
    {
        Person p => p.Id,
        Referral r => r.Id,
        Domain.Conversations.Conversation c => c.Id,
        SupportPlan s => s.Id,
        _ => null,
    };

    private static void Collect(EntityEntry entry, string propertyName, ref HashSet<Guid>? into)
    {
        if (entry.Metadata.FindProperty(propertyName) is { } property && entry.Property(property).CurrentValue is Guid id)
        {
            (into ??= []).Add(id);
        }
    }
}
