using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.People;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.PersonalData.ApplyRetention;

/// <summary>
/// Destroys the records of people with no contact for the retention period (20 years by default):
/// everything about them in every table, and emails queued to their address, in batches, each batch
/// in one transaction with an audit row per person that keeps only ids. Records whose processing is
/// restricted are held, and counted, until the restriction is lifted. Run daily by a job; safe to
/// run again or on two instances at once (a second run finds nothing left to do).
/// </summary>
public sealed record ApplyRetention : IRequest<RetentionResult>;

/// <param name="Destroyed">People whose records were destroyed in this run.</param>
/// <param name="HeldByRestriction">People past the retention period kept because processing is restricted.</param>
public sealed record RetentionResult(int Destroyed, int HeldByRestriction, DateTimeOffset Cutoff);

public sealed class ApplyRetentionHandler(IApplicationDbContext db, IEmailOutbox outbox, RetentionSettings settings, TimeProvider clock)
    : IRequestHandler<ApplyRetention, RetentionResult>
{
    public const string ActorRole = "System";
    public const string Screen = "Retention: destroyed after the retention period";

    public async Task<RetentionResult> Handle(ApplyRetention request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddYears(-settings.YearsAfterLastContact);
        var due = db.People.Where(p => p.MergedIntoPersonId == null).Where(PersonalDataRules.NoContactSince(db, cutoff));

        var destroyed = 0;
        while (true)
        {
            var batch = await due.Where(p => p.RestrictedAt == null).OrderBy(p => p.Id).Select(p => p.Id)
                .Take(settings.BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            await DestroyAsync(batch, now, cancellationToken);
            destroyed += batch.Count;
        }
        var held = await due.CountAsync(p => p.RestrictedAt != null, cancellationToken);
        return new RetentionResult(destroyed, held, cutoff);
    }

    private async Task DestroyAsync(IReadOnlyList<Guid> survivors, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Records staff joined to these people go with them.
        var found = await db.People.Where(p => survivors.Contains(p.Id) || (p.MergedIntoPersonId != null && survivors.Contains(p.MergedIntoPersonId.Value)))
            .Select(p => new { p.Id, p.Contact.Email }).ToListAsync(cancellationToken);
        var people = found.Select(p => p.Id).ToList();
        var emails = found.Select(p => p.Email).OfType<string>().ToList();
        foreach (var id in people)
        {
            db.AuditEvents.Add(new AuditEvent(now, null, ActorRole, id, nameof(Person), id, AuditAction.Destroyed, Screen));
        }

        // One transaction, replayed whole after a transient fault (the deletes roll back with it).
        await db.SaveInOneTransactionAsync(async token =>
        {
            var referrals = db.Referrals.Where(r => people.Contains(r.PersonId)).Select(r => r.Id);
            var conversations = db.Conversations.Where(c => people.Contains(c.PersonId)).Select(c => c.Id);
            var plans = db.SupportPlans.Where(p => people.Contains(p.PersonId)).Select(p => p.Id);

            // Children before parents: every foreign key here restricts deletes.
            await db.OutcomeRecords.Where(o => people.Contains(o.PersonId)).ExecuteDeleteAsync(token);
            await db.ConversationVersions.Where(v => conversations.Contains(v.ConversationId)).ExecuteDeleteAsync(token);
            await db.Conversations.Where(c => people.Contains(c.PersonId)).ExecuteUpdateAsync(u => u.SetProperty(c => c.BaselineConversationId, (Guid?)null), token);
            await db.Conversations.Where(c => people.Contains(c.PersonId)).ExecuteDeleteAsync(token);
            await db.PersonSessions.Where(x => people.Contains(x.PersonId)).ExecuteDeleteAsync(token);
            // A community space stays its owner's: it only stops sharing with a record that is gone (docs/decisions/040).
            await db.SpaceMembers.Where(m => m.ConnectedPersonId != null && people.Contains(m.ConnectedPersonId.Value)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ConnectedPersonId, (Guid?)null), token);
            await db.PlanAccessLinks.Where(l => people.Contains(l.PersonId)).ExecuteDeleteAsync(token);
            await db.MoodCheckIns.Where(m => people.Contains(m.PersonId)).ExecuteDeleteAsync(token);
            await db.SharedNotes.Where(n => people.Contains(n.PersonId)).ExecuteDeleteAsync(token);
            await db.PlanSuggestions.Where(x => people.Contains(x.PersonId) || plans.Contains(x.PlanId)).ExecuteDeleteAsync(token);
            await db.PlanVersions.Where(v => plans.Contains(v.PlanId)).ExecuteDeleteAsync(token);
            await db.SupportPlans.Where(p => people.Contains(p.PersonId)).ExecuteDeleteAsync(token);
            await db.CommunityLinks.Where(l => people.Contains(l.PersonId)).ExecuteDeleteAsync(token);
            await db.CareStarts.Where(c => people.Contains(c.PersonId)).ExecuteDeleteAsync(token);
            await db.NetworkMeetings.Where(m => people.Contains(m.PersonId)).ExecuteDeleteAsync(token);
            await db.Handoffs.Where(h => people.Contains(h.PersonId)).ExecuteDeleteAsync(token);
            await db.CareTeamMembers.Where(m => people.Contains(m.PersonId)).ExecuteDeleteAsync(token);
            await db.ContactAttempts.Where(c => referrals.Contains(c.ReferralId)).ExecuteDeleteAsync(token);
            await db.Contacts.Where(c => referrals.Contains(c.ReferralId)).ExecuteDeleteAsync(token);
            await db.TriagePickUps.Where(p => referrals.Contains(p.ReferralId)).ExecuteDeleteAsync(token);
            await db.PossibleMatches.Where(m => referrals.Contains(m.ReferralId) || people.Contains(m.CandidatePersonId)).ExecuteDeleteAsync(token);
            await db.Referrals.Where(r => people.Contains(r.PersonId)).ExecuteDeleteAsync(token);
            await db.Spells.Where(x => people.Contains(x.PersonId)).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreviousSpellId, (Guid?)null), token);
            await db.Spells.Where(x => people.Contains(x.PersonId)).ExecuteDeleteAsync(token);
            await db.People.Where(p => people.Contains(p.Id)).ExecuteDeleteAsync(token);
            await outbox.Forget(emails, token);
            await outbox.ForgetPeople(people, token); // texts too (issue 21)
            await db.SaveChangesAsync(token);
        }, cancellationToken);
    }
}
