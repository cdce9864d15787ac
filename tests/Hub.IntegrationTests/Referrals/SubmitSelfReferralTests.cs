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

    [SkippableFact]
    public async Task Should_write_the_persons_confirmation_with_the_referral_only_when_they_chose_email_and_said_messages_are_safe()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var safe = Guid.NewGuid();
        var notSaid = Guid.NewGuid();
        var byPhone = Guid.NewGuid();

        var sent = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers
        {
            ContactMethod = ContactMethod.Email, Email = "rowan.confirm@example.org", SafeToLeaveMessage = "yes",
            PreferredName = "Rowan", WhatIsHappening = "I keep crying at work.",
        }, safe));
        var quiet = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers { ContactMethod = ContactMethod.Email, Email = "sol.confirm@example.org" }, notSaid));
        var phoned = await host.SendAsPublic(new SubmitSelfReferral(Answers("07700 900 031"), byPhone));

        var emails = await host.WithDb(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Purpose == ReferenceConfirmation.Purpose).ToListAsync());
        var confirmation = emails.ShouldHaveSingleItem("one confirmation: email chosen and messages safe; none when not said, none by phone");
        confirmation.To.ShouldBe("rowan.confirm@example.org");
        confirmation.Subject.ShouldContain(sent.Reference);
        confirmation.Body.ShouldContain($"Your reference is {sent.Reference}");
        confirmation.Body.ShouldContain("within 2 working days");
        confirmation.Body.ShouldNotContain("Rowan", Case.Sensitive, "no personal details beyond the reference and the next step");
        confirmation.Body.ShouldNotContain("crying", Case.Sensitive);
        emails.ShouldNotContain(m => m.Subject.Contains(quiet.Reference) || m.Subject.Contains(phoned.Reference));
    }

    [SkippableFact]
    public async Task Should_store_a_blank_language_and_an_unanswered_interpreter_question_as_not_given()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var blank = Guid.NewGuid();
        var no = Guid.NewGuid();

        await host.SendAsPublic(new SubmitSelfReferral(Answers("07700 900 032") with { PreferredLanguage = "  " }, blank));
        await host.SendAsPublic(new SubmitSelfReferral(Answers("07700 900 033") with { PreferredLanguage = "English", InterpreterNeeded = "no" }, no));

        var people = await host.WithDb(db => db.Referrals.AsNoTracking().Where(r => r.FormToken == blank || r.FormToken == no)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.FormToken, p.Communication.PreferredLanguage, p.Communication.InterpreterNeeded })
            .ToListAsync());
        var notGiven = people.Single(p => p.FormToken == blank);
        notGiven.PreferredLanguage.ShouldBeNull("a blank language is not given, not English");
        notGiven.InterpreterNeeded.ShouldBeNull("an unanswered question is not given, not No");
        var answered = people.Single(p => p.FormToken == no);
        answered.PreferredLanguage.ShouldBe("English");
        answered.InterpreterNeeded.ShouldBe(false);
    }
}
