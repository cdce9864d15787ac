using Hub.Domain.Conversations;
using Hub.Domain.Routing;
using static Hub.UnitTests.Routing.RoutingExamples;

namespace Hub.UnitTests.Routing;

public sealed class RoutingRankerOfferTests
{
    [Fact]
    public void Should_rank_offers_that_help_with_the_needs_first_and_say_how()
    {
        var debtAdvice = Offer("Zed debt advice", helpsWith: [DeterminantArea.MoneyDebtAndBenefits]);
        var gardening = Offer("Allotment club", helpsWith: [DeterminantArea.PhysicalHealth]);

        var ranked = RoutingRanker.RankOffers(Request(needs: [DeterminantArea.MoneyDebtAndBenefits]), [gardening, debtAdvice]);

        ranked.Names().ShouldBe(["Zed debt advice", "Allotment club"]);
        ranked[0].Reason.ShouldBe("helps with money, debt and benefits");
    }

    [Fact]
    public void Should_keep_offers_that_match_nothing_but_rank_them_last()
    {
        var nothing = Offer("Art group");
        var walking = Offer("Walking group", helpsWith: [DeterminantArea.PhysicalHealth]);

        var ranked = RoutingRanker.RankOffers(Request(goals: ["walk more"]), [nothing, walking]);

        ranked.Names().ShouldBe(["Walking group", "Art group"]);
        ranked[1].Score.ShouldBe(0);
        ranked[1].Reasons.ShouldBeEmpty();
    }

    [Fact]
    public void Should_rank_an_offer_in_the_persons_neighbourhood_first()
    {
        var south = Offer("A cafe", helpsWith: [DeterminantArea.Loneliness], neighbourhood: "South");
        var north = Offer("Z cafe", helpsWith: [DeterminantArea.Loneliness], neighbourhood: "North");

        var ranked = RoutingRanker.RankOffers(Request(needs: [DeterminantArea.Loneliness], neighbourhood: "NORTH"), [south, north]);

        ranked.Names().ShouldBe(["Z cafe", "A cafe"]);
        ranked[0].Reason.ShouldBe("helps with loneliness; in North");
    }

    [Fact]
    public void Should_rank_a_peer_led_offer_first_only_when_a_peer_worker_is_asked_for()
    {
        var peerLed = Offer("Z hearing voices group", peerLed: true);
        var other = Offer("A wellbeing course");

        RoutingRanker.RankOffers(Request(preferences: Prefer(peerWorker: true)), [other, peerLed]).Names()
            .ShouldBe(["Z hearing voices group", "A wellbeing course"]);
        RoutingRanker.RankOffers(Request(), [other, peerLed]).Names()
            .ShouldBe(["A wellbeing course", "Z hearing voices group"]);
    }

    [Fact]
    public void Should_prefer_a_free_offer_between_otherwise_equal_ones()
    {
        var paid = Offer("A swim session", helpsWith: [DeterminantArea.PhysicalHealth]);
        var free = Offer("Z park run", helpsWith: [DeterminantArea.PhysicalHealth], free: true);

        var ranked = RoutingRanker.RankOffers(Request(needs: [DeterminantArea.PhysicalHealth]), [paid, free]);

        ranked.Names().ShouldBe(["Z park run", "A swim session"]);
        ranked[0].Reason.ShouldBe("helps with physical health; free");
    }

    [Fact]
    public void Should_list_offer_reasons_in_a_fixed_order()
    {
        var offer = Offer("Conversation cafe", helpsWith: [DeterminantArea.Loneliness, DeterminantArea.Housing], neighbourhood: "North",
            peerLed: true, free: true, languages: ["Portuguese"], days: [DayOfWeek.Wednesday], evenings: true);
        var request = Request(
            needs: [DeterminantArea.Loneliness, DeterminantArea.Housing],
            neighbourhood: "North",
            preferences: Prefer(peerWorker: true, language: "portuguese", days: [DayOfWeek.Wednesday], evenings: true));

        RoutingRanker.RankOffers(request, [offer]).Single().Reason
            .ShouldBe("helps with housing; helps with loneliness; in North; peer-led; in Portuguese; runs Wednesdays and evenings; free");
    }

    [Fact]
    public void Should_not_mention_a_language_an_offer_does_not_run_in()
    {
        var offer = Offer("Coffee morning", languages: ["English"]);

        RoutingRanker.RankOffers(Request(preferences: Prefer(language: "Polish")), [offer]).Single().Reasons.ShouldBeEmpty();
    }
}
