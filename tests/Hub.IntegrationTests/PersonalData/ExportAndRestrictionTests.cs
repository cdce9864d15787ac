using System.Text.Json.Nodes;
using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.PersonalData.ExportPersonalData;
using Hub.Application.PersonalData.GetPersonalData;
using Hub.Application.PersonalData.RestrictProcessing;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Triage.DecidePossibleMatch;
using Hub.Application.Triage.RecordContact;
using Hub.Domain.Audit;
using Hub.Domain.Contacts;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.Domain.SupportPlans;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.PersonalData;

/// <summary>
/// The subject access export holds every row about the person from every table that can hold one,
/// secrets left out; processing restriction refuses every change to the record, staff's or the
/// person's, while a new referral from them still arrives. Only team leaders do either, audited.
/// </summary>
public sealed class ExportAndRestrictionTests(ExportAndRestrictionTests.World fixture) : IClassFixture<ExportAndRestrictionTests.World>
{
    private static readonly Guid TeamLeader = Guid.NewGuid();
    private ApplicationHost _host => fixture.Host;
    private PersonalDataWorld _world => fixture.People;

    /// <summary>One seeded hub for the class (the tests read it, or change it and put it back).</summary>
    public sealed class World : IAsyncLifetime
    {
        private readonly DatabaseFixture _database = new();

