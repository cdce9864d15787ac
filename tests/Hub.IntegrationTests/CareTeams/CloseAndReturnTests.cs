using FluentValidation;
using Hub.Application.CareTeams.GetHandoffs;
using Hub.Application.Conversations.SaveConversation;
using Hub.Application.Conversations.StartConversation;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Routing.GetRoutingSuggestions;
using Hub.Application.Spells.CloseSpell;
using Hub.Application.Spells.GetSpellForClosing;
using Hub.Application.Triage.RecordTriageOutcome;
using Hub.Domain.CareTeams;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.Domain.Triage;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>
/// Easy out, easy back in: the care team closes a spell; a person who comes back within five days
/// carries on in it, and one who comes back later starts a new spell that follows on from it, with
/// their last lead suggested first and their earlier conversation carried forward.
/// </summary>
public sealed class CloseAndReturnTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static Task<ReferralSpell> Spell(ApplicationHost host, Guid spellId) =>
        host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == spellId));

    private static async Task<CloseSpellResult> Close(ApplicationHost host, Staff by, Guid referralId, string? note = null)
    {
        var version = (await host.SendAsPractitioner(new GetSpellForClosing(referralId), by.Id)).Version;
        return await host.SendAsPractitioner(new CloseSpell(referralId, SpellClosureReason.GoalsMet, note, version), by.Id);
    }

    /// <summary>Someone known to the hub, with a lead worker, whose spell has just been closed.</summary>
    private static async Task<(Staff Lead, Referral Referral)> ClosedWithLead(ApplicationHost host, string phone)
    {
        var team = await Team(host);
        var (a, lead) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"));
        var referral = await TriagedReferral(host, Answers(phone: phone));
        await Join(host, a, referral.Id, lead, CareTeamRole.Lead);
        (await Close(host, lead, referral.Id)).Outcome.ShouldBe(CloseSpellOutcome.Closed);
        return (lead, referral);
    }

    [SkippableFact]
    public async Task Should_close_the_spell_with_its_reason_close_its_referrals_withdraw_offers_and_email_the_person_how_to_come_back()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, b, c) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member C"));
        var answers = Answers(phone: "07700 900 461", email: "come.back.461@example.org");
        var first = await TriagedReferral(host, answers);
        var again = await host.SendAsPublic(new SubmitSelfReferral(answers, Guid.NewGuid()));
        await ConfirmReturningPerson(host, again.Reference);
        var second = await Referral(host, again.Reference);
        second.SpellId.ShouldBe(first.SpellId, "it came while the spell was open");
        await Join(host, a, first.Id, b, CareTeamRole.Lead);
        var waiting = await Offer(host, b, first.Id, c, CareTeamRole.Involved, "Invented note about the flat and the landlord.");
        host.Clock.Advance(TimeSpan.FromDays(20));
        const string note = "Invented closing note: sleeping better, back at the allotment.";

        var stale = await host.SendAsPractitioner(new CloseSpell(first.Id, SpellClosureReason.GoalsMet, note, Guid.NewGuid()), b.Id);

        stale.ShouldBe(new CloseSpellResult(CloseSpellOutcome.ChangedBySomeoneElse, null, false));
        (await Spell(host, first.SpellId)).IsOpen.ShouldBeTrue();
        (await Outbox(host, answers.Email!, "spell-closed-come-back")).ShouldBeEmpty();

        // The request that came in while the spell was open is triaged before the spell can close.
        var untriaged = await Should.ThrowAsync<ValidationException>(() => Close(host, b, second.Id, note));
        untriaged.Errors.ShouldContain(e => e.ErrorMessage.StartsWith("A new request from this person is waiting for triage", StringComparison.Ordinal));
        (await Spell(host, first.SpellId)).IsOpen.ShouldBeTrue();
        (await host.SendAsPractitioner(new RecordTriageOutcome(second.Id, TriageOutcome.ConversationBooked, null, second.Version), b.Id)).ShouldBe(RecordTriageOutcomeResult.Recorded);

        var closed = await Close(host, b, second.Id, note);

        (closed.Outcome, closed.Emailed).ShouldBe((CloseSpellOutcome.Closed, true));
        var spell = await Spell(host, first.SpellId);
        (spell.EndedAt, spell.ClosureReason, spell.ClosureNote, spell.ClosedByUserId)
            .ShouldBe(((DateTimeOffset?)host.Clock.GetUtcNow(), (SpellClosureReason?)SpellClosureReason.GoalsMet, note, (Guid?)b.Id));
        var referrals = await host.WithDb(db => db.Referrals.AsNoTracking().Where(r => r.SpellId == first.SpellId).ToListAsync());
        referrals.Select(r => r.Id).ShouldBe([first.Id, second.Id], ignoreOrder: true);
        referrals.ShouldAllBe(r => r.Status == ReferralStatus.Closed && r.ClosedAt == host.Clock.GetUtcNow());
        var offer = await host.WithDb(db => db.Handoffs.AsNoTracking().SingleAsync(h => h.Id == waiting.Id));
        (offer.Status, offer.DecidedByUserId).ShouldBe((HandoffStatus.Withdrawn, (Guid?)b.Id));
        (await CurrentTeam(host, first.SpellId)).ShouldBe([(b.Id, CareTeamRole.Lead)], customMessage: "kept, so a quick return carries straight on");
        (await host.SendAsPractitioner(new GetMyWork(), b.Id)).Caseload.Rows.ShouldNotContain(r => r.ReferralId == first.Id || r.ReferralId == second.Id);

        var email = (await Outbox(host, answers.Email!, "spell-closed-come-back")).ShouldHaveSingleItem();
        email.Body.ShouldBe(closed.ComeBackMessage);
        email.Body.ShouldContain($"{BaseUrl}/refer");
        email.Body.ShouldNotContain("allotment", customMessage: "the closing note is clinical record, not for an email");
        email.Body.ShouldNotContain("hard few months");
        email.Body.ShouldNotContain("landlord");

        var twice = await Close(host, b, first.Id);
        twice.Outcome.ShouldBe(CloseSpellOutcome.AlreadyClosed);
        (await Outbox(host, answers.Email!, "spell-closed-come-back")).Count.ShouldBe(1);
        (await Spell(host, first.SpellId)).Version.ShouldBe(spell.Version);
    }

    [SkippableFact]
    public async Task Should_reopen_the_same_spell_with_the_same_care_team_when_the_person_comes_back_within_five_days()
    {
        await using var host = Host(database);
        var (lead, first) = await ClosedWithLead(host, "07700 900 462");
        var closedVersion = (await Spell(host, first.SpellId)).Version;
        host.Clock.Advance(TimeSpan.FromDays(4));

        var back = await host.SendAsPublic(new SubmitSelfReferral(Answers(phone: "07700 900 462"), Guid.NewGuid()));
        await ConfirmReturningPerson(host, back.Reference);

        var returning = await Referral(host, back.Reference);
        (returning.SpellId, returning.PersonId).ShouldBe((first.SpellId, first.PersonId));
        var spell = await Spell(host, first.SpellId);
        (spell.EndedAt, spell.ClosureReason, spell.ClosureNote, spell.ClosedByUserId).ShouldBe((null, null, null, null));
        spell.Version.ShouldNotBe(closedVersion);
        (await CurrentTeam(host, first.SpellId)).ShouldBe([(lead.Id, CareTeamRole.Lead)]);
        (await host.WithDb(db => db.Spells.CountAsync(s => s.PersonId == first.PersonId))).ShouldBe(1);
        var row = (await host.SendAsPractitioner(new GetMyWork(), lead.Id)).Caseload.Rows.ShouldHaveSingleItem();
        (row.ReferralId, row.Role).ShouldBe((returning.Id, CareTeamRole.Lead));
    }

    [SkippableFact]
    public async Task Should_start_a_new_spell_that_suggests_the_last_lead_first_and_carries_the_conversation_forward_when_the_person_comes_back_later()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, lead) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"));
        await Member(host, team, "Member M", group: Hub.Domain.Directory.ProfessionalGroup.MoneyAdviser);
        var first = await TriagedReferral(host, Answers(phone: "07700 900 463"));
        await Join(host, a, first.Id, lead, CareTeamRole.Lead);
        var earlierId = await host.SendAsPractitioner(new StartConversation(first.Id), lead.Id);
        var said = new ConversationContent
        {
            WhatMatters = "Getting back to the allotment",
            Strengths = "Patient, good with plants",
            Needs = [new DeterminantNeed(DeterminantArea.MoneyDebtAndBenefits, "Letters piling up", "Help with the forms")],
            Dialog = BuiltInMeasures.DialogLifeAreas.ToDictionary(code => code, _ => new RatedAnswer(3, null)),
            Goals = [new Goal("Sleep through the night", 2), new Goal("Open the post every week", 4)],
        };
        var token = (await host.WithDb(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == earlierId))).ConcurrencyToken;
        (await host.SendAsPractitioner(new SaveConversation(earlierId, said, token, SaveIntent.Complete), lead.Id)).Saved.ShouldBeTrue();
        (await Close(host, lead, first.Id)).Outcome.ShouldBe(CloseSpellOutcome.Closed);
        // The sixth UK day after the close, just after midnight: past the fifth day, so a new spell.
        host.Clock.Set(Hub.Domain.Common.UkCalendar.StartOfDay(Hub.Domain.Common.UkCalendar.DayOf(host.Clock.GetUtcNow()).AddDays(ReferralSpell.RejoinDays + 1)).AddMinutes(1));

        var back = await host.SendAsPublic(new SubmitSelfReferral(Answers(phone: "07700 900 463"), Guid.NewGuid()));
        await ConfirmReturningPerson(host, back.Reference);

        var returning = await Referral(host, back.Reference);
        returning.PersonId.ShouldBe(first.PersonId);
        returning.SpellId.ShouldNotBe(first.SpellId);
        var spell = await Spell(host, returning.SpellId);
        (spell.PreviousSpellId, spell.IsOpen, spell.StartedAt).ShouldBe(((Guid?)first.SpellId, true, returning.ReceivedAt));
        (await Spell(host, first.SpellId)).IsOpen.ShouldBeFalse("the old spell stays closed");
        (await CurrentTeam(host, returning.SpellId)).ShouldBeEmpty("suggested, never allocated by itself");

        var routing = await host.SendAsPractitioner(new GetRoutingSuggestions(returning.Id), a.Id);

        routing.PreviousLeadName.ShouldBe(lead.Name);
        routing.Members[0].MemberId.ShouldBe(lead.Id);
        routing.Members[0].Reason.ShouldStartWith("worked with them before");
        routing.Members.Skip(1).ShouldAllBe(m => !m.Reason.Contains("worked with them before"));
        routing.Needs.ShouldBe([DeterminantArea.MoneyDebtAndBenefits], "read from the earlier conversation: tell it once");

        var startedId = await host.SendAsPractitioner(new StartConversation(returning.Id), lead.Id);

        startedId.ShouldNotBe(earlierId);
        var started = await host.WithDb(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == startedId));
        (started.Kind, started.Status, started.SpellId, started.ReferralId, started.CarriedFromConversationId)
            .ShouldBe((ConversationKind.First, ConversationStatus.Draft, returning.SpellId, (Guid?)returning.Id, (Guid?)earlierId));
        (started.Content.WhatMatters, started.Content.Strengths).ShouldBe((said.WhatMatters, said.Strengths));
        started.Content.Needs.ShouldBe(said.Needs);
        started.Content.Goals.ShouldBe([new Goal("Sleep through the night", null), new Goal("Open the post every week", null)]);
        started.Content.Dialog.ShouldBeEmpty();
        started.Content.HasAnyRating.ShouldBeFalse("a new spell needs a new baseline");
        var earlier = await host.WithDb(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == earlierId));
        (earlier.Status, earlier.Content.Goals[0].Rating).ShouldBe((ConversationStatus.Completed, 2));
    }
}
