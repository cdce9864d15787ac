using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Conversations.SaveConversation;
using Hub.Application.Conversations.StartConversation;
using Hub.Application.Conversations.StartReview;
using Hub.Application.Spells.GetSpellClock;
using Hub.Application.Spells.RecordCarePlanAgreed;
using Hub.Application.Spells.RecordInterventionStarted;
using Hub.Application.Waiting.GetFourWeekWaits;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.Waiting;

/// <summary>
/// Staff stop the four-week clock by recording a care plan agreed with the person or an
/// intervention started, on the day it happened; a person who never opens their plan link no
/// longer breaches for ever. Through the mediator on real PostgreSQL.
/// </summary>
public sealed class StaffStopTheClockTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly ConversationContent Rated = new()
    {
        WhatMatters = "Invented: getting back to the allotment",
        Dialog = BuiltInMeasures.DialogLifeAreas.ToDictionary(code => code, _ => new RatedAnswer(3, null)),
        Goals = [new Goal("Invented: sleep through the night", 2)],
    };

    private static readonly ConversationContent Unrated = new() { WhatMatters = "Invented: seeing friends again" };

    private static DateOnly Today(ApplicationHost host) => UkCalendar.DayOf(host.Clock.GetUtcNow());

    private static async Task<Guid> CompleteFirstConversation(ApplicationHost host, Referral referral, ConversationContent content)
    {
        var id = await host.SendAsPractitioner(new StartConversation(referral.Id));
        return await Complete(host, id, content);
    }

    private static async Task<Guid> Complete(ApplicationHost host, Guid conversationId, ConversationContent content)
    {
        var token = (await host.WithDb(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId))).ConcurrencyToken;
        (await host.SendAsPractitioner(new SaveConversation(conversationId, content, token, SaveIntent.Complete))).Saved.ShouldBeTrue();
        return conversationId;
    }

    private static Task<ReferralSpell> SpellOf(ApplicationHost host, Referral referral) =>
        host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId));

    private static Task<FourWeekWaitPage> Waits(ApplicationHost host) => host.Send(new GetFourWeekWaits(PageSize: 200), ApplicationHost.PractitionerId, Roles.TeamLeader);

    [SkippableFact]
    public async Task Should_take_a_person_who_never_opened_their_link_off_the_breach_list_when_staff_record_an_intervention_started()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await TriagedReferral(host);
        host.Clock.Advance(TimeSpan.FromDays(3));
        await CompleteFirstConversation(host, referral, Rated);
        host.Clock.Advance(TimeSpan.FromDays(32)); // day 35: breached, the plan link never used
        var before = await Waits(host);
        before.Rows.Single(r => r.SpellId == referral.SpellId).Clock.Breached.ShouldBeTrue();
        var breachedBefore = before.Breached;

        var startedOn = UkCalendar.DayOf((await SpellOf(host, referral)).StartedAt).AddDays(10);
        var id = await host.SendAsPractitioner(new RecordInterventionStarted(referral.Id, startedOn, InterventionKind.PeerSupport, "Invented: weekly walk with the peer worker"));

        var after = await Waits(host);
        after.Rows.ShouldNotContain(r => r.SpellId == referral.SpellId);
        after.Breached.ShouldBe(breachedBefore - 1);
        var spell = await SpellOf(host, referral);
        UkCalendar.DayOf(spell.ClockStoppedAt!.Value).ShouldBe(startedOn, "stopped on the day it happened, not the day it was typed in");
        var stored = await host.WithDb(db => db.CareStarts.AsNoTracking().SingleAsync(c => c.Id == id));
        (stored.Kind, stored.On, stored.Intervention, stored.RecordedByUserId, stored.PersonId).ShouldBe(
            (CareStartKind.InterventionStarted, startedOn, (InterventionKind?)InterventionKind.PeerSupport, ApplicationHost.PractitionerId, referral.PersonId));
        var audited = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordId == id).ToListAsync());
        audited.Count.ShouldBe(1);
        (audited[0].Action, audited[0].PersonId, audited[0].ActorUserId, audited[0].Screen).ShouldBe(
            (AuditAction.Create, (Guid?)referral.PersonId, (Guid?)ApplicationHost.PractitionerId, "Four-week clock: record intervention started"));

        var clock = await host.SendAsPractitioner(new GetSpellClock(referral.Id));
        clock.Summary.StoppedBy.ShouldBe(SpellClockSummary.PlanOrIntervention);
        clock.Summary.Clock.State.ShouldBe(ClockState.Stopped);
        clock.Summary.Clock.DaysWaited.ShouldBe(10);
        clock.CareStarts.Single().Note.ShouldBe("Invented: weekly walk with the peer worker");
    }

    [SkippableFact]
    public async Task Should_stop_at_the_last_condition_in_any_order_and_move_the_third_earlier_for_an_earlier_plan()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await TriagedReferral(host);
        var day0 = Today(host);
        host.Clock.Advance(TimeSpan.FromDays(4));

        await host.SendAsPractitioner(new RecordInterventionStarted(referral.Id, day0.AddDays(3), InterventionKind.CommunityOffer, null));
        await host.SendAsPractitioner(new RecordCarePlanAgreed(referral.Id, day0.AddDays(1), CarePlanAgreedHow.Phone));
        UkCalendar.DayOf((await SpellOf(host, referral)).CarePlanAgreedAt!.Value).ShouldBe(day0.AddDays(1), "the earliest of what was recorded");
        (await SpellOf(host, referral)).ClockStoppedAt.ShouldBeNull();

        host.Clock.Advance(TimeSpan.FromDays(2));
        await CompleteFirstConversation(host, referral, Unrated); // assessment on day 6, no rating yet
        (await SpellOf(host, referral)).ClockStoppedAt.ShouldBeNull("no baseline measure yet");

        host.Clock.Advance(TimeSpan.FromDays(2));
        var first = await host.WithDb(db => db.Conversations.AsNoTracking().SingleAsync(c => c.SpellId == referral.SpellId));
        var review = await host.SendAsPractitioner(new StartReview(first.Id));
        await Complete(host, review, Rated); // the first rated measure, from a review, on day 8

        var spell = await SpellOf(host, referral);
        UkCalendar.DayOf(spell.BaselineMeasuredAt!.Value).ShouldBe(day0.AddDays(8));
        UkCalendar.DayOf(spell.ClockStoppedAt!.Value).ShouldBe(day0.AddDays(8));
        (await host.SendAsPractitioner(new GetSpellClock(referral.Id))).Summary.StoppedBy.ShouldBe(SpellClockSummary.Baseline);
    }

    [SkippableFact]
    public async Task Should_refuse_a_missing_future_or_too_early_day_a_missing_choice_and_a_long_note_with_clear_messages_storing_nothing()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await TriagedReferral(host);
        host.Clock.Advance(TimeSpan.FromDays(2));
        var today = Today(host);

        async Task<string[]> Refused<T>(MediatR.IRequest<T> request) =>
            (await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(request))).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToArray();

        (await Refused(new RecordCarePlanAgreed(referral.Id, null, null))).ShouldBe(["On: Enter the day the plan was agreed", "How: Select how the plan was agreed"]);
        (await Refused(new RecordCarePlanAgreed(referral.Id, today.AddDays(1), CarePlanAgreedHow.Video))).ShouldBe(["On: The day the plan was agreed must be today or in the past"]);
        (await Refused(new RecordCarePlanAgreed(referral.Id, today.AddDays(-3), CarePlanAgreedHow.Video))).Single().ShouldStartWith("On: The day the plan was agreed cannot be before their wait started on ");
        (await Refused(new RecordInterventionStarted(referral.Id, today, (InterventionKind)99, null))).ShouldBe(["Kind: Select the kind of intervention"]);
        (await Refused(new RecordInterventionStarted(referral.Id, today, InterventionKind.Other, new string('a', 501)))).First().ShouldBe("Note: The note must be 500 characters or fewer");

        (await host.WithDb(db => db.CareStarts.CountAsync(c => c.SpellId == referral.SpellId))).ShouldBe(0);
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.PersonId == referral.PersonId && a.Screen.StartsWith("Four-week clock: record")))).ShouldBe(0);
        (await SpellOf(host, referral)).CarePlanAgreedAt.ShouldBeNull();
    }
}
