using Hub.Domain.Common;
using Hub.Domain.Contacts;
using Hub.Domain.SupportPlans;

namespace Hub.UnitTests.Domain;

public sealed class MeetingReminderAndGroupStepTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static NetworkMeeting MeetingAt(DateTimeOffset at) =>
        new(Guid.NewGuid(), Guid.NewGuid(), at, ContactMedium.FaceToFace, ContactPlace.Hub, [Guid.NewGuid()], [], null, Guid.NewGuid(), Now);

    [Fact]
    public void Should_make_a_meeting_reminder_due_only_within_a_day_before_it_and_only_once()
    {
        var meeting = MeetingAt(Now.AddHours(30));
        meeting.ReminderDue(Now).ShouldBeFalse("more than a day ahead");
        meeting.ReminderDue(Now.AddHours(6)).ShouldBeTrue("24 hours ahead");
        meeting.ReminderDue(Now.AddHours(30)).ShouldBeFalse("once it starts, never");

        meeting.MarkReminded(Now.AddHours(7));
        meeting.ReminderDue(Now.AddHours(8)).ShouldBeFalse("one reminder a meeting");
        Should.Throw<DomainRuleException>(() => meeting.MarkReminded(Now.AddHours(8)));
    }

    [Fact]
    public void Should_never_remind_of_a_cancelled_meeting()
    {
        var meeting = MeetingAt(Now.AddHours(2));
        meeting.Cancel();
        meeting.ReminderDue(Now).ShouldBeFalse();
    }

    [Fact]
    public void Should_add_a_group_step_naming_the_group_as_who_helps_only_to_the_section_it_is_about()
    {
        var group = Guid.NewGuid();
        var suggestion = PlanSuggestion.StepWithGroup(Guid.NewGuid(), Guid.NewGuid(), "Go along to Walk and talk", group, "Walk and talk", Guid.NewGuid(), Now);
        var plan = PlanContent.Empty with { WhatMattersToMe = "My words", Steps = [new PlanStep("Mine", [])] };

        var after = suggestion.ApplyTo(plan);

        after.Steps.Select(s => s.Text).ShouldBe(["Mine", "Go along to Walk and talk"]);
        after.Steps[0].Helpers.ShouldBeEmpty();
        after.Steps[1].Helpers.ShouldBe([new Helper(HelperKind.CommunityOffer, "Walk and talk", group)]);
        after.WhatMattersToMe.ShouldBe("My words");
        (suggestion.Section, suggestion.OfferId, suggestion.IsWaiting).ShouldBe((PlanSection.AddStep, (Guid?)group, true));
    }
}
