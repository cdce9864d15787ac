using Hub.Domain.Common;
using Hub.Domain.Conversations;

namespace Hub.UnitTests.Conversations;

/// <summary>A conversation kept section by section: each saved on its own, completed when all are.</summary>
public sealed class ConversationSectionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Practitioner = Guid.NewGuid();

    private static Conversation Draft() => Conversation.StartFirst(Guid.NewGuid(), Guid.NewGuid(), null, Practitioner, Start);

    [Fact]
    public void Should_take_only_the_saved_section_and_leave_every_other_section_as_it_was()
    {
        var conversation = Draft();
        conversation.SaveSection(ConversationSection.WhatMatters, new ConversationContent { WhatMatters = "The allotment" }, null, Practitioner, Start);

        conversation.SaveSection(ConversationSection.SafetyPlan,
            new ConversationContent { WhatMatters = "Not from this page", SafetyPlan = new SafetyPlan { WhatHelps = "A walk" } }, true, Practitioner, Start);

        conversation.Content.WhatMatters.ShouldBe("The allotment", "another section's page never changes what matters");
        conversation.Content.SafetyPlan.WhatHelps.ShouldBe("A walk");
        conversation.Content.CompletedSections.ShouldBe([ConversationSection.SafetyPlan]);
    }

    [Fact]
    public void Should_show_not_started_then_in_progress_then_completed()
    {
        var conversation = Draft();
        conversation.Content.ProgressOf(ConversationSection.Goals).ShouldBe(SectionProgress.NotStarted);

        conversation.SaveSection(ConversationSection.Goals, new ConversationContent { Goals = [new Goal("Sleep better", null)] }, false, Practitioner, Start);
        conversation.Content.ProgressOf(ConversationSection.Goals).ShouldBe(SectionProgress.InProgress);

        conversation.SaveSection(ConversationSection.Goals, new ConversationContent { Goals = [new Goal("Sleep better", null)] }, true, Practitioner, Start);
        conversation.Content.ProgressOf(ConversationSection.Goals).ShouldBe(SectionProgress.Completed);

        // Nothing to record is still a section the practitioner can say is complete.
        conversation.SaveSection(ConversationSection.People, ConversationContent.Empty, true, Practitioner, Start);
        conversation.Content.ProgressOf(ConversationSection.People).ShouldBe(SectionProgress.Completed);
    }

    [Fact]
    public void Should_refuse_to_complete_until_every_section_is_completed_and_name_those_that_are_not()
    {
        var conversation = Draft();
        foreach (var section in ConversationSections.All.Where(s => s != ConversationSection.Dialog && s != ConversationSection.Summary))
        {
            conversation.SaveSection(section, ConversationContent.Empty, true, Practitioner, Start);
        }

        conversation.IncompleteSections.ShouldBe([ConversationSection.Dialog, ConversationSection.Summary]);
        Should.Throw<DomainRuleException>(() => conversation.Complete(Practitioner, Start));
        conversation.Status.ShouldBe(ConversationStatus.Draft);

        conversation.SaveSection(ConversationSection.Dialog, ConversationContent.Empty, true, Practitioner, Start);
        conversation.SaveSection(ConversationSection.Summary, ConversationContent.Empty, true, Practitioner, Start);
        var version = conversation.Complete(Practitioner, Start.AddHours(1));

        version.Number.ShouldBe(1);
        conversation.Status.ShouldBe(ConversationStatus.Completed);
    }

    [Fact]
    public void Should_make_a_new_version_when_a_section_of_a_completed_conversation_is_saved()
    {
        var conversation = Draft();
        conversation.Complete(new ConversationContent { WhatMatters = "First" }, Practitioner, Start);

        var version = conversation.SaveSection(ConversationSection.WhatMatters, new ConversationContent { WhatMatters = "Second" }, false, Practitioner, Start.AddDays(1));

        version.ShouldNotBeNull().Number.ShouldBe(2);
        conversation.Content.WhatMatters.ShouldBe("Second");
        conversation.Content.CompletedSections.ShouldBe(ConversationSections.All, "a completed conversation's sections stay completed");
    }

    [Fact]
    public void Should_add_change_and_remove_one_person_at_a_time()
    {
        var mum = new NetworkMember("Mum", null, RelationshipQuality.Supportive, ContactFrequency.Daily, true);
        var sam = new NetworkMember("Sam", "friend", RelationshipQuality.Mixed, ContactFrequency.Monthly, false);

        var content = ConversationContent.Empty.WithNetworkChange(null, mum).WithNetworkChange(null, sam);
        content.Network.ShouldBe([mum, sam]);

        content = content.WithNetworkChange(1, sam with { Frequency = ContactFrequency.Weekly });
        content.Network[1].Frequency.ShouldBe(ContactFrequency.Weekly);

        content = content.WithNetworkChange(0, null);
        content.Network.ShouldHaveSingleItem().Name.ShouldBe("Sam");
        Should.Throw<DomainRuleException>(() => content.WithNetworkChange(3, null));
    }

    [Fact]
    public void Should_change_a_sections_stamp_only_when_that_section_changes()
    {
        var content = new ConversationContent { WhatMatters = "The allotment" };
        var stamp = content.StampOf(ConversationSection.WhatMatters);

        (content with { Strengths = "Patience" }).StampOf(ConversationSection.WhatMatters).ShouldBe(stamp, "another section's change leaves it");
        (content with { WhatMatters = "Choir" }).StampOf(ConversationSection.WhatMatters).ShouldNotBe(stamp);
        content.MarkedComplete(ConversationSection.WhatMatters, true).StampOf(ConversationSection.WhatMatters).ShouldNotBe(stamp, "the completed mark is part of it");
    }

    [Fact]
    public void Should_clear_the_completed_marks_when_a_review_carries_the_content_forward()
    {
        var first = Draft();
        first.Complete(new ConversationContent { WhatMatters = "First", Goals = [new Goal("Sleep", 3)] }, Practitioner, Start);

        var review = Conversation.StartReview(first, first.SpellId, Practitioner, Start.AddDays(30));

        review.Content.CompletedSections.ShouldBeEmpty("each section of the review is gone through again");
        review.IncompleteSections.Count.ShouldBe(ConversationSections.All.Count);
        review.Content.Goals.ShouldHaveSingleItem().Rating.ShouldBeNull("ratings are asked afresh, never carried");
    }
}
