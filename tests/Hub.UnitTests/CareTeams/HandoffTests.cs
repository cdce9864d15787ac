using Hub.Domain.CareTeams;
using Hub.Domain.Common;

namespace Hub.UnitTests.CareTeams;

public sealed class HandoffTests
{
    private static readonly DateTimeOffset Offered = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Answered = Offered.AddHours(3);
    private static readonly Guid Sender = Guid.NewGuid();
    private static readonly Guid Receiver = Guid.NewGuid();
    private static readonly Guid Someone = Guid.NewGuid();

    private static Handoff Offer() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Sender, Receiver, CareTeamRole.Lead, "  Prefers texts; has told us about the housing worry.  ", Offered);

    [Fact]
    public void Should_need_a_note_and_keep_it_trimmed()
    {
        Should.Throw<DomainRuleException>(() => new Handoff(Guid.NewGuid(), Guid.NewGuid(), Sender, Receiver, CareTeamRole.Lead, "", Offered));
        Should.Throw<DomainRuleException>(() => new Handoff(Guid.NewGuid(), Guid.NewGuid(), Sender, Receiver, CareTeamRole.Lead, "   ", Offered));

        Offer().Note.ShouldBe("Prefers texts; has told us about the housing worry.");
    }

    [Fact]
    public void Should_be_accepted_by_the_person_it_was_offered_to()
    {
        var handoff = Offer();
        var before = handoff.Version;

        handoff.Accept(Receiver, Answered);

        handoff.Status.ShouldBe(HandoffStatus.Accepted);
        handoff.DecidedByUserId.ShouldBe(Receiver);
        handoff.DecidedAt.ShouldBe(Answered);
        handoff.Version.ShouldNotBe(before);
    }

    [Fact]
    public void Should_refuse_an_accept_or_decline_from_anyone_else()
    {
        var handoff = Offer();
        var before = handoff.Version;

        Should.Throw<DomainRuleException>(() => handoff.Accept(Sender, Answered));
        Should.Throw<DomainRuleException>(() => handoff.Decline(Someone, "Not my area", Answered));

        handoff.IsPending.ShouldBeTrue();
        handoff.DeclineReason.ShouldBeNull();
        handoff.Version.ShouldBe(before);
    }

    [Theory]
    [InlineData(HandoffStatus.Accepted)]
    [InlineData(HandoffStatus.Declined)]
    [InlineData(HandoffStatus.Withdrawn)]
    public void Should_refuse_any_further_answer_once_answered(HandoffStatus first)
    {
        var handoff = Offer();
        Answer(handoff, first);
        var version = handoff.Version;

        Should.Throw<DomainRuleException>(() => handoff.Accept(Receiver, Answered.AddHours(1)));
        Should.Throw<DomainRuleException>(() => handoff.Decline(Receiver, "Too full", Answered.AddHours(1)));
        Should.Throw<DomainRuleException>(() => handoff.Withdraw(Sender, Answered.AddHours(1)));

        handoff.Status.ShouldBe(first);
        handoff.DecidedAt.ShouldBe(Answered);
        handoff.Version.ShouldBe(version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Should_refuse_a_decline_without_a_reason(string reason)
    {
        var handoff = Offer();

        Should.Throw<DomainRuleException>(() => handoff.Decline(Receiver, reason, Answered));

        handoff.IsPending.ShouldBeTrue();
    }

    [Fact]
    public void Should_keep_the_reason_for_a_decline_and_stay_in_the_queue_until_resolved()
    {
        var handoff = Offer();
        var before = handoff.Version;

        handoff.Decline(Receiver, "  My caseload is full this month ", Answered);

        handoff.Status.ShouldBe(HandoffStatus.Declined);
        handoff.DeclineReason.ShouldBe("My caseload is full this month");
        handoff.DecidedByUserId.ShouldBe(Receiver);
        handoff.ResolvedAt.ShouldBeNull();
        handoff.Version.ShouldNotBe(before);
    }

    [Fact]
    public void Should_leave_the_queue_straight_away_when_withdrawn()
    {
        var handoff = Offer();
        var before = handoff.Version;

        handoff.Withdraw(Sender, Answered);

        handoff.Status.ShouldBe(HandoffStatus.Withdrawn);
        handoff.DecidedByUserId.ShouldBe(Sender);
        handoff.ResolvedAt.ShouldBe(Answered);
        handoff.Version.ShouldNotBe(before);
    }

    [Fact]
    public void Should_resolve_a_decline_once_keeping_the_first_time()
    {
        var handoff = Offer();
        handoff.Decline(Receiver, "Too full", Answered);
        var declined = handoff.Version;

        handoff.MarkResolved(Answered.AddDays(1));
        handoff.MarkResolved(Answered.AddDays(2));

        handoff.ResolvedAt.ShouldBe(Answered.AddDays(1));
        handoff.Version.ShouldNotBe(declined);
    }

    [Theory]
    [InlineData(HandoffStatus.Pending)]
    [InlineData(HandoffStatus.Accepted)]
    public void Should_resolve_only_a_declined_handoff(HandoffStatus status)
    {
        var handoff = Offer();
        Answer(handoff, status);
        var version = handoff.Version;

        handoff.MarkResolved(Answered.AddDays(1));

        handoff.ResolvedAt.ShouldBeNull();
        handoff.Status.ShouldBe(status);
        handoff.Version.ShouldBe(version);
    }

    private static void Answer(Handoff handoff, HandoffStatus status)
    {
        switch (status)
        {
            case HandoffStatus.Accepted:
                handoff.Accept(Receiver, Answered);
                break;
            case HandoffStatus.Declined:
                handoff.Decline(Receiver, "Too full", Answered);
                break;
            case HandoffStatus.Withdrawn:
                handoff.Withdraw(Sender, Answered);
                break;
        }
    }
}
