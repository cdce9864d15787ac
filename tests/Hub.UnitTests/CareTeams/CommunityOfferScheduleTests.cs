using Hub.Domain.Common;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;
using Hub.UnitTests.CommunityOffers;

namespace Hub.UnitTests.CareTeams;

public sealed class CommunityOfferScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private static OfferSession Session(DayOfWeek day, int opens, int closes) => new(day, new TimeOnly(opens, 0), new TimeOnly(closes, 0));

    [Theory]
    [InlineData(12, 10)]
    [InlineData(10, 10)]
    public void Should_refuse_a_session_that_does_not_close_after_it_opens_and_keep_the_old_schedule(int opens, int closes)
    {
        var offer = new CommunityOffer("Walk and talk", "Mind in the Borough", Now, "The borough");
        offer.Schedule([Session(DayOfWeek.Tuesday, 10, 12)], "Weekly");

        Should.Throw<DomainRuleException>(() => offer.Schedule([Session(DayOfWeek.Monday, 9, 11), Session(DayOfWeek.Friday, opens, closes)], "Changed"));

        offer.Sessions.ShouldBe([Session(DayOfWeek.Tuesday, 10, 12)]);
        offer.ScheduleNote.ShouldBe("Weekly");
    }

    [Fact]
    public void Should_list_sessions_once_in_order_of_day_and_time()
    {
        var offer = new CommunityOffer("Walk and talk", "Mind in the Borough", Now, "The borough");

        offer.Schedule([Session(DayOfWeek.Friday, 10, 12), Session(DayOfWeek.Monday, 18, 20), Session(DayOfWeek.Monday, 9, 11), Session(DayOfWeek.Friday, 10, 12)], null);

        offer.Sessions.ShouldBe([Session(DayOfWeek.Monday, 9, 11), Session(DayOfWeek.Monday, 18, 20), Session(DayOfWeek.Friday, 10, 12)]);
    }

    [Theory]
    [InlineData(18, 0, 20, 0, true)]
    [InlineData(17, 0, 18, 0, true)]
    [InlineData(16, 0, 19, 30, true)]
    [InlineData(16, 0, 19, 0, false)]
    [InlineData(9, 0, 17, 30, false)]
    [InlineData(9, 30, 12, 0, false)]
    public void Should_count_a_session_as_evening_when_it_starts_from_five_or_runs_past_seven(int opensHour, int opensMinute, int closesHour, int closesMinute, bool evening)
    {
        new OfferSession(DayOfWeek.Wednesday, new TimeOnly(opensHour, opensMinute), new TimeOnly(closesHour, closesMinute)).IsEvening.ShouldBe(evening);
    }

    [Fact]
    public void Should_take_every_detail_from_a_newer_copy_but_keep_its_own_id()
    {
        var offer = new CommunityOffer("Old name", "Old org", Now.AddYears(-1), "The borough");
        offer.Schedule([Session(DayOfWeek.Monday, 9, 10)], "Old note");
        offer.SetContact("01234 000000", null, null);
        var id = offer.Id;

        var newer = new CommunityOffer("Evening peer support circle", "Mind in the Borough", Now, "The borough");
        newer.Describe("Evening peer support circle", "A relaxed evening group.", "Mind in the Borough",
            [new OfferCategory("mh-peer", "Peer support", "esd"), new OfferCategory("social", "Social groups", null)],
            [DeterminantArea.Loneliness], peerLed: true, ["English", "Polish"]);
        newer.Locate("Riverside", "The Old Library", "1 High Street", "ab1 2cd");
        newer.Schedule([Session(DayOfWeek.Thursday, 18, 20)], "Not in August");
        newer.SetCost(isFree: true, "Tea 50p");
        newer.SetContact("01234 567890", "hello@example.org", "https://example.org/circle");
        newer.LinkExternal("svc-1", "org-1", "loc-1");
        newer.SetActive(false);

        offer.TakeDetailsFrom(newer);

        offer.ShouldMatchFieldByField(newer);
        offer.Id.ShouldBe(id);
    }
}
