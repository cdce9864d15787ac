using Hub.Application.Space;
using Hub.Application.Space.SignIn.AskForSpaceLink;
using Hub.Domain.Audit;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Common;
using Hub.Domain.Space;

namespace Hub.UnitTests.Space;

/// <summary>The community space's rules (docs/decisions/040): links, sessions, sharing, goals and next sessions.</summary>
public sealed class CommunitySpaceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_mint_a_new_token_each_send_and_work_once_within_thirty_minutes()
    {
        var link = SpaceSignInLink.Pending("key", "client", Guid.NewGuid(), null, Now);
        var first = link.Mint(Now)!;
        var second = link.Mint(Now.AddMinutes(1))!;
        second.ShouldNotBe(first);
        link.TokenHash.ShouldBe(OneTimeToken.Hash(second), "only the newest token's hash is kept");
        link.ProblemAt(Now.AddMinutes(1) + SpaceSignInLink.Lifetime).ShouldBe(SpaceLinkProblem.Expired);

        var member = new SpaceMember("key", Now);
        var session = link.Use(member, Now.AddMinutes(5));
        session.MemberId.ShouldBe(member.Id);
        link.ProblemAt(Now.AddMinutes(6)).ShouldBe(SpaceLinkProblem.AlreadyUsed);
        link.Mint(Now.AddMinutes(6)).ShouldBeNull("a used link is never sent again");
        Should.Throw<DomainRuleException>(() => link.Use(member, Now.AddMinutes(6)));
    }

    [Fact]
    public void Should_let_a_link_sent_after_an_outing_land_on_it_for_three_days_from_sending_and_once()
    {
        var outing = Guid.NewGuid();
        var link = SpaceSignInLink.ForOuting("key", outing, Now);
        (link.LandOnOutingId, link.FormToken).ShouldBe(((Guid?)outing, outing), "one invitation per outing");
        SpaceSignInLink.Pending("key", "client", Guid.NewGuid(), null, Now).LandOnOutingId.ShouldBeNull("a link the person asks for lands on their space");

        var sentAt = Now.AddHours(2); // the outbox sends it later: the three days run from then
        link.Mint(sentAt).ShouldNotBeNull();
        link.ProblemAt(sentAt + SpaceSignInLink.OutingInvitationLifetime - TimeSpan.FromMinutes(1)).ShouldBeNull();
        link.ProblemAt(sentAt + SpaceSignInLink.OutingInvitationLifetime).ShouldBe(SpaceLinkProblem.Expired);
        SpaceSignInLink.OutingInvitationLifetime.ShouldBeLessThan(TimeSpan.FromDays(14), "shorter than the old link, which could only add a say");

        link.Use(new SpaceMember("key", Now), sentAt.AddDays(1));
        link.ProblemAt(sentAt.AddDays(1)).ShouldBe(SpaceLinkProblem.AlreadyUsed);
    }

    [Fact]
    public void Should_refuse_a_link_for_another_address_and_one_replaced_by_a_newer_link()
    {
        var link = SpaceSignInLink.Pending("key-a", "client", Guid.NewGuid(), null, Now);
        Should.Throw<DomainRuleException>(() => link.Use(new SpaceMember("key-b", Now), Now));
        link.Revoke(Now);
        link.ProblemAt(Now).ShouldBe(SpaceLinkProblem.Replaced);
        link.Mint(Now).ShouldBeNull();
    }

    [Fact]
    public void Should_end_a_session_after_thirty_idle_minutes_eight_hours_or_signing_out()
    {
        var member = new SpaceMember("key", Now);
        var session = SpaceSignInLink.Pending("key", "c", Guid.NewGuid(), null, Now).Use(member, Now);
        session.IsActiveAt(Now.AddMinutes(29)).ShouldBeTrue();
        session.IsActiveAt(Now + SpaceSession.IdleLimit).ShouldBeFalse();
        for (var at = Now; at < Now + SpaceSession.AbsoluteLimit; at = at.AddMinutes(20))
        {
            session.Seen(at);
        }
        session.IsActiveAt(Now + SpaceSession.AbsoluteLimit).ShouldBeFalse("sliding never passes the absolute limit");
        var other = SpaceSignInLink.Pending("key", "c", Guid.NewGuid(), null, Now).Use(member, Now);
        other.End(Now.AddMinutes(1));
        other.IsActiveAt(Now.AddMinutes(2)).ShouldBeFalse();
    }

    [Fact]
    public void Should_share_only_while_connected()
    {
        var member = new SpaceMember("key", Now);
        member.Disconnect(Now).ShouldBeFalse("nothing to stop");
        var person = Guid.NewGuid();
        member.ConnectTo(person, Now);
        member.ConnectedPersonId.ShouldBe(person);
        member.Disconnect(Now.AddDays(1)).ShouldBeTrue();
        member.ConnectedPersonId.ShouldBeNull();
        member.DisconnectedAt.ShouldBe(Now.AddDays(1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Should_rate_a_goal_only_from_0_to_10(int rating)
    {
        var goal = new SpaceGoal(Guid.NewGuid(), "Invented: walk", Now);
        Should.Throw<DomainRuleException>(() => goal.Rate(rating, Now));
        goal.Rate(0, Now).Rating.ShouldBe(0);
        goal.Rate(10, Now).Rating.ShouldBe(10);
        goal.Remove(Now);
        Should.Throw<DomainRuleException>(() => goal.Rate(5, Now));
    }

    [Fact]
    public void Should_give_the_next_sessions_from_the_weekly_schedule_skipping_one_that_has_started()
    {
        // Monday 7 December 2026, 10:00 UK time.
        var ukNow = new DateTime(2026, 12, 7, 10, 0, 0);
        OfferSession[] sessions = [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(11, 0)), new(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(20, 0)), new(DayOfWeek.Wednesday, new TimeOnly(14, 0), new TimeOnly(15, 0))];
        NextSessions.After(sessions, ukNow, 3).Select(n => (n.Day, n.Session.Opens)).ShouldBe(
        [
            (new DateOnly(2026, 12, 7), new TimeOnly(18, 0)),
            (new DateOnly(2026, 12, 9), new TimeOnly(14, 0)),
            (new DateOnly(2026, 12, 14), new TimeOnly(9, 0)),
        ]);
        NextSessions.After([], ukNow).ShouldBeEmpty();
    }

    [Fact]
    public void Should_key_an_address_with_the_secret_so_the_same_address_typed_differently_finds_one_space()
    {
        var key = new AuditKey(new byte[32]);
        var other = new AuditKey(Enumerable.Repeat((byte)1, 32).ToArray());
        SpaceAddresses.KeyOf(key, SpaceAddresses.Normalise(" Sam@Example.org ")).ShouldBe(SpaceAddresses.KeyOf(key, SpaceAddresses.Normalise("sam@example.org")));
        SpaceAddresses.KeyOf(key, SpaceAddresses.Normalise("07700 900 123")).ShouldBe(SpaceAddresses.KeyOf(key, SpaceAddresses.Normalise("+44 7700 900123")));
        SpaceAddresses.KeyOf(other, "07700900123").ShouldNotBe(SpaceAddresses.KeyOf(key, "07700900123"), "without the key, the stored value says nothing");
    }

    [Theory]
    [InlineData("", "yes", "EmailOrMobile")]
    [InlineData("not an address", "yes", "EmailOrMobile")]
    [InlineData("01632 960 000", "yes", "EmailOrMobile")]
    [InlineData("x<attacker@evil.example>", "yes", "EmailOrMobile")]
    [InlineData("sam@example.org", null, "SafeToMessage")]
    public void Should_ask_for_a_deliverable_email_or_a_uk_mobile_and_whether_messages_are_safe(string typed, string? safe, string field)
    {
        var result = new AskForSpaceLinkValidator().Validate(new AskForSpaceLink(typed, safe is null ? null : true, Guid.NewGuid()));
        result.Errors.Select(e => e.PropertyName).ShouldContain(field);
        new AskForSpaceLinkValidator().Validate(new AskForSpaceLink("07700 900 123", false, Guid.NewGuid())).IsValid.ShouldBeTrue();
    }
}
