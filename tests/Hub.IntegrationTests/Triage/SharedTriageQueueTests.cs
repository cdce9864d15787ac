using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Triage.GetReferralRecord;
using Hub.Application.Triage.GetTriageQueue;
using Hub.Application.Triage.PickUpReferral;
using Hub.Application.Triage.RecordContact;
using Hub.Application.Triage.RecordTriageOutcome;
using Hub.Application.Triage.ReleaseReferral;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Contacts;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Triage;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Triage;

/// <summary>The triage queue as a team's shared work: search, filters, keyset pages and picking a referral up.</summary>
public sealed class SharedTriageQueueTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Guid TeamLeaderId = Guid.Parse("0b8f5a4e-3d1c-4c55-9a31-5a1f6e7d2c09");

    private static async Task<Referral> Refer(ApplicationHost host, string name, string? phone = null, string? email = null)
    {
        var result = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers
        {
            PreferredName = name,
            ContactMethod = email is not null ? ContactMethod.Email : phone is not null ? ContactMethod.Phone : ContactMethod.TheyWillCallUs,
            Phone = phone,
            Email = email,
            SafeToLeaveMessage = phone is null && email is null ? null : "yes",
        }, Guid.NewGuid()));
        return await host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == result.Reference));
    }

    private static Task<int> SearchAuditRows(ApplicationHost host) =>
        host.WithDb(db => db.AuditEvents.CountAsync(a => a.RecordType == "ReferralSearch"));

    [SkippableFact]
    public async Task Should_find_a_referral_by_reference_phone_email_or_part_of_a_name_and_audit_each_search_without_its_words()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var wanted = await Refer(host, "Marguerite Okonkwo-Hale", phone: "07700 900 461", email: "Marguerite.H@example.org");
        await Refer(host, "Someone Else", phone: "07700 900 999", email: "other@example.org");
        var before = await SearchAuditRows(host);

        foreach (var typed in new[] { wanted.Reference.ToLowerInvariant().Replace("-", " "), "+44 7700 900461", "marguerite.h@EXAMPLE.org", "okonkwo", "GUERITE OKON" })
        {
            var page = await host.SendAsPractitioner(new GetTriageQueue(Search: typed));
            page.Rows.Select(r => r.ReferralId).ShouldBe([wanted.Id], customMessage: typed);
        }

        var audited = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordType == "ReferralSearch").OrderBy(a => a.WriterNumber).Skip(before).ToListAsync());
        audited.Select(a => a.Screen).ShouldBe(["Triage queue: search by reference", "Triage queue: search by phone", "Triage queue: search by email",
            "Triage queue: search by name", "Triage queue: search by name"]);
        audited.ShouldAllBe(a => a.Action == AuditAction.View && a.ActorUserId == ApplicationHost.PractitionerId && a.PersonId == null);
        // The words typed never reach the audit trail.
        audited.ShouldAllBe(a => !a.Screen.Contains("okonkwo", StringComparison.OrdinalIgnoreCase) && !a.Screen.Contains("7700", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Should_treat_percent_and_underscore_in_a_name_search_as_themselves()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        await Refer(host, "Dana Whitlock");
        var page = await host.SendAsPractitioner(new GetTriageQueue(Search: "d%k"));
        page.Rows.ShouldBeEmpty();
        (await host.SendAsPractitioner(new GetTriageQueue(Search: "a_w"))).Rows.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Should_refuse_a_search_it_cannot_read_and_a_practitioner_asking_for_closed_referrals_with_a_message()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var bad = await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(new GetTriageQueue(Search: "0770")));
        bad.Errors.Single().ErrorMessage.ShouldContain("whole phone number");
        var closed = await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(new GetTriageQueue(Status: QueueStatus.Closed)));
        closed.Errors.Single().ErrorMessage.ShouldContain("Only team leaders");
        await Should.NotThrowAsync(() => host.Send(new GetTriageQueue(Status: QueueStatus.Closed), TeamLeaderId, Roles.TeamLeader));
    }

    [SkippableFact]
    public async Task Should_let_one_of_two_people_picking_up_at_once_win_and_tell_the_other_who()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        for (var round = 0; round < 10; round++)
        {
            var referral = await Refer(host, $"Race {round}");
            var results = await Task.WhenAll(
                host.SendAsPractitioner(new PickUpReferral(referral.Id)),
                host.SendAsPractitioner(new PickUpReferral(referral.Id), ApplicationHost.OtherPractitionerId));

            var stored = await host.WithDb(db => db.TriagePickUps.AsNoTracking().Where(p => p.ReferralId == referral.Id).ToListAsync());
            stored.Count.ShouldBe(1);
            var winner = stored[0].PickedUpByUserId;
            var (mine, theirs) = winner == ApplicationHost.PractitionerId ? (results[0], results[1]) : (results[1], results[0]);
            mine.ShouldBeOfType<PickUpResult.PickedUp>();
            var told = theirs.ShouldBeOfType<PickUpResult.HeldBySomeoneElse>();
            told.Since.ShouldBe(stored[0].PickedUpAt);
        }
    }

    [SkippableFact]
    public async Task Should_show_who_picked_up_to_everyone_and_let_only_them_or_a_team_leader_release_it()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await Refer(host, "Held Person");
        (await host.SendAsPractitioner(new PickUpReferral(referral.Id))).ShouldBeOfType<PickUpResult.PickedUp>();
        (await host.SendAsPractitioner(new PickUpReferral(referral.Id))).ShouldBeOfType<PickUpResult.PickedUp>(); // twice is harmless

        var seenByOther = await host.SendAsPractitioner(new GetTriageQueue(Search: referral.Reference), ApplicationHost.OtherPractitionerId);
        var line = seenByOther.Rows.Single().PickedUp.ShouldNotBeNull();
        (line.UserId, line.Since, line.IsMe).ShouldBe((ApplicationHost.PractitionerId, host.Clock.GetUtcNow(), false));
        seenByOther.Holders.Select(h => h.UserId).ShouldContain(ApplicationHost.PractitionerId);
        var record = await host.SendAsPractitioner(new GetReferralRecord(referral.Id));
        record.PickedUp.ShouldNotBeNull().IsMe.ShouldBeTrue();

        (await host.SendAsPractitioner(new ReleaseReferral(referral.Id), ApplicationHost.OtherPractitionerId)).ShouldBe(ReleaseResult.HeldBySomeoneElse);
        (await host.Send(new ReleaseReferral(referral.Id), TeamLeaderId, Roles.TeamLeader)).ShouldBe(ReleaseResult.Released);
        (await host.SendAsPractitioner(new ReleaseReferral(referral.Id))).ShouldBe(ReleaseResult.NotPickedUp);
        (await host.WithDb(db => db.TriagePickUps.CountAsync(p => p.ReferralId == referral.Id))).ShouldBe(0);

        var audit = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.PersonId == referral.PersonId && a.RecordType == nameof(TriagePickUp))
            .OrderBy(a => a.WriterNumber).Select(a => a.Screen).ToListAsync());
        audit.ShouldBe(["Triage: pick up", "Triage: release pick-up"]);
    }

    [SkippableFact]
    public async Task Should_end_a_pick_up_when_its_referral_is_triaged_and_leaves_the_queue()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await Refer(host, "Triaged Person");
        (await host.SendAsPractitioner(new PickUpReferral(referral.Id))).ShouldBeOfType<PickUpResult.PickedUp>();
        var version = (await host.SendAsPractitioner(new GetReferralRecord(referral.Id))).Version;

        (await host.SendAsPractitioner(new RecordTriageOutcome(referral.Id, TriageOutcome.ConversationBooked, null, version))).ShouldBe(RecordTriageOutcomeResult.Recorded);

        (await host.WithDb(db => db.TriagePickUps.CountAsync(p => p.ReferralId == referral.Id))).ShouldBe(0, "the pick-up ended with the triage");
        (await host.SendAsPractitioner(new GetReferralRecord(referral.Id))).PickedUp.ShouldBeNull();
        // Pressed on a page opened before the triage: told so, nothing stored.
        (await host.SendAsPractitioner(new PickUpReferral(referral.Id), ApplicationHost.OtherPractitionerId)).ShouldBeOfType<PickUpResult.AlreadyTriaged>();
        (await host.WithDb(db => db.TriagePickUps.CountAsync(p => p.ReferralId == referral.Id))).ShouldBe(0);
        var mine = await host.SendAsPractitioner(new GetTriageQueue(PickedUp: PickUpFilter.Me, PageSize: 50));
        mine.Rows.Select(r => r.ReferralId).ShouldNotContain(referral.Id);
        var triaged = await host.Send(new GetTriageQueue(Search: referral.Reference, Status: QueueStatus.Triaged), TeamLeaderId, Roles.TeamLeader);
        triaged.Rows.ShouldHaveSingleItem().PickedUp.ShouldBeNull("a triaged referral is shown as picked up by nobody");
    }

    [SkippableFact]
    public async Task Should_filter_by_who_picked_up_and_flag_referrals_past_two_working_days_with_no_contact()
    {
        // Friday 20 November 2026, 21:30 in London: due by Tuesday 24th.
        var clock = new TestClock(UkCalendar.FromLocal(new DateTime(2026, 11, 20, 21, 30, 0)));
        await using var host = new ApplicationHost(database.ConnectionString, clock);
        var friday = await Refer(host, "Friday Evening");
        var contacted = await Refer(host, "Friday Contacted");
        clock.Advance(TimeSpan.FromDays(3)); // Monday evening
        var monday = await Refer(host, "Monday Evening");
        await host.SendAsPractitioner(new RecordContact(contacted.Id, clock.GetUtcNow(), ContactMedium.Phone, ContactPlace.Remote, true, 20, null));
        var holder = Guid.NewGuid(); // someone no other test acts as
        await host.SendAsPractitioner(new PickUpReferral(monday.Id), holder);

        clock.Advance(TimeSpan.FromDays(1)); // Tuesday evening: Friday's is due today, not overdue
        (await Overdue(host)).ShouldNotContain(friday.Id);
        clock.Advance(TimeSpan.FromHours(3)); // Wednesday 00:30
        var overdue = await Overdue(host);
        overdue.ShouldContain(friday.Id);
        overdue.ShouldNotContain(contacted.Id);
        overdue.ShouldNotContain(monday.Id);
        var row = (await host.SendAsPractitioner(new GetTriageQueue(Search: friday.Reference))).Rows.Single();
        (row.FirstContactOverdue, row.FirstContactDueBy).ShouldBe((true, new DateOnly(2026, 11, 24)));

        var mine = await host.SendAsPractitioner(new GetTriageQueue(PickedUp: PickUpFilter.Me), holder);
        mine.Rows.Select(r => r.ReferralId).ShouldBe([monday.Id]);
        var byThem = await host.SendAsPractitioner(new GetTriageQueue(PickedUp: PickUpFilter.Member, PickedUpBy: holder), ApplicationHost.OtherPractitionerId);
        byThem.Rows.Select(r => r.ReferralId).ShouldBe([monday.Id]);
        var nobody = await host.SendAsPractitioner(new GetTriageQueue(PickedUp: PickUpFilter.Nobody));
        nobody.Rows.Select(r => r.ReferralId).ShouldNotContain(monday.Id);
        nobody.Rows.Select(r => r.ReferralId).ShouldContain(friday.Id);
    }

    [SkippableFact]
    public async Task Should_count_a_configured_bank_holiday_as_no_working_day()
    {
        // Wednesday 2 December 2026 made a holiday in configuration: Monday's referral is due Thursday, not Wednesday.
        var clock = new TestClock(UkCalendar.FromLocal(new DateTime(2026, 11, 30, 10, 0, 0)));
        await using var host = new ApplicationHost(database.ConnectionString, clock, settings: [new("Hub:BankHolidays:Add:0", "2026-12-02")]);
        var referral = await Refer(host, "Holiday Week");
        clock.Advance(TimeSpan.FromDays(2.6)); // Thursday morning
        var row = (await host.SendAsPractitioner(new GetTriageQueue(Search: referral.Reference))).Rows.Single();
        (row.FirstContactDueBy, row.FirstContactOverdue).ShouldBe((new DateOnly(2026, 12, 3), false));
    }

    [SkippableFact]
    public async Task Should_page_newest_first_by_keyset_without_losing_or_repeating_a_row()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var ours = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ours.Add((await Refer(host, $"Keyset Person {i}")).Id);
            if (i % 2 == 0)
            {
                host.Clock.Advance(TimeSpan.FromMinutes(5)); // some share a received time
            }
        }
        var seen = new List<TriageQueueRow>();
        string? after = null;
        do
        {
            var page = await host.SendAsPractitioner(new GetTriageQueue(Search: "keyset person", Order: QueueOrder.NewestFirst, After: after, PageSize: 3));
            seen.AddRange(page.Rows);
            after = page.Next;
        }
        while (after is not null);
        seen.Select(r => r.ReferralId).ShouldBe(ours, ignoreOrder: true);
        seen.Select(r => r.ReceivedAt).ShouldBeInOrder(SortDirection.Descending);
    }

    private static async Task<IReadOnlyList<Guid>> Overdue(ApplicationHost host) =>
        (await host.SendAsPractitioner(new GetTriageQueue(Waiting: WaitFilter.FirstContactOverdue, PageSize: 200))).Rows.Select(r => r.ReferralId).ToList();
}
