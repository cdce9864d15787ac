using System.Text.Json;
using FluentValidation;
using Hub.Application.Conversations.GetConversation;
using Hub.Application.Conversations.GetConversationVersion;
using Hub.Application.Conversations.SaveConversation;
using Hub.Application.Conversations.StartConversation;
using Hub.Application.Conversations.StartReview;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Conversations;

/// <summary>
/// Strengths-based conversations end to end on PostgreSQL: drafts, completion, versions, reviews
/// with reliable change, the four-week clock, conflicts and the audit trail. Every name and word
/// here is invented.
/// </summary>
public sealed class ConversationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Guid Practitioner = ApplicationHost.PractitionerId;
    private static readonly Guid OtherPractitioner = ApplicationHost.OtherPractitionerId;

    private static async Task<Referral> NewReferral(ApplicationHost host)
    {
        var result = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers
        {
            ContactMethod = ContactMethod.TheyWillCallUs,
            PreferredName = "Test person",
        }, Guid.NewGuid()));
        return await host.WithDb(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Reference == result.Reference));
    }

    private static async Task<(Referral Referral, Guid ConversationId)> Started(ApplicationHost host)
    {
        var referral = await NewReferral(host);
        var id = await host.SendAsPractitioner(new StartConversation(referral.Id));
        return (referral, id);
    }

    /// <summary>The stored conversation, read without writing an audit row.</summary>
    private static Task<Conversation> Stored(ApplicationHost host, Guid id) =>
        host.WithDb(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id));

    private static async Task<SaveConversationResult> Save(ApplicationHost host, Guid id, ConversationContent content, SaveIntent intent, Guid? userId = null)
    {
        var token = (await Stored(host, id)).ConcurrencyToken;
        return await host.SendAsPractitioner(new SaveConversation(id, content, token, intent), userId);
    }

    private static Dictionary<string, RatedAnswer> Dialog(int lifeAreas, int? treatment = null)
    {
        var dialog = BuiltInMeasures.DialogLifeAreas.ToDictionary(code => code, _ => new RatedAnswer(lifeAreas, null));
        if (treatment is { } t)
        {
            foreach (var code in BuiltInMeasures.DialogTreatmentItems)
            {
                dialog[code] = new RatedAnswer(t, null);
            }
        }
        return dialog;
    }

    private static ConversationContent Rated(int lifeAreas, params Goal[] goals) => new()
    {
        WhatMatters = "Seeing my sister more often",
        Strengths = "Good listener",
        Network = [new NetworkMember("Sister", "Family", RelationshipQuality.Supportive, ContactFrequency.Weekly, true)],
        Dialog = Dialog(lifeAreas, treatment: 4),
        Goals = goals,
    };

    /// <summary>What was said, as JSON; the sections' completed marks are progress, not words, so they are left out.</summary>
    private static string Json(ConversationContent content) => JsonSerializer.Serialize(content with { CompletedSections = [] });

    private static Task<List<OutcomeRecord>> Outcomes(ApplicationHost host, Guid conversationId) =>
        host.WithDb(db => db.OutcomeRecords.AsNoTracking().Where(o => o.ConversationId == conversationId).OrderBy(o => o.MeasureCode).ToListAsync());

    private static Task<Dictionary<AuditAction, int>> AuditCounts(ApplicationHost host, Guid recordId) =>
        host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordId == recordId)
            .GroupBy(a => a.Action).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));

    [SkippableFact]
    public async Task Should_start_a_draft_from_a_referral_and_return_the_same_draft_when_started_again()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);

        var again = await host.SendAsPractitioner(new StartConversation(referral.Id), OtherPractitioner);

        again.ShouldBe(id);
        var view = await host.SendAsPractitioner(new GetConversation(id));
        view.Kind.ShouldBe(ConversationKind.First);
        view.Status.ShouldBe(ConversationStatus.Draft);
        view.VersionNumber.ShouldBe(0);
        view.Versions.ShouldBeEmpty();
        view.ReferralId.ShouldBe(referral.Id);
        view.ReferralReference.ShouldBe(referral.Reference);
        view.PersonId.ShouldBe(referral.PersonId);
        view.Content.HasAnyRating.ShouldBeFalse();
        view.Scores.ShouldAllBe(s => s.Score == null);
        view.Changes.ShouldBeEmpty();
        (await host.WithDb(db => db.Conversations.CountAsync(c => c.SpellId == referral.SpellId))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_keep_a_saved_draft_to_resume_later_without_making_a_version()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);
        var draft = new ConversationContent
        {
            WhatMatters = "Getting out of the flat",
            Dialog = new Dictionary<string, RatedAnswer> { ["mental-health"] = new(2, "Hard month") },
            Goals = [new Goal("Walk to the park twice a week", null)],
        };

        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var result = await Save(host, id, draft, SaveIntent.SaveDraft);

        result.Saved.ShouldBeTrue();
        result.VersionNumber.ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromDays(2));
        var resumed = await host.SendAsPractitioner(new GetConversation(id));
        Json(resumed.Content).ShouldBe(Json(draft));
        resumed.Token.ShouldBe(result.Token);
        resumed.Status.ShouldBe(ConversationStatus.Draft);
        resumed.Versions.ShouldBeEmpty();
        (await host.WithDb(db => db.ConversationVersions.CountAsync(v => v.ConversationId == id))).ShouldBe(0);
        (await Outcomes(host, id)).ShouldBeEmpty();
        var spell = await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId));
        spell.AssessedAt.ShouldBeNull();
        spell.BaselineMeasuredAt.ShouldBeNull();
    }

    [SkippableFact]
    public async Task Should_complete_as_version_one_with_scores_baseline_outcomes_and_the_clocks_assessment_and_baseline_dates()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);
        host.Clock.Advance(TimeSpan.FromDays(6));
        var completedAt = host.Clock.GetUtcNow();
        var content = Rated(3, new Goal("Sleep through the night", 2), new Goal("Join a walking group", 5)) with
        {
            Dialog = new Dictionary<string, RatedAnswer>
            {
                ["mental-health"] = new(4, null), ["physical-health"] = new(5, null), ["job-situation"] = new(3, null), ["accommodation"] = new(6, null),
                ["leisure-activities"] = new(2, null), ["friendships"] = new(4, null), ["partner-family"] = new(5, null), ["personal-safety"] = new(7, null),
                ["medication"] = new(3, null), ["practical-help"] = new(4, null), ["meetings-with-professionals"] = new(5, null),
            },
        };

        var result = await Save(host, id, content, SaveIntent.Complete);

        result.Saved.ShouldBeTrue();
        result.VersionNumber.ShouldBe(1);
        var view = await host.SendAsPractitioner(new GetConversation(id));
        view.Status.ShouldBe(ConversationStatus.Completed);
        view.Versions.Select(v => v.Number).ShouldBe([1]);
        view.Versions[0].SavedAt.ShouldBe(completedAt);
        view.Scores.Single(s => s.Scale == "Quality of life").Score.ShouldBe(4.5m);
        view.Scores.Single(s => s.Scale == "Treatment satisfaction").Score.ShouldBe(4.0m);
        view.Clock.AssessedAt.ShouldBe(completedAt);
        view.Clock.BaselineMeasuredAt.ShouldBe(completedAt);
        view.Clock.ClockStoppedAt.ShouldBeNull();

        var spell = await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId));
        spell.AssessedAt.ShouldBe(completedAt);
        spell.BaselineMeasuredAt.ShouldBe(completedAt);

        var outcomes = await Outcomes(host, id);
        outcomes.Select(o => o.MeasureCode).ShouldBe(["DIALOG", "GBO"]);
        outcomes.ShouldAllBe(o => o.IsBaseline && o.At == completedAt && o.SpellId == referral.SpellId && o.PersonId == referral.PersonId);
        outcomes[0].Ratings.Count.ShouldBe(11);
        outcomes[0].Ratings["personal-safety"].ShouldBe(7);
        outcomes[1].Ratings.ShouldBe(new Dictionary<string, int?> { ["goal-1"] = 2, ["goal-2"] = 5 });
    }

    [SkippableFact]
    public async Task Should_record_the_assessment_but_not_a_baseline_measure_when_nothing_was_rated()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);
        host.Clock.Advance(TimeSpan.FromDays(3));

        await Save(host, id, new ConversationContent { WhatMatters = "Not ready to rate things today", Goals = [new Goal("Sleep better", null)] }, SaveIntent.Complete);

        var spell = await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId));
        spell.AssessedAt.ShouldBe(host.Clock.GetUtcNow());
        spell.BaselineMeasuredAt.ShouldBeNull();
        spell.ClockStoppedAt.ShouldBeNull();
        (await Outcomes(host, id)).ShouldBeEmpty();
    }

    /// <summary>
    /// The baseline measure is dated when ratings were first recorded. Rating in a later version
    /// must not back-date it to the first completion: that would stop the four-week clock early.
    /// </summary>
    [SkippableFact]
    public async Task Should_date_the_baseline_measure_when_ratings_are_first_saved_not_when_the_conversation_was_first_completed()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);
        host.Clock.Advance(TimeSpan.FromDays(3));
        var assessedAt = host.Clock.GetUtcNow();
        await Save(host, id, new ConversationContent { WhatMatters = "Not ready to rate things today" }, SaveIntent.Complete);

        host.Clock.Advance(TimeSpan.FromDays(30));
        var ratedAt = host.Clock.GetUtcNow();
        await Save(host, id, Rated(4), SaveIntent.SaveNewVersion);

        var spell = await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId));
        spell.AssessedAt.ShouldBe(assessedAt);
        spell.BaselineMeasuredAt.ShouldBe(ratedAt);
    }

    [SkippableFact]
    public async Task Should_keep_version_one_as_it_was_when_a_second_practitioner_saves_version_two()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);
        var original = Rated(3, new Goal("Sleep through the night", 2));
        await Save(host, id, original, SaveIntent.Complete);
        var completedAt = host.Clock.GetUtcNow();

        host.Clock.Advance(TimeSpan.FromDays(1));
        var revised = original with { PractitionerSummary = "Added after a phone call.", Goals = [new Goal("Sleep through the night", 3)] };
        var result = await Save(host, id, revised, SaveIntent.SaveNewVersion, OtherPractitioner);

        result.Saved.ShouldBeTrue();
        result.VersionNumber.ShouldBe(2);
        var view = await host.SendAsPractitioner(new GetConversation(id));
        view.Versions.Select(v => v.Number).ShouldBe([1, 2]);
        view.VersionNumber.ShouldBe(2);
        Json(view.Content).ShouldBe(Json(revised));

        var first = await host.SendAsPractitioner(new GetConversationVersion(id, 1));
        first.Number.ShouldBe(1);
        first.LatestNumber.ShouldBe(2);
        first.SavedAt.ShouldBe(completedAt);
        first.SavedBy.ShouldBe("A former member of staff");
        Json(first.Content).ShouldBe(Json(original));
        var authors = await host.WithDb(db => db.ConversationVersions.AsNoTracking().Where(v => v.ConversationId == id)
            .OrderBy(v => v.Number).Select(v => v.SavedByUserId).ToListAsync());
        authors.ShouldBe([Practitioner, OtherPractitioner]);
        Json((await host.SendAsPractitioner(new GetConversationVersion(id, 2))).Content).ShouldBe(Json(revised));
    }

    [SkippableFact]
    public async Task Should_keep_one_outcome_record_per_measure_following_the_latest_version()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);
        await Save(host, id, Rated(3, new Goal("Sleep through the night", 2)), SaveIntent.Complete);

        await Save(host, id, Rated(5, new Goal("Sleep through the night", 4)), SaveIntent.SaveNewVersion);
        await Save(host, id, Rated(6, new Goal("Sleep through the night", 7)), SaveIntent.SaveNewVersion);

        var outcomes = await Outcomes(host, id);
        outcomes.Select(o => o.MeasureCode).ShouldBe(["DIALOG", "GBO"]);
        outcomes[0].Ratings["mental-health"].ShouldBe(6);
        outcomes[1].Ratings["goal-1"].ShouldBe(7);
        outcomes.ShouldAllBe(o => o.IsBaseline);
    }

    [SkippableFact]
    public async Task Should_drop_the_outcome_record_of_a_measure_whose_ratings_a_later_version_removes()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);
        await Save(host, id, Rated(3, new Goal("Sleep through the night", 2)), SaveIntent.Complete);

        await Save(host, id, Rated(3, new Goal("Sleep through the night", null)), SaveIntent.SaveNewVersion);

        (await Outcomes(host, id)).Select(o => o.MeasureCode).ShouldBe(["DIALOG"]);
    }

    [SkippableFact]
    public async Task Should_carry_the_goals_into_a_review_without_their_ratings_or_the_DIALOG_answers()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);
        await Save(host, id, Rated(3, new Goal("Sleep through the night", 2), new Goal("Join a walking group", 5)), SaveIntent.Complete);
        host.Clock.Advance(TimeSpan.FromDays(42));

        var reviewId = await host.SendAsPractitioner(new StartReview(id), OtherPractitioner);

        reviewId.ShouldNotBe(id);
        var review = await host.SendAsPractitioner(new GetConversation(reviewId));
        review.Kind.ShouldBe(ConversationKind.Review);
        review.Status.ShouldBe(ConversationStatus.Draft);
        review.Content.Goals.ShouldBe([new Goal("Sleep through the night", null), new Goal("Join a walking group", null)]);
        review.Content.Dialog.ShouldBeEmpty();
        review.Content.WhatMatters.ShouldBe("Seeing my sister more often");
        review.Content.Network.Single().Name.ShouldBe("Sister");
        review.BaselineContent.ShouldNotBeNull().Goals[0].Rating.ShouldBe(2);
        review.StartedAt.ShouldBe(host.Clock.GetUtcNow());
        (await host.SendAsPractitioner(new StartReview(id))).ShouldBe(reviewId);
        (await host.WithDb(db => db.Conversations.CountAsync(c => c.SpellId == referral.SpellId))).ShouldBe(2);
    }

    [SkippableFact]
    public async Task Should_refuse_to_review_a_conversation_that_is_still_a_draft()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);

        await Should.ThrowAsync<DomainRuleException>(() => host.SendAsPractitioner(new StartReview(id)));
    }

    [SkippableFact]
    public async Task Should_show_reliable_change_since_baseline_when_a_review_is_completed()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);
        await Save(host, id, Rated(3, new Goal("Sleep through the night", 2), new Goal("Join a walking group", 5), new Goal("Cook twice a week", 8)), SaveIntent.Complete);
        host.Clock.Advance(TimeSpan.FromDays(60));
        var reviewId = await host.SendAsPractitioner(new StartReview(id));
        var carried = (await Stored(host, reviewId)).Content;

        var followUp = carried with
        {
            Dialog = Dialog(4, treatment: 4),
            Goals = [carried.Goals[0] with { Rating = 6 }, carried.Goals[1] with { Rating = 6 }, carried.Goals[2] with { Rating = 4 }],
        };
        var result = await Save(host, reviewId, followUp, SaveIntent.Complete);

        result.VersionNumber.ShouldBe(1);
        var view = await host.SendAsPractitioner(new GetConversation(reviewId));
        var dialog = view.Changes.Single(c => c.MeasureCode == "DIALOG");
        var qualityOfLife = dialog.Scales.Single(s => s.ScaleCode == "quality-of-life");
        qualityOfLife.Baseline.ShouldBe(3m);
        qualityOfLife.FollowUp.ShouldBe(4m);
        qualityOfLife.Change.ShouldBe(1m);
        qualityOfLife.Category.ShouldBe(ChangeCategory.ReliablyImproved);
        dialog.Scales.Single(s => s.ScaleCode == "treatment-satisfaction").Category.ShouldBe(ChangeCategory.NoReliableChange);
        dialog.Items.Single(i => i.ItemCode == "mental-health").Label.ShouldBe("Mental health");

        var gbo = view.Changes.Single(c => c.MeasureCode == "GBO");
        gbo.Scales.Select(s => (s.Name, s.Category)).ShouldBe(
        [
            ("Sleep through the night", (ChangeCategory?)ChangeCategory.ReliablyImproved),
            ("Join a walking group", ChangeCategory.NoReliableChange),
            ("Cook twice a week", ChangeCategory.ReliablyDeteriorated),
        ]);
        gbo.Items.Select(i => i.Label).ShouldBe(["Sleep through the night", "Join a walking group", "Cook twice a week"]);

        var outcomes = await Outcomes(host, reviewId);
        outcomes.Select(o => o.MeasureCode).ShouldBe(["DIALOG", "GBO"]);
        outcomes.ShouldAllBe(o => !o.IsBaseline && o.At == host.Clock.GetUtcNow());
        (await Outcomes(host, id)).ShouldAllBe(o => o.IsBaseline);
    }

    [SkippableFact]
    public async Task Should_compare_a_review_of_a_review_with_the_first_conversation()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);
        await Save(host, id, Rated(2, new Goal("Sleep through the night", 1)), SaveIntent.Complete);
        var reviewId = await host.SendAsPractitioner(new StartReview(id));
        await Save(host, reviewId, Rated(3, new Goal("Sleep through the night", 3)), SaveIntent.Complete);

        var secondId = await host.SendAsPractitioner(new StartReview(reviewId));
        await Save(host, secondId, Rated(4, new Goal("Sleep through the night", 6)), SaveIntent.Complete);

        (await Stored(host, secondId)).BaselineConversationId.ShouldBe(id);
        var view = await host.SendAsPractitioner(new GetConversation(secondId));
        var qualityOfLife = view.Changes.Single(c => c.MeasureCode == "DIALOG").Scales.Single(s => s.ScaleCode == "quality-of-life");
        qualityOfLife.Baseline.ShouldBe(2m);
        qualityOfLife.Category.ShouldBe(ChangeCategory.ReliablyImproved);
        view.Changes.Single(c => c.MeasureCode == "GBO").Scales.Single().Category.ShouldBe(ChangeCategory.ReliablyImproved);
    }

    [SkippableFact]
    public async Task Should_refuse_a_stale_save_and_return_what_the_other_practitioner_saved_without_losing_it()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);
        var seenByBoth = (await host.SendAsPractitioner(new GetConversation(id))).Token;
        var firstWords = new ConversationContent { WhatMatters = "My allotment", Goals = [new Goal("Grow tomatoes", 3)] };
        var secondWords = new ConversationContent { WhatMatters = "Something else entirely" };

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var first = await host.SendAsPractitioner(new SaveConversation(id, firstWords, seenByBoth, SaveIntent.SaveDraft));
        var second = await host.SendAsPractitioner(new SaveConversation(id, secondWords, seenByBoth, SaveIntent.SaveDraft), OtherPractitioner);

        first.Saved.ShouldBeTrue();
        second.Saved.ShouldBeFalse();
        var conflict = second.Conflict.ShouldNotBeNull();
        Json(conflict.CurrentContent).ShouldBe(Json(firstWords));
        conflict.CurrentToken.ShouldBe(first.Token);
        second.Token.ShouldBe(first.Token);
        conflict.SavedAt.ShouldBe(host.Clock.GetUtcNow());
        var stored = await Stored(host, id);
        Json(stored.Content).ShouldBe(Json(firstWords));
        stored.UpdatedByUserId.ShouldBe(Practitioner);
        stored.ConcurrencyToken.ShouldBe(first.Token);
    }

    [SkippableFact]
    public async Task Should_refuse_a_stale_completion_without_completing_or_versioning()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);
        var seenByBoth = (await Stored(host, id)).ConcurrencyToken;

        await host.SendAsPractitioner(new SaveConversation(id, new ConversationContent { WhatMatters = "First" }, seenByBoth, SaveIntent.SaveDraft));
        var stale = await host.SendAsPractitioner(new SaveConversation(id, Rated(4), seenByBoth, SaveIntent.Complete), OtherPractitioner);

        stale.Saved.ShouldBeFalse();
        var stored = await Stored(host, id);
        stored.Status.ShouldBe(ConversationStatus.Draft);
        stored.Content.WhatMatters.ShouldBe("First");
        (await host.WithDb(db => db.ConversationVersions.CountAsync(v => v.ConversationId == id))).ShouldBe(0);
        (await Outcomes(host, id)).ShouldBeEmpty();
        (await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId))).AssessedAt.ShouldBeNull();
    }

    [SkippableFact]
    public async Task Should_let_exactly_one_of_twenty_parallel_draft_saves_from_the_same_token_succeed()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);
        var token = (await Stored(host, id)).ConcurrencyToken;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            host.SendAsPractitioner(new SaveConversation(id, new ConversationContent { WhatMatters = $"Attempt {i}" }, token, SaveIntent.SaveDraft)))));

        var winner = results.Where(r => r.Saved).ShouldHaveSingleItem();
        results.Where(r => !r.Saved).ShouldAllBe(r => r.Conflict != null && r.Token == winner.Token);
        var stored = await Stored(host, id);
        stored.ConcurrencyToken.ShouldBe(winner.Token);
        (await AuditCounts(host, id)).GetValueOrDefault(AuditAction.Update).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_let_exactly_one_of_twenty_parallel_completions_from_the_same_token_succeed()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);
        var token = (await Stored(host, id)).ConcurrencyToken;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            host.SendAsPractitioner(new SaveConversation(id, Rated(1 + i % 7), token, SaveIntent.Complete)))));

        results.Count(r => r.Saved).ShouldBe(1);
        (await host.WithDb(db => db.ConversationVersions.CountAsync(v => v.ConversationId == id))).ShouldBe(1);
        (await Outcomes(host, id)).Count.ShouldBe(1);
        (await AuditCounts(host, id)).GetValueOrDefault(AuditAction.Create).ShouldBe(2);
    }

    [SkippableFact]
    public async Task Should_reject_a_DIALOG_rating_of_nine_and_change_nothing()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);
        await Save(host, id, new ConversationContent { WhatMatters = "Kept" }, SaveIntent.SaveDraft);
        var before = await Stored(host, id);
        var invalid = Rated(4) with { Dialog = new Dictionary<string, RatedAnswer> { ["mental-health"] = new(9, null) } };

        var ex = await Should.ThrowAsync<ValidationException>(() =>
            host.SendAsPractitioner(new SaveConversation(id, invalid, before.ConcurrencyToken, SaveIntent.Complete)));

        ex.Errors.ShouldContain(e => e.ErrorMessage == "Choose a rating from 1 to 7, or leave it not answered");
        var after = await Stored(host, id);
        after.ConcurrencyToken.ShouldBe(before.ConcurrencyToken);
        after.Status.ShouldBe(ConversationStatus.Draft);
        Json(after.Content).ShouldBe(Json(before.Content));
        (await host.WithDb(db => db.ConversationVersions.CountAsync(v => v.ConversationId == id))).ShouldBe(0);
        (await Outcomes(host, id)).ShouldBeEmpty();
        (await host.WithDb(db => db.Spells.AsNoTracking().SingleAsync(s => s.Id == referral.SpellId))).AssessedAt.ShouldBeNull();
        (await AuditCounts(host, id)).GetValueOrDefault(AuditAction.Update).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_refuse_a_draft_save_after_completion_rather_than_make_a_version_recorded_as_a_draft()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);
        await Save(host, id, Rated(3), SaveIntent.Complete);

        await Should.ThrowAsync<DomainRuleException>(() => Save(host, id, Rated(5), SaveIntent.SaveDraft));

        var stored = await Stored(host, id);
        stored.VersionNumber.ShouldBe(1);
        stored.Content.Dialog["mental-health"].Rating.ShouldBe(3);
    }

    [SkippableFact]
    public async Task Should_refuse_to_make_a_new_version_of_a_draft()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (_, id) = await Started(host);

        await Should.ThrowAsync<DomainRuleException>(() => Save(host, id, Rated(3), SaveIntent.SaveNewVersion));

        (await Stored(host, id)).Status.ShouldBe(ConversationStatus.Draft);
    }

    /// <summary>
    /// One first conversation per spell: its ratings are the spell's baseline. Starting from the
    /// referral again once it is complete must not begin a second baseline.
    /// </summary>
    [SkippableFact]
    public async Task Should_not_start_a_second_first_conversation_once_the_spells_first_conversation_is_complete()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);
        await Save(host, id, Rated(3), SaveIntent.Complete);

        var again = await host.SendAsPractitioner(new StartConversation(referral.Id), OtherPractitioner);

        again.ShouldBe(id);
        (await host.WithDb(db => db.Conversations.CountAsync(c => c.SpellId == referral.SpellId && c.Kind == ConversationKind.First))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_start_only_one_first_conversation_when_two_practitioners_start_at_once()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var referral = await NewReferral(host);

        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => host.SendAsPractitioner(new StartConversation(referral.Id)))));

        ids.Distinct().Count().ShouldBe(1);
        (await host.WithDb(db => db.Conversations.CountAsync(c => c.SpellId == referral.SpellId))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Should_write_exactly_one_audit_row_for_each_view_and_each_change()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        var (referral, id) = await Started(host);                                           // create
        var token = (await host.SendAsPractitioner(new GetConversation(id))).Token;         // view
        var draft = await host.SendAsPractitioner(new SaveConversation(id, new ConversationContent { WhatMatters = "Draft" }, token, SaveIntent.SaveDraft)); // update
        var completed = await host.SendAsPractitioner(new SaveConversation(id, Rated(3, new Goal("Sleep better", 2)), draft.Token, SaveIntent.Complete)); // create
        await host.SendAsPractitioner(new SaveConversation(id, Rated(4, new Goal("Sleep better", 2)), completed.Token, SaveIntent.SaveNewVersion), OtherPractitioner); // create
        await host.SendAsPractitioner(new GetConversation(id));                              // view
        await host.SendAsPractitioner(new GetConversationVersion(id, 1));                    // view (of the version)
        var reviewId = await host.SendAsPractitioner(new StartReview(id));                   // create (of the review)

        var counts = await AuditCounts(host, id);
        counts.ShouldBe(new Dictionary<AuditAction, int> { [AuditAction.Create] = 3, [AuditAction.View] = 2, [AuditAction.Update] = 1 }, ignoreOrder: true);
        var rows = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordId == id).OrderBy(a => a.WriterNumber).ToListAsync());
        rows.Select(r => r.Screen).ShouldBe(
        [
            "Conversation: start", "Conversation: view", "Conversation: save draft", "Conversation: complete", "Conversation: new version", "Conversation: view",
        ]);
        rows.ShouldAllBe(r => r.PersonId == referral.PersonId && r.RecordType == nameof(Conversation) && r.ActorRole == "Practitioner");
        rows.Select(r => r.ActorUserId).ShouldBe([Practitioner, Practitioner, Practitioner, Practitioner, OtherPractitioner, Practitioner]);

        var version1 = await host.WithDb(db => db.ConversationVersions.AsNoTracking().SingleAsync(v => v.ConversationId == id && v.Number == 1));
        var versionRows = await host.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordId == version1.Id).ToListAsync());
        var versionRow = versionRows.ShouldHaveSingleItem();
        (versionRow.Action, versionRow.RecordType, versionRow.PersonId).ShouldBe((AuditAction.View, nameof(ConversationVersion), (Guid?)referral.PersonId));

        (await AuditCounts(host, reviewId)).ShouldBe(new Dictionary<AuditAction, int> { [AuditAction.Create] = 1 }, ignoreOrder: true);
    }
}
