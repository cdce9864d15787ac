using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.People;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.PersonalData.ExportPersonalData;

/// <summary>
/// A subject access export: everything the hub holds about the person behind a referral, as they
/// are stored, one section per kind of record, including records since joined to theirs and the
/// log of who opened their record. Staff named in it are listed by name. Secrets (link and session
/// hashes, the audit chain's hashes) and internal matching keys are left out.
/// </summary>
public sealed record ExportPersonalData(Guid ReferralId) : IRequest<PersonalDataExport>, IReferralScoped;

/// <param name="Sections">Every kind of record, in a fixed order, including those with nothing in them.</param>
/// <param name="Staff">Names of staff whose ids appear in the records.</param>
/// <param name="FoundBy">For an export of Connect and Do's records alone (<c>ExportCommunityRecords</c>): the email address or
/// mobile number they were found by, as normalised; null for the export of a hub record, named by <paramref name="Reference"/>.</param>
public sealed record PersonalDataExport(Guid PersonId, string Reference, DateTimeOffset GeneratedAt,
    IReadOnlyList<ExportSection> Sections, IReadOnlyDictionary<Guid, string> Staff, string? FoundBy = null);

/// <param name="Key">A stable machine name (the JSON property), for example <c>referrals</c>.</param>
public sealed record ExportSection(string Key, string Title, string Explanation, IReadOnlyList<JsonObject> Records)
{
    /// <summary>A section of records as stored, with secrets and matching keys withheld (<see cref="ExportPersonalDataHandler.Json"/>).</summary>
    public static ExportSection Of<T>(string key, string title, string explanation, IEnumerable<T> records) =>
        new(key, title, explanation, records.Select(r => JsonSerializer.SerializeToNode(r, ExportPersonalDataHandler.Json)!.AsObject()).ToList());
}

