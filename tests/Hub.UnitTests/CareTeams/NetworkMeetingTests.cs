using Hub.Domain.Common;
using Hub.Domain.Contacts;

namespace Hub.UnitTests.CareTeams;

public sealed class NetworkMeetingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Alex = Guid.NewGuid();
    private static readonly Guid Bea = Guid.NewGuid();

    private static NetworkMeeting Plan(DateTimeOffset at, IEnumerable<string> network, IEnumerable<Guid>? staff = null, string? purpose = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), at, ContactMedium.FaceToFace, ContactPlace.Home, staff ?? [Alex], network, purpose, Alex, Now);

    [Fact]
    public void Should_trim_network_invitees_and_list_each_once_whatever_the_case()
    {
        var meeting = Plan(Now.AddDays(3), ["  Mum ", "mum", "Jo", "", "   ", "JO", "Uncle Ray"], staff: [Alex, Bea, Alex], purpose: "  Plan for the summer \r\n");

        meeting.NetworkInvitees.ShouldBe(["Mum", "Jo", "Uncle Ray"]);
        meeting.StaffInvitees.ShouldBe([Alex, Bea]);
        meeting.Purpose.ShouldBe("Plan for the summer");
        meeting.Status.ShouldBe(MeetingStatus.Planned);
    }

    [Fact]
    public void Should_invite_up_to_twenty_people_from_the_network_counting_each_once()
    {
        var twenty = Enumerable.Range(1, 20).Select(i => $"Friend {i}").ToList();

        Plan(Now.AddDays(3), [.. twenty, "friend 1", " FRIEND 2 "]).NetworkInvitees.Count.ShouldBe(20);
        Should.Throw<DomainRuleException>(() => Plan(Now.AddDays(3), [.. twenty, "Friend 21"]));
    }

    [Fact]
    public void Should_refuse_a_meeting_planned_more_than_thirty_days_in_the_past()
    {
        Plan(Now.AddDays(-30), ["Mum"]).At.ShouldBe(Now.AddDays(-30));
        Should.Throw<DomainRuleException>(() => Plan(Now.AddDays(-30).AddMinutes(-1), ["Mum"]));
    }

    [Fact]
    public void Should_refuse_to_cancel_a_meeting_twice()
    {
        var meeting = Plan(Now.AddDays(3), ["Mum"]);
        meeting.Cancel();

        Should.Throw<DomainRuleException>(meeting.Cancel);
        meeting.Status.ShouldBe(MeetingStatus.Cancelled);
    }
}
