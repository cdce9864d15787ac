using FluentValidation;
using Hub.Application.Meetings.GetMeetings;
using Hub.Application.Meetings.PlanNetworkMeeting;
using Hub.Application.Meetings.RecordNetworkMeeting;
using Hub.Domain.Audit;
using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.IntegrationTests.CareTeams.CareTeamWorld;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>Open Dialogue network meetings: planned with the care team and the person's network, recorded once held as one contact.</summary>
public sealed class NetworkMeetingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_plan_a_meeting_with_the_care_team_and_record_it_once_held_as_one_contact_with_everyone_who_came()
    {
        await using var host = Host(database);
        var team = await Team(host);
        var (a, b, c) = (await Member(host, team, "Member A"), await Member(host, team, "Member B"), await Member(host, team, "Member C"));
        var outsider = await Member(host, team, "Member X");
        var referral = await TriagedReferral(host);
        await Join(host, a, referral.Id, b, CareTeamRole.Lead);
        await Join(host, b, referral.Id, c, CareTeamRole.Involved);
        var at = host.Clock.GetUtcNow().AddDays(2);
        PlanNetworkMeeting Plan(params Guid[] staff) =>
            new(referral.Id, at, ContactMedium.FaceToFace, ContactPlace.CommunityVenue, staff, ["Sister", "Football coach"], "Invented purpose: plan the return to college.");

        var notOnTeam = await Should.ThrowAsync<ValidationException>(() => host.SendAsPractitioner(Plan(b.Id, outsider.Id), b.Id));

        notOnTeam.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Invite members of the person's care team. Offer anyone else a place on the team first");
        (await host.WithDb(db => db.NetworkMeetings.CountAsync(m => m.SpellId == referral.SpellId))).ShouldBe(0);
        (await Outbox(host, outsider.Email, "network-meeting-planned")).ShouldBeEmpty();

        var meetingId = await host.SendAsPractitioner(Plan(b.Id, c.Id), b.Id);

        var planning = await host.SendAsPractitioner(new GetMeetingPlanning(referral.Id), b.Id);
        var planned = planning.Meetings.ShouldHaveSingleItem();
        (planned.MeetingId, planned.At, planned.Status).ShouldBe((meetingId, at, MeetingStatus.Planned));
        planned.Staff.Select(s => s.MemberId).ShouldBe([b.Id, c.Id]);
        planned.Network.ShouldBe(["Sister", "Football coach"]);
        (await Outbox(host, c.Email, "network-meeting-planned")).ShouldHaveSingleItem().Subject.ShouldContain("network meeting");
        (await Outbox(host, b.Email, "network-meeting-planned")).ShouldBeEmpty("the planner is not emailed about their own meeting");

        var early = await Should.ThrowAsync<ValidationException>(() =>
            host.SendAsPractitioner(new RecordNetworkMeeting(meetingId, true, [c.Id], ["Sister"], 60, null), b.Id));

        early.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldEndWith("Record it once it has happened");
        (await host.WithDb(db => db.Contacts.CountAsync(x => x.ReferralId == referral.Id))).ShouldBe(0);

        host.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(2));
        await host.SendAsPractitioner(new RecordNetworkMeeting(meetingId, true, [c.Id], ["Sister"], 60, "Invented note."), b.Id);

        var contact = await host.WithDb(db => db.Contacts.AsNoTracking().SingleAsync(x => x.ReferralId == referral.Id));
        (contact.Kind, contact.Attended, contact.DurationMinutes, contact.At, contact.Medium, contact.Place, contact.StaffUserId)
            .ShouldBe((ContactKind.NetworkMeeting, true, (int?)60, at, ContactMedium.FaceToFace, ContactPlace.CommunityVenue, b.Id));
        contact.StaffAttendees.ShouldBe([c.Id]);
        contact.NetworkAttendees.ShouldBe(["Sister"]);
        var meeting = await host.WithDb(db => db.NetworkMeetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        (meeting.Status, meeting.ContactId).ShouldBe((MeetingStatus.Recorded, (Guid?)contact.Id));
        (await host.WithDb(db => db.AuditEvents.CountAsync(e => e.RecordId == contact.Id && e.Action == AuditAction.Create))).ShouldBe(1);

        var again = await Should.ThrowAsync<ValidationException>(() =>
            host.SendAsPractitioner(new RecordNetworkMeeting(meetingId, true, [c.Id], [], 30, null), b.Id));
        again.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("This meeting has already been recorded or cancelled");
        (await host.WithDb(db => db.Contacts.CountAsync(x => x.ReferralId == referral.Id))).ShouldBe(1);
    }
}