public sealed class ExportPersonalDataHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, IEmailOutbox outbox,
    IStaffDirectory staff, TimeProvider clock, AuditKey auditKey) : IRequestHandler<ExportPersonalData, PersonalDataExport>
{
    /// <summary>Properties never exported: secrets and derived matching keys.</summary>
    private static readonly HashSet<string> Withheld = ["TokenHash", "Hash", "PreviousHash", "PhoneKey", "EmailKey", "NameKey", "FormToken", "Version",
        "AddressKey", "ClientKey", "ContactKey", "InvitationHash", "InvitationId"];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Kind != JsonTypeInfoKind.Object)
                    {
                        return;
                    }
                    foreach (var property in info.Properties.Where(p => p.AttributeProvider is System.Reflection.MemberInfo m && Withheld.Contains(m.Name)).ToList())
                    {
                        info.Properties.Remove(property);
                    }
                },
            },
        },
    };

    public async Task<PersonalDataExport> Handle(ExportPersonalData request, CancellationToken cancellationToken)
    {
        var personId = await PersonalDataRules.EnsureTeamLeader(db, user, audit, request.ReferralId, nameof(ExportPersonalData), cancellationToken);

        // The person's own record and any record staff confirmed was the same person.
        var people = await db.People.AsNoTracking().Where(p => p.Id == personId || p.MergedIntoPersonId == personId).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var referrals = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.PersonId)).OrderBy(r => r.ReceivedAt).ToListAsync(cancellationToken);
        var referralIds = referrals.Select(r => r.Id).ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.PersonId)).OrderBy(c => c.StartedAt).ToListAsync(cancellationToken);
        var conversationIds = conversations.Select(c => c.Id).ToList();
        var plans = await db.SupportPlans.AsNoTracking().Where(p => ids.Contains(p.PersonId)).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var emailAddresses = people.Select(p => p.Contact.Email).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var phoneNumbers = people.Select(p => p.Contact.Phone).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        var sections = new List<ExportSection>
        {
            Section("person", "Your details", "The details you or staff gave: name, date of birth, contact details, communication needs, equality answers and preferences. More than one entry means records were joined.", people),
            Section("referrals", "Referrals", "Each time you or someone else referred you, with what was written and the triage outcome.", referrals),
            Section("spells", "Times in the hub's care", "Each spell of support: when it started, when and why it ended.",
                await db.Spells.AsNoTracking().Where(s => ids.Contains(s.PersonId)).OrderBy(s => s.StartedAt).ToListAsync(cancellationToken)),
            Section("possibleMatches", "Possible matches", "Where a new referral looked like someone already known, and what staff decided.",
                await db.PossibleMatches.AsNoTracking().Where(m => referralIds.Contains(m.ReferralId) || ids.Contains(m.CandidatePersonId)).ToListAsync(cancellationToken)),
            Section("triagePickUps", "Who picked up your request", "When a member of the hub team said they were working on your request, so that no one else called you at the same time.",
                await db.TriagePickUps.AsNoTracking().Where(p => referralIds.Contains(p.ReferralId)).OrderBy(p => p.PickedUpAt).ToListAsync(cancellationToken)),
            Section("contacts", "Contacts", "Appointments and conversations held with you, with staff notes.",
                await db.Contacts.AsNoTracking().Where(c => referralIds.Contains(c.ReferralId)).OrderBy(c => c.At).ToListAsync(cancellationToken)),
            Section("contactAttempts", "Attempts to reach you", "Calls, texts and emails staff tried, and what happened.",
                await db.ContactAttempts.AsNoTracking().Where(c => referralIds.Contains(c.ReferralId)).OrderBy(c => c.At).ToListAsync(cancellationToken)),
            Section("conversations", "Conversations", "Strengths-based conversations as they stand now.", conversations),
            Section("conversationVersions", "Earlier versions of conversations", "Every saved version of each conversation.",
                await db.ConversationVersions.AsNoTracking().Where(v => conversationIds.Contains(v.ConversationId)).ToListAsync(cancellationToken)),
            Section("outcomes", "Outcome measures", "DIALOG and goal-based outcome ratings.",
                await db.OutcomeRecords.AsNoTracking().Where(o => ids.Contains(o.PersonId)).OrderBy(o => o.At).ToListAsync(cancellationToken)),
            Section("careTeam", "Care team", "Who has been on your care team, in what role, and when.",
                await db.CareTeamMembers.AsNoTracking().Where(m => ids.Contains(m.PersonId)).ToListAsync(cancellationToken)),
            Section("handoffs", "Handoffs", "When your support was offered from one worker to another, and the answer.",
                await db.Handoffs.AsNoTracking().Where(h => ids.Contains(h.PersonId)).ToListAsync(cancellationToken)),
            Section("networkMeetings", "Network meetings", "Meetings with you and the people around you.",
                await db.NetworkMeetings.AsNoTracking().Where(m => ids.Contains(m.PersonId)).ToListAsync(cancellationToken)),
            Section("careStarts", "Plans agreed and support started", "When staff recorded a care plan agreed with you, or support that started, and how.",
                await db.CareStarts.AsNoTracking().Where(c => ids.Contains(c.PersonId)).OrderBy(c => c.On).ToListAsync(cancellationToken)),
            Section("communityLinks", "Community offers", "Community groups and services you were linked with.",
                await db.CommunityLinks.AsNoTracking().Where(l => ids.Contains(l.PersonId)).ToListAsync(cancellationToken)),
            Section("supportPlans", "Support plans", "Your plans as they stand now.", plans),
            Section("planVersions", "Earlier versions of support plans", "Every saved version of each plan.",
                await db.PlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId)).ToListAsync(cancellationToken)),
            Section("planSuggestions", "Suggestions to your plan", "Changes staff suggested, and whether you accepted them.",
                await db.PlanSuggestions.AsNoTracking().Where(s => ids.Contains(s.PersonId)).ToListAsync(cancellationToken)),
            Section("moodCheckIns", "Check-ins", "How you said you were, from your plan page.",
                await db.MoodCheckIns.AsNoTracking().Where(m => ids.Contains(m.PersonId)).OrderBy(m => m.At).ToListAsync(cancellationToken)),
            Section("sharedNotes", "Shared notes", "Notes shared between you and your care team on your plan.",
                await db.SharedNotes.AsNoTracking().Where(n => ids.Contains(n.PersonId)).OrderBy(n => n.At).ToListAsync(cancellationToken)),
            Section("planLinks", "Links to your plan", "Sign-in links sent to you: when issued, used, expired or withdrawn (the links themselves are not kept).",
                await db.PlanAccessLinks.AsNoTracking().Where(l => ids.Contains(l.PersonId)).OrderBy(l => l.IssuedAt).ToListAsync(cancellationToken)),
            Section("planSessions", "Times you signed in", "Each time you signed in to your plan.",
                await db.PersonSessions.AsNoTracking().Where(s => ids.Contains(s.PersonId)).OrderBy(s => s.StartedAt).ToListAsync(cancellationToken)),
            Section("messages", "Emails and texts sent to you", "Emails and texts the hub sent you: to which address or number, why, the subject or the kind of text, when, and what became of it (their content is not kept here, as links in them are secret).",
                await outbox.SentTo(ids, emailAddresses, phoneNumbers, cancellationToken)),
            Section("accessLog", "Who opened or changed your record", "Every time staff (or you) opened or changed your record, refused access included.",
                (await db.AuditEvents.AsNoTracking().Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value)).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken))
                    .Select(a => new AccessLogRow(a.At, a.ActorUserId, a.ActorRole, a.Action, a.RecordType, a.Screen)).ToList()),
        };

        var community = await CommunitySections.ReadAsync(db, auditKey, emailAddresses, phoneNumbers, ids, cancellationToken);
        sections.InsertRange(sections.Count - 1, community.Sections); // before the access log

        var staffIds = sections.SelectMany(s => s.Records).SelectMany(StaffIdsIn).Distinct().ToList();
        var names = await staff.DisplayNames(staffIds, cancellationToken);

        audit.Record(AuditAction.View, personId, nameof(Person), personId, "Data protection: subject access export");
        await db.SaveChangesAsync(cancellationToken);

        var reference = referrals.OrderByDescending(r => r.ReceivedAt).Select(r => r.Reference).FirstOrDefault() ?? string.Empty;
        return new PersonalDataExport(personId, reference, clock.GetUtcNow(), sections, names);
    }

    private static ExportSection Section<T>(string key, string title, string explanation, IEnumerable<T> records) =>
        ExportSection.Of(key, title, explanation, records);

    /// <summary>Values of properties that hold a member of staff's id (…UserId, …ByUserId, MemberId, StaffAttendees …).</summary>
    internal static IEnumerable<Guid> StaffIdsIn(JsonObject record)
    {
        foreach (var (name, value) in record)
        {
            var isStaff = name.EndsWith("UserId", StringComparison.OrdinalIgnoreCase) || name.EndsWith("MemberId", StringComparison.OrdinalIgnoreCase)
                || name is "staffAttendees" or "staffInvitees";
            if (!isStaff || value is null)
            {
                continue;
            }
            var values = value is JsonArray array ? array.AsEnumerable() : [value];
            foreach (var item in values)
            {
                if (item is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id))
                {
                    yield return id;
                }
            }
        }
    }
}

