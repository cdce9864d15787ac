using FluentValidation;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Referrals;

public sealed class SubmitSelfReferralTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static SelfReferralAnswers Answers(string phone, string? name = "Rowan") => new()
    {
        ContactMethod = ContactMethod.Phone,
        Phone = phone,
        SafeToLeaveMessage = "yes",
        PreferredName = name,
        WhatIsHappening = "  I keep crying at work.\r\nI don't know why.  ",
        ConsentToShare = "yes",
    };

    [SkippableFact]
    public async Task Should_store_the_person_their_words_a_new_spell_and_one_audit_row()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var token = Guid.NewGuid();

        var result = await host.SendAsPublic(new SubmitSelfReferral(Answers("07700 900 001"), token));

        result.AlreadySubmitted.ShouldBeFalse();
        var stored = await host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.FormToken == token));
        stored.Reference.ShouldBe(result.Reference);
        stored.WhatIsHappening.ShouldBe("I keep crying at work.\nI don't know why.");
        stored.ReceivedAt.ShouldBe(host.Clock.GetUtcNow());
        var spell = await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == stored.SpellId));
        spell.StartedAt.ShouldBe(stored.ReceivedAt);
        spell.PersonId.ShouldBe(stored.PersonId);
        var audit = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordId == stored.Id).ToListAsync());
        audit.Count.ShouldBe(1);
        audit[0].Action.ShouldBe(AuditAction.Create);
        audit[0].ActorUserId.ShouldBeNull();
        audit[0].PersonId.ShouldBe(stored.PersonId);
    }

    [SkippableFact]
    public async Task Should_return_the_same_reference_and_store_nothing_new_when_the_same_form_is_sent_again()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var token = Guid.NewGuid();

        var first = await host.SendAsPublic(new SubmitSelfReferral(Answers("07700 900 002"), token));
        var again = await host.SendAsPublic(new SubmitSelfReferral(Answers("07700 900 002"), token));

        again.Reference.ShouldBe(first.Reference);
        again.AlreadySubmitted.ShouldBeTrue();
        (await host.WithDb(db => db.Referrals.CountAsync(r => r.FormToken == token))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_store_exactly_one_referral_when_twenty_identical_submits_race()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var token = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => host.SendAsPublic(new SubmitSelfReferral(Answers("07700 900 003"), token)))));

        results.Select(r => r.Reference).Distinct().Count().ShouldBe(1);
        results.Count(r => !r.AlreadySubmitted).ShouldBe(1);
        (await host.WithDb(db => db.Referrals.CountAsync(r => r.FormToken == token))).ShouldBe(1);
        (await host.WithDb(db => db.AuditEvents.CountAsync(a => a.Screen == "Public self-referral" && db.Referrals.Any(r => r.Id == a.RecordId && r.FormToken == token)))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_suggest_but_never_merge_an_earlier_record_with_the_same_phone_number()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var first = await host.SendAsPublic(new SubmitSelfReferral(Answers("07700 900 004"), Guid.NewGuid()));
        host.Clock.Advance(TimeSpan.FromDays(40));

        var second = await host.SendAsPublic(new SubmitSelfReferral(Answers("+44 7700 900004", name: "Ro"), Guid.NewGuid()));

        var (earlier, later) = await host.WithDb(async db => (
            await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == first.Reference),
            await db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == second.Reference)));
        later.PersonId.ShouldNotBe(earlier.PersonId);
        later.SpellId.ShouldNotBe(earlier.SpellId);
        var suggestion = await host.WithDb(db => db.PossibleMatches.AsNoTracking().SingleAsync(m => m.ReferralId == later.Id));
        suggestion.CandidatePersonId.ShouldBe(earlier.PersonId);
        suggestion.Reasons.ShouldBe(MatchReasons.SamePhone);
        suggestion.Decision.ShouldBe(MatchDecision.Pending);
    }

    [SkippableFact]
    public async Task Should_accept_a_referral_with_nothing_but_the_choice_to_call_the_hub()
    {
        await using var host = new ApplicationHost(database.ConnectionString);

        var result = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs }, Guid.NewGuid()));

        var stored = await host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == result.Reference));
        stored.WhatIsHappening.ShouldBeEmpty();
        stored.ConsentToShare.ShouldBeFalse();
        (await host.WithDb(db => db.PossibleMatches.CountAsync(m => m.ReferralId == stored.Id))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_reject_invalid_answers_and_store_nothing()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var token = Guid.NewGuid();
        var bad = Answers("07700 900 005") with { WhatIsHappening = "hidden \u202Eoverride" };

        var ex = await Should.ThrowAsync<ValidationException>(() => host.SendAsPublic(new SubmitSelfReferral(bad, token)));

        ex.Errors.ShouldContain(e => e.PropertyName == "Answers.WhatIsHappening");
        (await host.WithDb(db => db.Referrals.CountAsync(r => r.FormToken == token))).ShouldBe(0);
    }
}
