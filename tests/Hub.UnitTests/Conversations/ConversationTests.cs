using Hub.Domain.Common;
using Hub.Domain.Conversations;

namespace Hub.UnitTests.Conversations;

public sealed class ConversationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Spell = Guid.NewGuid();
    private static readonly Guid Practitioner = Guid.NewGuid();
    private static readonly Guid OtherPractitioner = Guid.NewGuid();

    private static ConversationContent Said(string whatMatters, params Goal[] goals) => new()
    {
        WhatMatters = whatMatters,
        Dialog = new Dictionary<string, RatedAnswer> { ["mental-health"] = new(3, "Some better days"), ["friendships"] = new(5, null) },
        Goals = goals,
        OtherMeasures = new Dictionary<string, IReadOnlyDictionary<string, int?>> { ["EXAMPLE"] = new Dictionary<string, int?> { ["first"] = 2 } },
    };

    private static Conversation Completed(ConversationContent content)
    {
        var conversation = Conversation.StartFirst(Person, Spell, Guid.NewGuid(), Practitioner, Start);
        conversation.Complete(content, Practitioner, Start.AddHours(1));
        return conversation;
    }

    [Fact]
    public void Should_start_a_first_conversation_as_an_empty_draft_with_no_version()
    {
        var conversation = Conversation.StartFirst(Person, Spell, null, Practitioner, Start);

        conversation.Kind.ShouldBe(ConversationKind.First);
        conversation.Status.ShouldBe(ConversationStatus.Draft);
        conversation.VersionNumber.ShouldBe(0);
        conversation.BaselineConversationId.ShouldBeNull();
        conversation.Content.ShouldBeSameAs(ConversationContent.Empty);
        conversation.CompletedAt.ShouldBeNull();
    }

    [Fact]
    public void Should_keep_draft_saves_as_the_draft_without_making_versions()
    {
        var conversation = Conversation.StartFirst(Person, Spell, null, Practitioner, Start);

        conversation.SaveDraft(Said("First words"), Practitioner, Start.AddMinutes(5));
        conversation.SaveDraft(Said("Second words"), OtherPractitioner, Start.AddMinutes(10));

        conversation.Status.ShouldBe(ConversationStatus.Draft);
        conversation.VersionNumber.ShouldBe(0);
        conversation.Content.WhatMatters.ShouldBe("Second words");
        conversation.UpdatedByUserId.ShouldBe(OtherPractitioner);
        conversation.UpdatedAt.ShouldBe(Start.AddMinutes(10));
        conversation.StartedByUserId.ShouldBe(Practitioner);
    }

    [Fact]
    public void Should_change_the_concurrency_token_on_every_save()
    {
        var conversation = Conversation.StartFirst(Person, Spell, null, Practitioner, Start);
        var tokens = new List<Guid> { conversation.ConcurrencyToken };

        conversation.SaveDraft(Said("a"), Practitioner, Start);
        tokens.Add(conversation.ConcurrencyToken);
        conversation.Complete(Said("b"), Practitioner, Start);
        tokens.Add(conversation.ConcurrencyToken);
        conversation.Revise(Said("c"), Practitioner, Start);
        tokens.Add(conversation.ConcurrencyToken);

        tokens.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void Should_make_version_one_on_completion()
    {
        var conversation = Conversation.StartFirst(Person, Spell, null, Practitioner, Start);
        var content = Said("What matters");

        var version = conversation.Complete(content, Practitioner, Start.AddHours(1));

        conversation.Status.ShouldBe(ConversationStatus.Completed);
        conversation.CompletedAt.ShouldBe(Start.AddHours(1));
        conversation.VersionNumber.ShouldBe(1);
        version.Number.ShouldBe(1);
        version.ConversationId.ShouldBe(conversation.Id);
        version.Content.WhatMatters.ShouldBe(content.WhatMatters);
        version.Content.Dialog.ShouldBeSameAs(content.Dialog);
        version.Content.CompletedSections.ShouldBe(ConversationSections.All, "given whole, every section counts as completed");
        version.Content.ShouldBeSameAs(conversation.Content, "the version is what is stored");
        version.SavedByUserId.ShouldBe(Practitioner);
        version.SavedAt.ShouldBe(Start.AddHours(1));
    }

    [Fact]
    public void Should_make_versions_two_and_three_on_revision_each_with_its_author()
    {
        var conversation = Completed(Said("One"));

        var second = conversation.Revise(Said("Two"), OtherPractitioner, Start.AddDays(1));
        var third = conversation.Revise(Said("Three"), Practitioner, Start.AddDays(2));

        second.Number.ShouldBe(2);
        second.SavedByUserId.ShouldBe(OtherPractitioner);
        second.Content.WhatMatters.ShouldBe("Two");
        third.Number.ShouldBe(3);
        third.SavedByUserId.ShouldBe(Practitioner);
        third.Content.WhatMatters.ShouldBe("Three");
        conversation.VersionNumber.ShouldBe(3);
        conversation.Content.WhatMatters.ShouldBe("Three");
        conversation.CompletedAt.ShouldBe(Start.AddHours(1));
    }

    [Fact]
    public void Should_refuse_a_draft_save_after_completion()
    {
        var conversation = Completed(Said("One"));

        Should.Throw<DomainRuleException>(() => conversation.SaveDraft(Said("Two"), Practitioner, Start.AddDays(1)));

        conversation.Content.WhatMatters.ShouldBe("One");
        conversation.VersionNumber.ShouldBe(1);
    }

    [Fact]
    public void Should_refuse_to_complete_twice_or_to_revise_a_draft()
    {
        var draft = Conversation.StartFirst(Person, Spell, null, Practitioner, Start);
        Should.Throw<DomainRuleException>(() => draft.Revise(Said("x"), Practitioner, Start));

        var completed = Completed(Said("One"));
        Should.Throw<DomainRuleException>(() => completed.Complete(Said("x"), Practitioner, Start));
        completed.VersionNumber.ShouldBe(1);
    }

    [Fact]
    public void Should_refuse_more_than_three_goals()
    {
        var conversation = Conversation.StartFirst(Person, Spell, null, Practitioner, Start);
        var four = Said("x", new Goal("One", 1), new Goal("Two", 2), new Goal("Three", 3), new Goal("Four", 4));

        Should.Throw<DomainRuleException>(() => conversation.SaveDraft(four, Practitioner, Start));
        Should.Throw<DomainRuleException>(() => conversation.Complete(four, Practitioner, Start));

        conversation.Content.Goals.ShouldBeEmpty();
        conversation.Status.ShouldBe(ConversationStatus.Draft);
    }

    [Fact]
    public void Should_start_a_review_with_the_goals_carried_forward_their_ratings_cleared_and_the_measures_emptied()
    {
        var baseline = Completed(Said("Being a good parent", new Goal("Sleep better", 2), new Goal("Join a walking group", null)) with
        {
            Strengths = "Loyal, funny",
            Network = [new NetworkMember("Neighbour", "Friend", RelationshipQuality.Supportive, ContactFrequency.Weekly, true)],
        });

        var review = Conversation.StartReview(baseline, Spell, OtherPractitioner, Start.AddDays(60));

        review.Kind.ShouldBe(ConversationKind.Review);
        review.Status.ShouldBe(ConversationStatus.Draft);
        review.VersionNumber.ShouldBe(0);
        review.BaselineConversationId.ShouldBe(baseline.Id);
        review.PersonId.ShouldBe(Person);
        review.ReferralId.ShouldBeNull();
        review.StartedByUserId.ShouldBe(OtherPractitioner);
        review.Content.Goals.ShouldBe([new Goal("Sleep better", null), new Goal("Join a walking group", null)]);
        review.Content.Dialog.ShouldBeEmpty();
        review.Content.OtherMeasures.ShouldBeEmpty();
        review.Content.HasAnyRating.ShouldBeFalse();
        review.Content.WhatMatters.ShouldBe("Being a good parent");
        review.Content.Strengths.ShouldBe("Loyal, funny");
        review.Content.Network.Count.ShouldBe(1);
        baseline.Content.Goals[0].Rating.ShouldBe(2);
        baseline.Content.Dialog.Count.ShouldBe(2);
    }

    [Fact]
    public void Should_refuse_to_review_a_conversation_that_is_still_a_draft()
    {
        var draft = Conversation.StartFirst(Person, Spell, null, Practitioner, Start);

        Should.Throw<DomainRuleException>(() => Conversation.StartReview(draft, Spell, Practitioner, Start));
    }

    [Fact]
    public void Should_point_a_review_of_a_review_at_the_original_first_conversation()
    {
        var first = Completed(Said("x", new Goal("Sleep better", 2)));
        var review = Conversation.StartReview(first, Spell, Practitioner, Start.AddDays(30));
        review.Complete(review.Content with { Goals = [new Goal("Sleep better", 5)] }, Practitioner, Start.AddDays(30));

        var secondReview = Conversation.StartReview(review, Spell, Practitioner, Start.AddDays(90));

        secondReview.BaselineConversationId.ShouldBe(first.Id);
        secondReview.Content.Goals.ShouldBe([new Goal("Sleep better", null)]);
    }

    [Fact]
    public void Should_know_whether_any_measure_was_rated()
    {
        ConversationContent.Empty.HasAnyRating.ShouldBeFalse();
        new ConversationContent { Dialog = new Dictionary<string, RatedAnswer> { ["medication"] = new(null, "Prefers not to say") } }.HasAnyRating.ShouldBeFalse();
        new ConversationContent { Goals = [new Goal("Sleep better", null)] }.HasAnyRating.ShouldBeFalse();
        new ConversationContent { Goals = [new Goal("Sleep better", 0)] }.HasAnyRating.ShouldBeTrue();
        new ConversationContent { Dialog = new Dictionary<string, RatedAnswer> { ["medication"] = new(1, null) } }.HasAnyRating.ShouldBeTrue();
        new ConversationContent
        {
            OtherMeasures = new Dictionary<string, IReadOnlyDictionary<string, int?>> { ["EXAMPLE"] = new Dictionary<string, int?> { ["first"] = 1 } },
        }.HasAnyRating.ShouldBeTrue();
    }
}