/// <summary>A request for someone to come along, as the person who asked sees it.</summary>
public sealed record ComeAlongRequestRow(Guid Id, string Group, string FirstName, string WhatToTry, string WhenSuits, Domain.Volunteering.ReachBy ReachBy,
    string? Email, string? Mobile, bool MessagesSafe, DateTimeOffset AskedAt, Domain.Volunteering.SupportRequestStatus Status,
    Domain.Volunteering.RequestClosure? Closure, DateTimeOffset? ClosedAt, IReadOnlyList<ComeAlongMatchRow> Matches);

/// <summary>A volunteer matched to the request, by the first name the person met them by.</summary>
public sealed record ComeAlongMatchRow(string VolunteerFirstName, DateTimeOffset MatchedAt, DateTimeOffset? EndedAt, Domain.Volunteering.MatchEnding? Ending);

public sealed record OutingRow(Guid RequestId, DateOnly On, bool Happened, string? VolunteerNote, DateTimeOffset RecordedAt,
    Domain.Volunteering.HowItWent? YouSaid, string? YourWords, DateTimeOffset? YouSaidAt);

public sealed record SpaceGoalRow(Guid GoalId, string Words, DateTimeOffset SetAt, DateTimeOffset? RemovedAt);

public sealed record SpaceGoalRatingRow(Guid GoalId, int Rating, DateTimeOffset At);

public sealed record SpaceMoodRow(int Mood, string? Words, DateTimeOffset At);

public sealed record SpaceFollowRow(string Group, DateTimeOffset FollowedAt);

/// <summary>An outing a volunteer recorded: nothing of the other person but the group and the day.</summary>
public sealed record VolunteerOutingRow(string Group, DateOnly On, bool Happened, string? Note, DateTimeOffset RecordedAt);

/// <summary>One line of the access log as the person sees it: no hashes, no chain positions.</summary>
public sealed record AccessLogRow(DateTimeOffset At, Guid? ActorUserId, string ActorRole, AuditAction Action, string RecordType, string Screen);

/// <summary>An email or text to the person, without its content.</summary>
/// <param name="To">The address or number it went to.</param>
/// <param name="Template">For a text, the kind of text (its Notify template); null for an email.</param>
/// <param name="Subject">For an email, its subject; empty for a text.</param>
public sealed record SentMessage(Common.Messaging.MessageChannel Channel, string To, string Purpose, string What, string? Template, string Subject,
    DateTimeOffset QueuedAt, DateTimeOffset? SentAt, Common.Messaging.MessageState State, string StateText);
