using System.Reflection;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;

namespace Hub.UnitTests.Volunteering;

/// <summary>The volunteering rules as specifications: who is vetted on a day, who may be matched, who may record, what the person may say.</summary>
public sealed class VolunteeringRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly Guid Coordinator = Guid.NewGuid();

    private static VolunteerChecks Complete(int reviewInDays = 300, DbsCheckType type = DbsCheckType.Enhanced) =>
        new(type, Today.AddDays(-30), Today.AddDays(-20), Today.AddDays(-10), Today.AddDays(reviewInDays));

    private static Volunteer Approved(int reviewInDays = 300)
    {
        var v = Volunteer.Register("Nia", "Evans", "nia@example.org", null, "Evenings", null, null, Guid.NewGuid(), Now);
        v.RecordChecks(Complete(reviewInDays), Coordinator, Now);
        v.Approve(Today, Now);
        return v;
    }

    private static SupportRequest Asked() =>
        SupportRequest.Ask(Guid.NewGuid(), "Sam", "Try the choir", "Evenings", new ComeAlongContact(ReachBy.Email, "sam@example.org", null, true), Keys, Guid.NewGuid(), Now);

    private static readonly Hub.Domain.Audit.AuditKey Keys = new(new byte[32]);

    [Fact]
    public void Should_count_a_volunteer_as_vetted_only_with_an_enhanced_check_references_training_and_a_review_not_yet_passed()
    {
        Complete().AreCompleteOn(Today).ShouldBeTrue();
        Complete(0).AreCompleteOn(Today).ShouldBeTrue("the review day itself is still in date");
        Complete(-1).Gaps(Today).ShouldBe(["the review is overdue"]);
        Complete(type: DbsCheckType.Standard).Gaps(Today).ShouldBe(["the DBS check is not an enhanced check"]);
        (Complete() with { ReferencesReceivedOn = null }).Gaps(Today).ShouldBe(["references not received"]);
        (Complete() with { TrainingCompletedOn = Today.AddDays(1) }).Gaps(Today).ShouldBe(["training not completed"]);
        VolunteerChecks.None.Gaps(Today).Count.ShouldBe(4);
    }

    [Fact]
    public void Should_warn_of_a_review_within_thirty_days_and_call_it_overdue_the_day_after()
    {
        Complete(VolunteerChecks.DueSoonDays).ReviewDueSoonOn(Today).ShouldBeTrue();
        Complete(VolunteerChecks.DueSoonDays + 1).ReviewDueSoonOn(Today).ShouldBeFalse();
        Complete(0).ReviewOverdueOn(Today).ShouldBeFalse();
        Complete(0).ReviewOverdueOn(Today.AddDays(1)).ShouldBeTrue();
    }

    [Fact]
    public void Should_refuse_to_approve_a_volunteer_with_a_check_missing()
    {
        var v = Volunteer.Register("Ben", "Okoro", "ben@example.org", null, "Mornings", null, null, Guid.NewGuid(), Now);
        v.RecordChecks(Complete() with { ReferencesReceivedOn = null }, Coordinator, Now);

        Should.Throw<DomainRuleException>(() => v.Approve(Today, Now)).Message.ShouldContain("references not received");
        v.Status.ShouldBe(VolunteerStatus.Applied);
    }

    [Fact]
    public void Should_match_only_an_approved_volunteer_in_date_and_never_twice()
    {
        var request = Asked();
        var lapsed = Approved(reviewInDays: 5);
        Should.Throw<DomainRuleException>(() => request.Match(lapsed, Today.AddDays(6), Coordinator, Now)).Message.ShouldContain("the review is overdue");

        var paused = Approved();
        paused.Pause("Looking into a concern", Now);
        Should.Throw<DomainRuleException>(() => request.Match(paused, Today, Coordinator, Now)).Message.ShouldContain("not approved or are paused");

        var nia = Approved();
        request.Match(nia, Today, Coordinator, Now);
        request.IsMatchedTo(nia.Id).ShouldBeTrue();
        Should.Throw<DomainRuleException>(() => request.Match(Approved(), Today, Coordinator, Now)).Message.ShouldContain("already matched");
    }

    [Fact]
    public void Should_let_only_the_volunteer_matched_now_record_an_outing_and_not_one_in_the_future()
    {
        var request = Asked();
        var nia = Approved();
        request.Match(nia, Today, Coordinator, Now);

        Should.Throw<DomainRuleException>(() => request.RecordOuting(Guid.NewGuid(), Today, true, null, Today, Now));
        Should.Throw<DomainRuleException>(() => request.RecordOuting(nia.Id, Today.AddDays(1), true, null, Today, Now));
        request.RecordOuting(nia.Id, Today, true, "  We went in together.  ", Today, Now).Note.ShouldBe("We went in together.");

        request.ReturnToQueue(MatchEnding.VolunteerPaused, Now);
        request.IsMatchedTo(nia.Id).ShouldBeFalse("a request taken back is no longer the volunteer's");
        Should.Throw<DomainRuleException>(() => request.RecordOuting(nia.Id, Today, true, null, Today, Now));
    }

    [Fact]
    public void Should_count_going_alone_only_when_the_coordinator_closes_the_request_so()
    {
        var request = Asked();
        request.Match(Approved(), Today, Coordinator, Now);
        request.Close(RequestClosure.GoingAloneNow, Now);

        request.Status.ShouldBe(SupportRequestStatus.Closed);
        request.Closure.ShouldBe(RequestClosure.GoingAloneNow);
        request.CurrentMatch.ShouldBeNull();
        request.Matches.Single().Ending.ShouldBe(MatchEnding.RequestClosed);
    }

    [Fact]
    public void Should_let_the_person_say_once_how_an_outing_that_happened_went()
    {
        var request = Asked();
        var nia = Approved();
        request.Match(nia, Today, Coordinator, Now);
        var happened = request.RecordOuting(nia.Id, Today, true, null, Today, Now);
        var missed = request.RecordOuting(nia.Id, Today, false, null, Today, Now);

        happened.PersonSays(HowItWent.Good, "Easier than I thought", Now);
        Should.Throw<DomainRuleException>(() => happened.PersonSays(HowItWent.NotGood, null, Now));
        Should.Throw<DomainRuleException>(() => missed.PersonSays(HowItWent.Okay, null, Now));
        happened.PersonWords.ShouldBe("Easier than I thought");
    }

    [Fact]
    public void Should_find_a_contact_by_the_same_key_however_the_address_is_typed()
    {
        Hub.Domain.People.ContactKey.Of(Keys, " Sam@Example.org ").ShouldBe(Hub.Domain.People.ContactKey.Of(Keys, "sam@example.org"));
        Hub.Domain.People.ContactKey.Of(Keys, "+44 7700 900 982").ShouldBe(Hub.Domain.People.ContactKey.Of(Keys, "07700900982"));
        Hub.Domain.People.ContactKey.Of(Keys, "sam@example.org").ShouldNotBe(Hub.Domain.People.ContactKey.Of(Keys, "sam2@example.org"));
        Hub.Domain.People.ContactKey.Of(Keys, "sam@example.org").ShouldNotBe(Hub.Domain.People.ContactKey.Of(new Hub.Domain.Audit.AuditKey(Enumerable.Repeat((byte)1, 32).ToArray()), "sam@example.org"),
            "keyed: without the hub's key the stored key cannot be made, so it cannot be reversed by trying every mobile number");
    }

    [Fact]
    public void Should_key_a_request_exactly_as_the_space_of_the_same_address_is_keyed()
    {
        var byEmail = SupportRequest.Ask(Guid.NewGuid(), "Sam", "Try", "Evenings", new ComeAlongContact(ReachBy.Email, " Sam@Example.ORG", null, true), Keys, Guid.NewGuid(), Now);
        var byText = SupportRequest.Ask(Guid.NewGuid(), "Sam", "Try", "Evenings", new ComeAlongContact(ReachBy.Text, null, "+44 7700 900 982", true), Keys, Guid.NewGuid(), Now);

        byEmail.ContactKey.ShouldBe(Hub.Application.Space.SpaceAddresses.KeyOf(Keys, Hub.Application.Space.SpaceAddresses.Normalise("sam@example.org")));
        byText.ContactKey.ShouldBe(Hub.Application.Space.SpaceAddresses.KeyOf(Keys, Hub.Application.Space.SpaceAddresses.Normalise("07700 900982")));
        byEmail.ContactKey.Length.ShouldBe(Hub.Domain.People.ContactKey.Length);
    }

    [Fact]
    public void Should_keep_no_field_for_a_certificate_or_its_number()
    {
        // docs/decisions/039: only the type and dates of checks. A new property named like a certificate fails here.
        var names = typeof(Volunteer).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
            .Concat(typeof(VolunteerChecks).GetProperties().Select(p => p.Name));
        names.ShouldNotContain(n => n.Contains("Certificate", StringComparison.OrdinalIgnoreCase) || n.Contains("Number", StringComparison.OrdinalIgnoreCase)
            || n.Contains("Disclos", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Should_accept_an_invitation_token_once_only_while_in_date_counting_from_when_it_was_minted()
    {
        var v = Approved();
        var invitation = v.Invite(Guid.NewGuid(), Now);
        var token = v.MintInvitation(invitation, Now.AddDays(1)).ShouldNotBeNull("the email that carries it mints it as it goes");
        v.InvitationWorks(token, Now.AddDays(7)).ShouldBeTrue("seven days from the sending, not from the asking");
        v.InvitationWorks(token, Now.AddDays(8)).ShouldBeFalse();
        v.InvitationWorks("not-the-token", Now).ShouldBeFalse();
        v.InvitationAccepted();
        v.InvitationWorks(token, Now.AddDays(2)).ShouldBeFalse();
        v.MintInvitation(invitation, Now.AddDays(2)).ShouldBeNull("an accepted invitation mints nothing more");
    }

    [Fact]
    public void Should_mint_only_the_newest_invitation_and_a_retried_send_replaces_the_token()
    {
        var v = Approved();
        var userId = Guid.NewGuid();
        var first = v.Invite(userId, Now);
        var version = v.Version;
        var firstToken = v.MintInvitation(first, Now).ShouldNotBeNull();
        v.Version.ShouldBe(version, "minting is the sender's act, not a coordinator's change");
        var retried = v.MintInvitation(first, Now.AddMinutes(1)).ShouldNotBeNull();
        v.InvitationWorks(firstToken, Now.AddMinutes(2)).ShouldBeFalse("only the token in the email that went counts");
        v.InvitationWorks(retried, Now.AddMinutes(2)).ShouldBeTrue();

        var second = v.Invite(userId, Now.AddHours(1));
        second.ShouldNotBe(first);
        v.MintInvitation(first, Now.AddHours(1)).ShouldBeNull("the earlier invitation's email is not sent");
        v.InvitationWorks(retried, Now.AddHours(1)).ShouldBeFalse("a new invitation ends the earlier one");
        v.MintInvitation(second, Now.AddHours(1)).ShouldNotBeNull();
        v.InvitationWorks("anything", Now.AddHours(1)).ShouldBeFalse();
    }

    [Fact]
    public void Should_hold_no_usable_invitation_before_its_email_is_sent()
    {
        var v = Approved();
        v.Invite(Guid.NewGuid(), Now);
        v.InvitationHash.ShouldNotBeNull("a pending invitation's hash is of random bytes nobody holds");
        v.Pause("A concern was raised", Now.AddMinutes(1));
        v.MintInvitation(v.InvitationId!.Value, Now.AddMinutes(2)).ShouldBeNull("a paused volunteer's invitation is not sent");
    }

    [Fact]
    public void Should_erase_only_a_closed_request_clearing_who_asked_and_every_word_but_keeping_what_the_figures_count()
    {
        var nia = Approved();
        var request = Asked();
        request.Match(nia, Today, Coordinator, Now);
        var outing = request.RecordOuting(nia.Id, Today, true, "We went in together", Today, Now);
        outing.PersonSays(HowItWent.Good, "It went well", Now);
        Should.Throw<DomainRuleException>(() => request.Erase(Now)).Message.ShouldContain("closed");

        request.Close(RequestClosure.GoingAloneNow, Now);
        request.Erase(Now.AddYears(2));

        (request.FirstName, request.WhatToTry, request.WhenSuits, request.ContactKey, request.Contact.Email, request.Contact.Mobile, request.Contact.MessagesSafe)
            .ShouldBe((SupportRequest.ErasedFirstName, string.Empty, string.Empty, string.Empty, (string?)null, (string?)null, false));
        (outing.Note, outing.PersonWords).ShouldBe(((string?)null, (string?)null));
        (request.Status, request.Closure, request.ClosedAt, request.Matches.Count, outing.Happened, outing.On, outing.PersonSaid)
            .ShouldBe((SupportRequestStatus.Closed, (RequestClosure?)RequestClosure.GoingAloneNow, (DateTimeOffset?)Now, 1, true, Today, (HowItWent?)HowItWent.Good));
        var version = request.Version;
        request.Erase(Now.AddYears(3));
        (request.ErasedAt, request.Version).ShouldBe(((DateTimeOffset?)Now.AddYears(2), version), "erasing twice changes nothing");
    }

    [Fact]
    public void Should_erase_a_volunteer_only_once_they_are_no_longer_approved_keeping_no_check_date()
    {
        var nia = Approved();
        nia.Invite(Guid.NewGuid(), Now);
        Should.Throw<DomainRuleException>(() => nia.Erase(Now)).Message.ShouldContain("approved");
        nia.Pause("Moving away", Now);

        nia.Erase(Now.AddYears(6));

        (nia.FirstName, nia.LastName, nia.Email, nia.Mobile, nia.Availability, nia.AboutMe, nia.Area, nia.PauseReason, nia.UserId, nia.InvitationHash, nia.InvitationId)
            .ShouldBe(("Former", "volunteer", string.Empty, (string?)null, string.Empty, (string?)null, (string?)null, (string?)null, (Guid?)null, (string?)null, (Guid?)null));
        nia.Status.ShouldBe(VolunteerStatus.Stopped, "off the coordinator's list");
        nia.Checks.ShouldBe(VolunteerChecks.None);
        nia.ChecksRecordedBy.ShouldBeNull();
        nia.CanBeMatchedOn(Today).ShouldBeFalse();
    }
}
