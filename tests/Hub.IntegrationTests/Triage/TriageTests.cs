using FluentValidation;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Triage.GetReferralRecord;
using Hub.Application.Triage.GetTriageQueue;
using Hub.Application.Triage.RecordContact;
using Hub.Application.Triage.RecordContactAttempt;
using Hub.Application.Triage.RecordTriageOutcome;
using Hub.Domain.Audit;
using Hub.Domain.Contacts;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Triage;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Triage;

public sealed class TriageTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static async Task<Referral> NewReferral(ApplicationHost host, string name = "Bea")
    {
        var result = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers
        {
            ContactMethod = ContactMethod.TheyWillCallUs,
            PreferredName = name,
        }, Guid.NewGuid()));
        return await host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == result.Reference));
    }

    [SkippableFact]
    public async Task Should_write_one_audit_row_for_each_view_and_each_change_of_the_record()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await NewReferral(host);

        await host.SendAsPractitioner(new GetReferralRecord(referral.Id));
        await host.SendAsPractitioner(new RecordContactAttempt(referral.Id, host.Clock.GetUtcNow(), AttemptMethod.Phone, AttemptResult.NoAnswer, null));
        await host.SendAsPractitioner(new RecordContact(referral.Id, host.Clock.GetUtcNow(), ContactMedium.Phone, ContactPlace.Remote, true, 40, "Talked it through."));
        var record = await host.SendAsPractitioner(new GetReferralRecord(referral.Id));
        await host.SendAsPractitioner(new RecordTriageOutcome(referral.Id, TriageOutcome.ConversationBooked, null, record.Version));

        var rows = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.PersonId == referral.PersonId).OrderBy(a => a.WriterNumber).ToListAsync());
        rows.Select(r => (r.Action, r.RecordType)).ShouldBe(new[]
        {
            (AuditAction.Create, nameof(Referral)),
            (AuditAction.View, nameof(Referral)),
            (AuditAction.Create, nameof(ContactAttempt)),
            (AuditAction.Create, nameof(Contact)),
            (AuditAction.View, nameof(Referral)),
            (AuditAction.Update, nameof(Referral)),
        });
        rows.Skip(1).ShouldAllBe(r => r.ActorUserId == ApplicationHost.PractitionerId && r.ActorRole == "Practitioner");
    }

    [SkippableFact]
    public async Task Should_refuse_a_stale_outcome_and_keep_the_first_one_when_two_staff_decide_at_once()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await NewReferral(host);
        var seenByBoth = (await host.SendAsPractitioner(new GetReferralRecord(referral.Id))).Version;

        var first = await host.SendAsPractitioner(new RecordTriageOutcome(referral.Id, TriageOutcome.ConversationBooked, "Booked Tuesday.", seenByBoth));
        var second = await host.SendAsPractitioner(new RecordTriageOutcome(referral.Id, TriageOutcome.SameDayUrgentResponse, null, seenByBoth), ApplicationHost.OtherPractitionerId);

        first.ShouldBe(RecordTriageOutcomeResult.Recorded);
        second.ShouldBe(RecordTriageOutcomeResult.ChangedBySomeoneElse);
        var stored = await host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id));
        stored.Outcome.ShouldBe(TriageOutcome.ConversationBooked);
        stored.OutcomeByUserId.ShouldBe(ApplicationHost.PractitionerId);
    }

    [SkippableFact]
    public async Task Should_let_exactly_one_of_twenty_parallel_outcomes_from_the_same_version_succeed()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await NewReferral(host);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            host.SendAsPractitioner(new RecordTriageOutcome(referral.Id, TriageOutcome.ConversationBooked, $"Attempt {i}", referral.Version)))));

        results.Count(r => r == RecordTriageOutcomeResult.Recorded).ShouldBe(1);
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.RecordId == referral.Id && a.Action == AuditAction.Update))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_end_the_spell_when_its_last_referral_closes_and_ask_for_a_note()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await NewReferral(host);

        var withoutNote = await Should.ThrowAsync<ValidationException>(() =>
            host.SendAsPractitioner(new RecordTriageOutcome(referral.Id, TriageOutcome.SignpostedWithConsent, " ", referral.Version)));
        withoutNote.Errors.ShouldContain(e => e.PropertyName == nameof(RecordTriageOutcome.Note));

        host.Clock.Advance(TimeSpan.FromHours(2));
        var result = await host.SendAsPractitioner(new RecordTriageOutcome(referral.Id, TriageOutcome.SignpostedWithConsent, "Linked with the debt advice drop-in.", referral.Version));

        result.ShouldBe(RecordTriageOutcomeResult.Recorded);
        var spell = await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId));
        spell.EndedAt.ShouldBe(host.Clock.GetUtcNow());
        var again = await host.SendAsPractitioner(new RecordTriageOutcome(referral.Id, TriageOutcome.ConversationBooked, null, referral.Version));
        again.ShouldBe(RecordTriageOutcomeResult.AlreadyClosed);
    }

    [SkippableFact]
    public async Task Should_reject_a_contact_recorded_in_the_future()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await NewReferral(host);

        var ex = await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(
            new RecordContact(referral.Id, host.Clock.GetUtcNow().AddDays(1), ContactMedium.Phone, ContactPlace.Remote, true, 20, null)));

        ex.Errors.ShouldContain(e => e.PropertyName == nameof(RecordContact.At));
        (await host.WithDb(db => db.Contacts.CountAsync(c => c.ReferralId == referral.Id))).ShouldBe(0);
    }
}

/// <summary>The queue in its own database, so counts are exact.</summary>
public sealed class TriageQueueTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_list_waiting_referrals_oldest_first_and_page_through_all_of_them_once()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var references = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var result = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs }, Guid.NewGuid()));
            references.Add(result.Reference);
            if (i % 2 == 0)
            {
                host.Clock.Advance(TimeSpan.FromHours(5)); // some share a received time, which the cursor must handle
            }
        }
        host.Clock.Advance(TimeSpan.FromDays(3));

        var seen = new List<TriageQueueRow>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await host.SendAsPractitioner(new GetTriageQueue(After: after, PageSize: 3));
            page.Matching.ShouldBe(7);
            seen.AddRange(page.Rows);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        pages.ShouldBe(3);
        seen.Select(r => r.Reference).ShouldBe(references, ignoreOrder: true);
        seen.Select(r => r.Reference).Distinct().Count().ShouldBe(7);
        seen.Select(r => r.ReceivedAt).ShouldBeInOrder(SortDirection.Ascending);
        seen[0].DaysWaiting.ShouldBe(4);
    }
}