        public ApplicationHost Host { get; private set; } = null!;
        public PersonalDataWorld People { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _database.InitializeAsync();
            Host = new ApplicationHost(_database.ConnectionString);
            People = await PersonalDataWorld.Build(Host);
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    /// <summary>Which export section holds each table's rows; a new table about people fails the test until it is exported.</summary>
    private static readonly Dictionary<Type, string> SectionOf = new()
    {
        [typeof(Person)] = "person",
        [typeof(Hub.Infrastructure.Email.OutboxMessage)] = "messages",
        [typeof(Referral)] = "referrals",
        [typeof(ReferralSpell)] = "spells",
        [typeof(PossibleMatch)] = "possibleMatches",
        [typeof(Contact)] = "contacts",
        [typeof(Hub.Domain.Triage.TriagePickUp)] = "triagePickUps",
        [typeof(ContactAttempt)] = "contactAttempts",
        [typeof(Domain.Conversations.Conversation)] = "conversations",
        [typeof(Domain.Conversations.ConversationVersion)] = "conversationVersions",
        [typeof(Domain.Outcomes.OutcomeRecord)] = "outcomes",
        [typeof(Domain.CareTeams.CareTeamMember)] = "careTeam",
        [typeof(Domain.CareTeams.Handoff)] = "handoffs",
        [typeof(NetworkMeeting)] = "networkMeetings",
        [typeof(Domain.CareTeams.CommunityLink)] = "communityLinks",
        [typeof(CareStart)] = "careStarts",
        [typeof(SupportPlan)] = "supportPlans",
        [typeof(PlanVersion)] = "planVersions",
        [typeof(PlanSuggestion)] = "planSuggestions",
        [typeof(MoodCheckIn)] = "moodCheckIns",
        [typeof(SharedNote)] = "sharedNotes",
        [typeof(PlanAccessLink)] = "planLinks",
        [typeof(PersonSession)] = "planSessions",
    };

    [SkippableFact]
    public async Task Should_export_every_row_about_the_person_and_the_record_joined_to_theirs_naming_staff_and_leaving_out_secrets()
    {
        var ids = await _host.WithDb(db => PersonalDataWorld.IdsOf(db, [_world.SubjectId, _world.JoinedId]));
        var rows = await _host.WithDb(db => PersonalDataWorld.RowsTiedTo(db, ids));
        var tables = await _host.WithDb(db => Task.FromResult(PersonalDataWorld.PersonTables(db).Select(t => (t.ClrType, Table: t.GetTableName()!)).ToList()));
        var logged = await _host.WithDb(db => db.AuditEvents.CountAsync(a => a.PersonId == _world.SubjectId || a.PersonId == _world.JoinedId));

        var export = await _host.Send(new ExportPersonalData(_world.SubjectReferralId), TeamLeader, Roles.TeamLeader);

        tables.Select(t => t.ClrType).Where(t => !SectionOf.ContainsKey(t)).ShouldBeEmpty("every table about people has a section");
        foreach (var (type, table) in tables.Append((typeof(Person), "People")))
        {
            export.Sections.Single(s => s.Key == SectionOf[type]).Records.Count.ShouldBe(rows[table], $"{table} in full");
        }
        export.Sections.Single(s => s.Key == "person").Records.Count.ShouldBe(2, "the record staff joined to theirs too");
        var messages = export.Sections.Single(s => s.Key == "messages").Records;
        messages.Count.ShouldBe(2, "the email to their address, whatever its case, and the text to their number");
        var text = messages.Single(m => m["channel"]!.GetValue<string>() == "Text");
        (text["to"]!.GetValue<string>(), text["template"]!.GetValue<string>(), text["what"]!.GetValue<string>(), text["state"]!.GetValue<string>())
            .ShouldBe(("07700 900 888", "meeting-reminder", "Network meeting reminder", "NotDelivered"), "a text by its number, its kind and what became of it");
        messages.Single(m => m["channel"]!.GetValue<string>() == "Email")["subject"]!.GetValue<string>().ShouldBe("Your plan");
        export.Sections.Single(s => s.Key == "accessLog").Records.Count.ShouldBe(logged);
        export.Staff.Keys.ShouldContain(_world.StaffId);

        var names = export.Sections.SelectMany(s => s.Records).SelectMany(PropertyNames).ToHashSet(StringComparer.OrdinalIgnoreCase);
        names.ShouldNotContain("tokenHash");
        names.ShouldNotContain("hash");
        names.ShouldNotContain("emailKey");
        names.ShouldContain("whatIsHappening");
        export.Sections.Single(s => s.Key == "sharedNotes").Records.Single()["text"]!.GetValue<string>().ShouldContain("See you Tuesday");

        var audited = await _host.WithDb(db => db.AuditEvents.Where(a => a.PersonId == _world.SubjectId && a.Screen == "Data protection: subject access export").ToListAsync());
        audited.Count.ShouldBe(1);
        audited[0].ActorUserId.ShouldBe(TeamLeader);
    }

    [SkippableFact]
    public async Task Should_refuse_the_export_and_the_restriction_to_a_practitioner_even_on_the_care_team_and_audit_the_refusal()
    {
        var careTeamMember = await _host.WithDb(db => db.CareTeamMembers.Where(m => m.PersonId == _world.SubjectId).Select(m => m.MemberId).FirstAsync());

        await Should.ThrowAsync<ForbiddenAccessException>(() => _host.SendAsPractitioner(new ExportPersonalData(_world.SubjectReferralId), careTeamMember));
        await Should.ThrowAsync<ForbiddenAccessException>(() => _host.SendAsPractitioner(new RestrictProcessing(_world.SubjectReferralId, "Because"), careTeamMember));

        var refusals = await _host.WithDb(db => db.AuditEvents.Where(a => a.PersonId == _world.SubjectId && a.Action == AuditAction.Denied && a.ActorUserId == careTeamMember)
            .Select(a => a.Screen).ToListAsync());
        refusals.ShouldBe(["Refused: ExportPersonalData", "Refused: RestrictProcessing"], ignoreOrder: true);
        (await _host.WithDb(db => db.People.SingleAsync(p => p.Id == _world.SubjectId))).IsRestricted.ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Should_refuse_every_change_to_a_restricted_record_still_take_a_new_referral_from_them_and_allow_changes_once_lifted()
    {
        var empty = await Should.ThrowAsync<ValidationException>(() => _host.Send(new RestrictProcessing(_world.SubjectReferralId, "  "), TeamLeader, Roles.TeamLeader));
        empty.Errors.Single().ErrorMessage.ShouldStartWith("Say why processing is restricted");

        await _host.Send(new RestrictProcessing(_world.SubjectReferralId, "Contests what the triage note says"), TeamLeader, Roles.TeamLeader);
        var summary = await _host.Send(new GetPersonalData(_world.SubjectReferralId), TeamLeader, Roles.TeamLeader);
        summary.RestrictedAt.ShouldNotBeNull();
        summary.RestrictionReason.ShouldBe("Contests what the triage note says");

        var contacts = await CountContacts();
        var contact = new RecordContact(_world.SubjectReferralId, _host.Clock.GetUtcNow(), ContactMedium.Phone, ContactPlace.Remote, true, 20, "Called back");
        await Should.ThrowAsync<ProcessingRestrictedException>(() => _host.Send(contact, TeamLeader, Roles.TeamLeader));
        (await CountContacts()).ShouldBe(contacts, "nothing of the refused change is stored");

        // They refer themselves again: the referral arrives, and joining it to their record waits for the restriction.
        var answers = new SelfReferralAnswers { ContactMethod = ContactMethod.Email, Email = _world.SubjectEmail, WhatIsHappening = "I need to talk to someone", ConsentToShare = "yes" };
        var sent = await _host.SendAsPublic(new SubmitSelfReferral(answers, Guid.NewGuid()));
        var match = await _host.WithDb(db => db.PossibleMatches.Where(m => m.CandidatePersonId == _world.SubjectId && db.Referrals.Any(r => r.Id == m.ReferralId && r.Reference == sent.Reference))
            .Select(m => m.Id).SingleAsync());
        await Should.ThrowAsync<ProcessingRestrictedException>(() => _host.Send(new DecidePossibleMatch(match, SamePerson: true), TeamLeader, Roles.TeamLeader));

        (await _host.Send(new ExportPersonalData(_world.SubjectReferralId), TeamLeader, Roles.TeamLeader)).Sections.ShouldNotBeEmpty("the record can still be read");

        await _host.Send(new LiftRestriction(_world.SubjectReferralId), TeamLeader, Roles.TeamLeader);
        await _host.Send(contact, TeamLeader, Roles.TeamLeader);
        (await CountContacts()).ShouldBe(contacts + 1);
        var again = await Should.ThrowAsync<ValidationException>(() => _host.Send(new LiftRestriction(_world.SubjectReferralId), TeamLeader, Roles.TeamLeader));
        again.Errors.Single().ErrorMessage.ShouldBe("Processing is not restricted for this person");

        var screens = await _host.WithDb(db => db.AuditEvents.Where(a => a.PersonId == _world.SubjectId && a.Action == AuditAction.Update && a.Screen.StartsWith("Data protection"))
            .OrderBy(a => a.WriterNumber).Select(a => a.Screen).ToListAsync());
        screens.ShouldBe(["Data protection: restrict processing", "Data protection: lift restriction"]);
    }

    private Task<int> CountContacts() =>
        _host.WithDb(db => db.Contacts.CountAsync(c => db.Referrals.Any(r => r.Id == c.ReferralId && r.PersonId == _world.SubjectId)));

    private static IEnumerable<string> PropertyNames(JsonObject record) =>
        record.SelectMany(p => p.Value is JsonObject nested ? PropertyNames(nested).Prepend(p.Key) : [p.Key]);
}
