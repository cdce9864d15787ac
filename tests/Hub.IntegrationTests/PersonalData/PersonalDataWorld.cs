using Hub.Domain.CareTeams;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Contacts;
using Hub.Domain.People;
using Hub.Domain.Spells;
using Hub.Domain.SupportPlans;
using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding.Bulk;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hub.IntegrationTests.PersonalData;

/// <summary>
/// A small hub seeded in 2004 (120 referrals over three weeks), and one person, "the subject", with
/// a row in every table that holds anything about a person: the bulk seeder's referrals, spells,
/// contacts, conversations, outcomes, plans and care team, plus a plan link and sign-in, a check-in,
/// a shared note, a suggestion, a handoff, a network meeting, a community link, a possible match, an
/// email, and a second record staff joined to theirs.
/// </summary>
public sealed class PersonalDataWorld
{
    public static readonly DateTimeOffset SeededAt = new(2004, 3, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The columns that tie a row to a person, directly or through one of their records.</summary>
    public static readonly string[] LinkColumns = ["PersonId", "CandidatePersonId", "ReferralId", "ConversationId", "PlanId", "SpellId"];

    public required Guid SubjectId { get; init; }
    public required Guid SubjectReferralId { get; init; }
    public required Guid JoinedId { get; init; }
    public required string SubjectEmail { get; init; }
    public required Guid StaffId { get; init; }

    public static async Task<PersonalDataWorld> Build(ApplicationHost host)
    {
        host.Clock.Set(SeededAt);
        await host.WithService<BulkSeeder, BulkSeedResult>(s => s.SeedAsync(new BulkSeedOptions { Referrals = 120, PerWeek = 40 }, null, CancellationToken.None));

        return await host.WithDb(async db =>
        {
            var now = host.Clock.GetUtcNow();
            // Someone whose care has ended, with a plan, a care team and an email address.
            var closed = db.People.Where(p => p.Contact.Email != null
                && !db.Spells.Any(s => s.PersonId == p.Id && s.EndedAt == null)
                && db.SupportPlans.Any(s => s.PersonId == p.Id)
                && db.CareTeamMembers.Any(m => m.PersonId == p.Id));
            var subject = await closed.OrderBy(p => p.Id).FirstAsync();
            var joined = await db.People.Where(p => p.Id != subject.Id && !db.Spells.Any(s => s.PersonId == p.Id && s.EndedAt == null)).OrderBy(p => p.Id).FirstAsync();
            var staff = await db.TeamMembers.OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync();
            var spell = await db.Spells.Where(s => s.PersonId == subject.Id).OrderByDescending(s => s.StartedAt).FirstAsync();
            var plan = await db.SupportPlans.FirstAsync(p => p.PersonId == subject.Id);
            var referralId = (await db.Referrals.Where(r => r.PersonId == subject.Id).OrderByDescending(r => r.ReceivedAt).FirstAsync()).Id;
            var joinedReferral = await db.Referrals.Where(r => r.PersonId == joined.Id).Select(r => r.Id).FirstAsync();

            var offer = new CommunityOffer("Walking group", "Connect and Do", now, "The borough");
            var (link, _) = PlanAccessLink.Issue(subject.Id, staff[0], now);
            db.AddRange(offer, link, link.Use(now),
                new MoodCheckIn(subject.Id, plan.Id, 4, "Better this week", now),
                new SharedNote(plan.Id, subject.Id, "<script>alert('x')</script> See you Tuesday", staff[0], now),
                new PlanSuggestion(plan.Id, subject.Id, PlanSection.AddGoal, "Walk twice a week", null, staff[0], now),
                new Handoff(spell.Id, subject.Id, staff[0], staff[1], CareTeamRole.Involved, "Money advice", now),
                new NetworkMeeting(spell.Id, subject.Id, now.AddDays(1), ContactMedium.FaceToFace, ContactPlace.Hub, [staff[0]], ["Their sister"], "Plan together", staff[0], now),
                new CommunityLink(spell.Id, subject.Id, offer.Id, "Starts Monday", staff[0], now),
                // Made directly: the domain records one only on an open spell, and this one has ended.
                (CareStart)Activator.CreateInstance(typeof(CareStart), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, null,
                    [spell.Id, subject.Id, referralId, CareStartKind.InterventionStarted, Hub.Domain.Common.UkCalendar.DayOf(spell.StartedAt).AddDays(3), null, InterventionKind.PeerSupport, "Invented note", staff[0], now], null)!,
                db.Referrals.Local.FirstOrDefault(r => r.Id == referralId) is { } subjectReferral
                    ? subjectReferral.RecordAttempt(now.AddHours(-1), AttemptMethod.Phone, AttemptResult.NoAnswer, "Invented: no answer", staff[0], now)
                    : throw new InvalidOperationException("the subject's referral is loaded"),
                new PossibleMatch(joinedReferral, subject.Id, MatchReasons.SamePhone),
                // Made directly: the domain allows a pick-up only while a referral waits for triage.
                (Hub.Domain.Triage.TriagePickUp)Activator.CreateInstance(typeof(Hub.Domain.Triage.TriagePickUp), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, null,
                    [referralId, staff[0], now], null)!,
                new OutboxMessage { Purpose = "test", To = subject.Contact.Email!.ToUpperInvariant(), Subject = "Your plan", Body = "Hello", CreatedAt = now, NextAttemptAt = now, PersonId = subject.Id },
                new OutboxMessage
                {
                    Channel = Hub.Application.Common.Messaging.MessageChannel.Text, Purpose = "meeting-reminder", To = "07700 900 888", Subject = string.Empty, Body = string.Empty,
                    Template = "meeting-reminder", Personalisation = "{}", CreatedAt = now, NextAttemptAt = now, SentAt = now, Attempts = 1, Delivery = "permanent-failure", PersonId = subject.Id,
                });
            joined.MarkMergedInto(subject);
            await db.SaveChangesAsync();
            return new PersonalDataWorld
            {
                SubjectId = subject.Id,
                SubjectReferralId = referralId,
                JoinedId = joined.Id,
                SubjectEmail = subject.Contact.Email!,
                StaffId = staff[0],
            };
        });
    }

    /// <summary>Every table with a column tying its rows to a person or one of their records (the audit log aside).</summary>
    public static IReadOnlyList<IEntityType> PersonTables(HubDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(t => t.ClrType != typeof(Domain.Audit.AuditEvent) && t.GetTableName() is not null && LinkColumns.Any(c => t.FindProperty(c) is not null))
            .OrderBy(t => t.GetTableName())
            .ToList();

    /// <summary>
    /// Rows in each person table tied to these people: by their ids, or by the ids of their
    /// referrals, spells, conversations and plans (as they were when <paramref name="records"/> was read).
    /// </summary>
    public static async Task<Dictionary<string, int>> RowsTiedTo(HubDbContext db, RecordIds records)
    {
        var counts = new Dictionary<string, int>();
        foreach (var table in PersonTables(db))
        {
            var conditions = new List<string>();
            var parameters = new List<object>();
            foreach (var column in LinkColumns.Where(c => table.FindProperty(c) is not null))
            {
                var ids = column switch
                {
                    "PersonId" or "CandidatePersonId" => records.People,
                    "ReferralId" => records.Referrals,
                    "ConversationId" => records.Conversations,
                    "PlanId" => records.Plans,
                    _ => records.Spells,
                };
                var stored = table.FindProperty(column)!.GetColumnName();
                conditions.Add($"\"{stored}\" = ANY({{{parameters.Count}}})");
                parameters.Add(ids.ToArray());
            }
            // Each row's own id, for the tables the ids above are of.
            conditions.Add($"\"Id\" = ANY({{{parameters.Count}}})");
            parameters.Add(records.All.ToArray());
            var sql = $"SELECT count(*)::int AS \"Value\" FROM \"{table.GetTableName()}\" WHERE {string.Join(" OR ", conditions)}";
            counts[table.GetTableName()!] = await db.Database.SqlQueryRaw<int>(sql, parameters.ToArray()).SingleAsync();
        }
        counts["People"] = await db.People.CountAsync(p => records.People.Contains(p.Id));
        return counts;
    }

    /// <summary>The ids of everything of these people's, read before anything is destroyed.</summary>
    public static async Task<RecordIds> IdsOf(HubDbContext db, IReadOnlyCollection<Guid> people) => new(
        people.ToList(),
        await db.Referrals.Where(r => people.Contains(r.PersonId)).Select(r => r.Id).ToListAsync(),
        await db.Spells.Where(s => people.Contains(s.PersonId)).Select(s => s.Id).ToListAsync(),
        await db.Conversations.Where(c => people.Contains(c.PersonId)).Select(c => c.Id).ToListAsync(),
        await db.SupportPlans.Where(p => people.Contains(p.PersonId)).Select(p => p.Id).ToListAsync());
}

public sealed record RecordIds(List<Guid> People, List<Guid> Referrals, List<Guid> Spells, List<Guid> Conversations, List<Guid> Plans)
{
    public IEnumerable<Guid> All => People.Concat(Referrals).Concat(Spells).Concat(Conversations).Concat(Plans);
}
