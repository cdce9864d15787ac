using Hub.TestSupport;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.Conversations;

/// <summary>
/// Completing the first conversation of a spell feeds the four-week clock: it is the meaningful
/// assessment, and when anything was rated also the baseline outcome measure. A draft is neither.
/// </summary>
public sealed class ConversationFourWeekClockTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_record_the_assessment_and_the_baseline_measure_when_a_first_conversation_with_a_rating_is_completed()
    {
        var client = await Factory.SignedInAsync(Practitioner);
        var (referralId, conversationId) = await Factory.NewConversationAsync(client);
        var page = await client.EditPageAsync(conversationId, "dialog");

        // A draft with a rating is not yet an assessment.
        (await client.SubmitAsync(page, EditForm, new Dictionary<string, string> { [page.DialogRatingField("leisure-activities")] = "5" })).IsRedirect().ShouldBeTrue();
        var afterDraft = await Factory.SpellOfReferralAsync(referralId);
        afterDraft.AssessedAt.ShouldBeNull("a draft is not a meaningful assessment");
        afterDraft.BaselineMeasuredAt.ShouldBeNull("a draft's ratings are not a baseline measure");

        var completed = await client.CompleteAsync(conversationId);

        completed.IsRedirect().ShouldBeTrue("the conversation is completed");
        var spell = await Factory.SpellOfReferralAsync(referralId);
        spell.AssessedAt.ShouldNotBeNull("completing the first conversation is the meaningful assessment");
        spell.BaselineMeasuredAt.ShouldNotBeNull("a rating in it is the baseline outcome measure");
        spell.BaselineMeasuredAt.ShouldBe(spell.AssessedAt, "both were recorded by the same completion");
        var conversation = await Factory.StoredAsync(conversationId);
        spell.AssessedAt.ShouldBe(conversation.CompletedAt);
    }

    [SkippableFact]
    public async Task Should_record_only_the_assessment_when_a_first_conversation_without_ratings_is_completed()
    {
        var client = await Factory.SignedInAsync(Practitioner);
        var (referralId, conversationId) = await Factory.NewConversationAsync(client);
        var page = await client.EditPageAsync(conversationId, "dialog");

        // Words, a goal without a rating and a DIALOG comment, but no rating anywhere.
        var completed = await client.CompleteAsync(conversationId, new Dictionary<string, string>
        {
            [WhatMattersField] = "Being able to get out of the house",
            ["Form.Goals[0].Text"] = "Walk to the park",
            [page.DialogRatingField("mental-health").Replace(".Rating", ".Comment", StringComparison.Ordinal)] = "Up and down",
        });

        completed.IsRedirect().ShouldBeTrue("the conversation is completed");
        var spell = await Factory.SpellOfReferralAsync(referralId);
        spell.AssessedAt.ShouldNotBeNull("completing the first conversation is the meaningful assessment");
        spell.BaselineMeasuredAt.ShouldBeNull("nothing was rated, so there is no baseline measure yet");
        spell.ClockStoppedAt.ShouldBeNull();
        (await Factory.OutcomeRecordsAsync(conversationId)).ShouldBeEmpty("no measure was answered");
    }

    public void Dispose() => _factory?.Dispose();
}
