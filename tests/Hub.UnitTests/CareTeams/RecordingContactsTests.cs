using Hub.Domain.Common;
using Hub.Domain.Contacts;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.Domain.Triage;

namespace Hub.UnitTests.CareTeams;

/// <summary>Contacts and network meetings recorded against a referral, and closing a referral with its spell.</summary>
public sealed class RecordingContactsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Recorder = Guid.NewGuid();
    private static readonly Guid Alex = Guid.NewGuid();
    private static readonly Guid Bea = Guid.NewGuid();

    private static Referral NewReferral()
    {
        var person = new Person("Sol", null, null, new ContactDetails(ContactMethod.TheyWillCallUs, null, null, null), CommunicationNeeds.None, EqualityMonitoring.NotGiven, Now.AddDays(-10));
        var spell = new ReferralSpell(person.Id, Now.AddDays(-10));
        return Referral.SelfReferral(ReferralReference.New(), person, spell, Now.AddDays(-10), "words", null, true, Guid.NewGuid());
    }

    private static NetworkMeeting MeetingFor(Referral referral, DateTimeOffset at) =>
        new(referral.SpellId, referral.PersonId, at, ContactMedium.FaceToFace, ContactPlace.CommunityVenue, [Alex, Bea], ["Mum", "Jo"], null, Alex, Now.AddDays(-7));

    [Theory]
    [InlineData(1)]
    [InlineData(720)]
    public void Should_record_a_contact_lasting_from_one_minute_to_twelve_hours(int minutes)
    {
        var contact = NewReferral().RecordContact(Now.AddHours(-1), ContactMedium.Phone, ContactPlace.Remote, true, minutes, null, Recorder, Now);

        contact.DurationMinutes.ShouldBe(minutes);
        contact.Kind.ShouldBe(ContactKind.Individual);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(721)]
    public void Should_refuse_a_contact_shorter_than_a_minute_or_longer_than_twelve_hours(int minutes)
    {
        var referral = NewReferral();
        var before = referral.Version;

        Should.Throw<DomainRuleException>(() => referral.RecordContact(Now.AddHours(-1), ContactMedium.Phone, ContactPlace.Remote, true, minutes, null, Recorder, Now));
        referral.Version.ShouldBe(before);
    }

    [Fact]
    public void Should_store_no_duration_for_a_contact_that_did_not_take_place()
    {
        var contact = NewReferral().RecordContact(Now.AddHours(-1), ContactMedium.FaceToFace, ContactPlace.Cafe, false, 45, null, Recorder, Now);

        contact.Attended.ShouldBeFalse();
        contact.DurationMinutes.ShouldBeNull();
    }

    [Fact]
    public void Should_allow_an_attended_contact_up_to_five_minutes_ahead_of_the_clock()
    {
        var referral = NewReferral();

        referral.RecordContact(Now.AddMinutes(5), ContactMedium.Video, ContactPlace.Remote, true, 30, null, Recorder, Now).At.ShouldBe(Now.AddMinutes(5));
        Should.Throw<DomainRuleException>(() => referral.RecordContact(Now.AddMinutes(6), ContactMedium.Video, ContactPlace.Remote, true, 30, null, Recorder, Now));
    }

    [Fact]
    public void Should_record_a_held_meeting_as_one_contact_with_everyone_who_came_listed_once()
    {
        var referral = NewReferral();
        var meeting = MeetingFor(referral, Now.AddHours(-2));
        var before = referral.Version;

        var contact = referral.RecordMeeting(meeting, true, 90, [Alex, Bea, Alex], [" Mum ", "mum", "", "Jo"], "Agreed next steps", Recorder, Now);

        contact.Kind.ShouldBe(ContactKind.NetworkMeeting);
        contact.ReferralId.ShouldBe(referral.Id);
        contact.At.ShouldBe(meeting.At);
        contact.Medium.ShouldBe(ContactMedium.FaceToFace);
        contact.Place.ShouldBe(ContactPlace.CommunityVenue);
        contact.Attended.ShouldBeTrue();
        contact.DurationMinutes.ShouldBe(90);
        contact.StaffAttendees.ShouldBe([Alex, Bea]);
        contact.NetworkAttendees.ShouldBe(["Mum", "Jo"]);
        meeting.Status.ShouldBe(MeetingStatus.Recorded);
        meeting.ContactId.ShouldBe(contact.Id);
        referral.Version.ShouldNotBe(before);
    }

    [Fact]
    public void Should_store_no_duration_when_the_person_did_not_come_to_the_meeting()
    {
        var referral = NewReferral();

        var contact = referral.RecordMeeting(MeetingFor(referral, Now.AddHours(-2)), false, 60, [Alex], [], null, Recorder, Now);

        contact.Attended.ShouldBeFalse();
        contact.DurationMinutes.ShouldBeNull();
    }

    [Fact]
    public void Should_record_a_meeting_only_once()
    {
        var referral = NewReferral();
        var meeting = MeetingFor(referral, Now.AddHours(-2));
        var first = referral.RecordMeeting(meeting, true, 60, [Alex], [], null, Recorder, Now);

        Should.Throw<DomainRuleException>(() => referral.RecordMeeting(meeting, true, 60, [Bea], [], null, Recorder, Now));
        meeting.ContactId.ShouldBe(first.Id);
    }

    [Fact]
    public void Should_refuse_to_record_a_cancelled_meeting()
    {
        var referral = NewReferral();
        var meeting = MeetingFor(referral, Now.AddHours(-2));
        meeting.Cancel();
        var before = referral.Version;

        Should.Throw<DomainRuleException>(() => referral.RecordMeeting(meeting, true, 60, [Alex], [], null, Recorder, Now));
        meeting.Status.ShouldBe(MeetingStatus.Cancelled);
        meeting.ContactId.ShouldBeNull();
        referral.Version.ShouldBe(before);
    }

    [Fact]
    public void Should_refuse_to_record_a_meeting_of_another_spell()
    {
        var referral = NewReferral();
        var elsewhere = MeetingFor(NewReferral(), Now.AddHours(-2));

        Should.Throw<DomainRuleException>(() => referral.RecordMeeting(elsewhere, true, 60, [Alex], [], null, Recorder, Now));
        elsewhere.Status.ShouldBe(MeetingStatus.Planned);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Should_refuse_to_record_a_meeting_held_in_the_future(bool personAttended, bool staffAttended)
    {
        var referral = NewReferral();
        var meeting = MeetingFor(referral, Now.AddHours(2));

        Should.Throw<DomainRuleException>(() => referral.RecordMeeting(meeting, personAttended, 60, staffAttended ? [Alex] : [], [], null, Recorder, Now));
        meeting.Status.ShouldBe(MeetingStatus.Planned);
    }

    [Fact]
    public void Should_close_an_open_referral_with_its_spell()
    {
        var referral = NewReferral();
        referral.RecordOutcome(TriageOutcome.ConversationBooked, null, Alex, Now.AddDays(-9));
        var before = referral.Version;

        referral.CloseWithSpell(Bea, Now);

        referral.IsClosed.ShouldBeTrue();
        referral.ClosedAt.ShouldBe(Now);
        referral.OutcomeByUserId.ShouldBe(Alex);
        referral.Version.ShouldNotBe(before);
    }

    [Fact]
    public void Should_name_who_closed_a_referral_that_was_never_triaged()
    {
        var referral = NewReferral();

        referral.CloseWithSpell(Bea, Now);

        referral.Status.ShouldBe(ReferralStatus.Closed);
        referral.OutcomeByUserId.ShouldBe(Bea);
    }

    [Fact]
    public void Should_leave_a_closed_referral_as_it_was_when_its_spell_closes()
    {
        var referral = NewReferral();
        referral.RecordOutcome(TriageOutcome.ClosedAtPersonsRequest, null, Alex, Now.AddDays(-9));
        var before = referral.Version;

        referral.CloseWithSpell(Bea, Now);

        referral.ClosedAt.ShouldBe(Now.AddDays(-9));
        referral.OutcomeByUserId.ShouldBe(Alex);
        referral.Version.ShouldBe(before);
    }
}
