using Hub.Domain.Common;
using Hub.Domain.Contacts;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.Domain.Triage;

namespace Hub.UnitTests.Domain;

public sealed class ReferralTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private static Referral NewReferral()
    {
        var person = new Person("Sol", null, null, new ContactDetails(ContactMethod.TheyWillCallUs, null, null, null), CommunicationNeeds.None, EqualityMonitoring.NotGiven, Now);
        var spell = new ReferralSpell(person.Id, Now);
        return Referral.SelfReferral(ReferralReference.New(), person, spell, Now, "words", null, true, Guid.NewGuid());
    }

    [Fact]
    public void Should_wait_for_triage_when_received()
    {
        var referral = NewReferral();

        referral.Status.ShouldBe(ReferralStatus.AwaitingTriage);
        referral.Source.ShouldBe(ReferralSource.Self);
        referral.Source.MhsdsCode().ShouldBe("B1");
    }

    [Theory]
    [InlineData(TriageOutcome.ConversationBooked, ReferralStatus.Open)]
    [InlineData(TriageOutcome.SameDayUrgentResponse, ReferralStatus.Open)]
    [InlineData(TriageOutcome.SignpostedWithConsent, ReferralStatus.Closed)]
    [InlineData(TriageOutcome.ClosedAtPersonsRequest, ReferralStatus.Closed)]
    [InlineData(TriageOutcome.NoResponseAfterAttempts, ReferralStatus.Closed)]
    public void Should_open_or_close_according_to_the_triage_outcome(TriageOutcome outcome, ReferralStatus status)
    {
        var referral = NewReferral();

        referral.RecordOutcome(outcome, "note", Guid.NewGuid(), Now);

        referral.Status.ShouldBe(status);
        (referral.ClosedAt is not null).ShouldBe(status == ReferralStatus.Closed);
    }

    [Fact]
    public void Should_be_picked_up_only_while_it_waits_for_triage()
    {
        var referral = NewReferral();
        var member = Guid.NewGuid();

        var pickUp = TriagePickUp.Of(referral, member, Now).ShouldNotBeNull();
        (pickUp.ReferralId, pickUp.PickedUpByUserId, pickUp.PickedUpAt).ShouldBe((referral.Id, member, Now));

        referral.RecordOutcome(TriageOutcome.ConversationBooked, "note", member, Now);
        TriagePickUp.Of(referral, member, Now).ShouldBeNull("after triage its care team holds it");
    }

    [Fact]
    public void Should_stay_closed_once_closed()
    {
        var referral = NewReferral();
        referral.RecordOutcome(TriageOutcome.ClosedAtPersonsRequest, "note", Guid.NewGuid(), Now);

        Should.Throw<DomainRuleException>(() => referral.RecordOutcome(TriageOutcome.ConversationBooked, null, Guid.NewGuid(), Now));
    }

    [Fact]
    public void Should_change_its_version_on_every_change()
    {
        var referral = NewReferral();
        var before = referral.Version;

        referral.RecordAttempt(Now, AttemptMethod.Phone, AttemptResult.NoAnswer, null, Guid.NewGuid(), Now);

        referral.Version.ShouldNotBe(before);
    }

    [Fact]
    public void Should_refuse_an_attended_contact_in_the_future_but_allow_a_booked_one_not_attended()
    {
        var referral = NewReferral();

        Should.Throw<DomainRuleException>(() => referral.RecordContact(Now.AddDays(1), ContactMedium.Phone, ContactPlace.Remote, true, 30, null, Guid.NewGuid(), Now));
        referral.RecordContact(Now.AddDays(-1), ContactMedium.FaceToFace, ContactPlace.Cafe, false, null, null, Guid.NewGuid(), Now).Attended.ShouldBeFalse();
    }
}
