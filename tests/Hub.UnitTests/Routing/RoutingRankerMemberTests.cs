using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using Hub.Domain.Routing;
using static Hub.UnitTests.Routing.RoutingExamples;

namespace Hub.UnitTests.Routing;

public sealed class RoutingRankerMemberTests
{
    [Fact]
    public void Should_explain_a_money_adviser_who_speaks_the_language_asked_for()
    {
        var request = Request(needs: [DeterminantArea.MoneyDebtAndBenefits], preferences: Prefer(language: "portuguese"));
        var adviser = Member("Ana", ProfessionalGroup.MoneyAdviser, languages: ["Portuguese", "English"], caseload: 6, capacity: 20);

        var ranked = RoutingRanker.RankMembers(request, [adviser]);

        ranked.Single().Reason.ShouldBe("speaks Portuguese; money adviser; 6 of 20 cases");
    }

    [Fact]
    public void Should_say_helps_with_an_area_when_it_is_not_the_members_specialism()
    {
        var request = Request(needs: [DeterminantArea.Housing]);
        var adviser = Member("Ana", ProfessionalGroup.MoneyAdviser, helpsWith: [DeterminantArea.Housing], caseload: 3, capacity: 10);

        RoutingRanker.RankMembers(request, [adviser]).Single().Reason.ShouldBe("helps with housing; 3 of 10 cases");
    }

    [Fact]
    public void Should_leave_out_members_who_are_away()
    {
        var request = Request(needs: [DeterminantArea.Housing]);
        var away = Member("Bea", ProfessionalGroup.HousingAdviser, available: false);
        var here = Member("Cal");

        RoutingRanker.RankMembers(request, [away, here]).Names().ShouldBe(["Cal"]);
    }

    [Fact]
    public void Should_rank_a_full_caseload_below_a_weaker_member_with_room()
    {
        var request = Request(needs: [DeterminantArea.MoneyDebtAndBenefits], preferences: Prefer(language: "Polish"));
        var full = Member("Ana", ProfessionalGroup.MoneyAdviser, languages: ["Polish"], caseload: 20, capacity: 20);
        var weaker = Member("Zed", caseload: 19, capacity: 20);

        var ranked = RoutingRanker.RankMembers(request, [full, weaker]);

        ranked.Names().ShouldBe(["Zed", "Ana"]);
        ranked[1].Reason.ShouldBe("speaks Polish; money adviser; caseload full (20 of 20)");
    }

    [Fact]
    public void Should_count_a_caseload_over_capacity_as_full()
    {
        var over = Member("Ana", caseload: 23, capacity: 20);

        RoutingRanker.RankMembers(Request(), [over]).Single().Reasons[^1].ShouldBe("caseload full (23 of 20)");
    }

    [Fact]
    public void Should_offer_the_previous_lead_first_when_available()
    {
        var previous = Member("Zoe", caseload: 15, capacity: 20);
        var strongMatch = Member("Abe", ProfessionalGroup.PeerSupportWorker, helpsWith: [DeterminantArea.Loneliness, DeterminantArea.Housing],
            languages: ["Polish"], gender: WorkerGender.Woman, neighbourhoods: ["North"], caseload: 0);
        var request = Request(
            needs: [DeterminantArea.Loneliness, DeterminantArea.Housing],
            neighbourhood: "North",
            preferences: Prefer(peerWorker: true, language: "Polish", gender: WorkerGender.Woman),
            previousLead: previous.MemberId);

        var ranked = RoutingRanker.RankMembers(request, [strongMatch, previous]);

        ranked.Names().ShouldBe(["Zoe", "Abe"]);
        ranked[0].Reasons[0].ShouldBe("worked with them before");
    }

    [Fact]
    public void Should_not_offer_the_previous_lead_when_they_are_away()
    {
        var previous = Member("Zoe", available: false);
        var other = Member("Abe");

        var ranked = RoutingRanker.RankMembers(Request(previousLead: previous.MemberId), [previous, other]);

        ranked.Names().ShouldBe(["Abe"]);
        ranked.ShouldAllBe(s => !s.Reasons.Contains("worked with them before"));
    }

    [Fact]
    public void Should_rank_a_peer_support_worker_first_when_a_peer_worker_is_asked_for()
    {
        var peer = Member("Zia", ProfessionalGroup.PeerSupportWorker, caseload: 10);
        var nurse = Member("Amy", ProfessionalGroup.Nurse, caseload: 10);

        var ranked = RoutingRanker.RankMembers(Request(preferences: Prefer(peerWorker: true)), [nurse, peer]);

        ranked.Names().ShouldBe(["Zia", "Amy"]);
        ranked[0].Reason.ShouldBe("peer support worker, as asked; 10 of 20 cases");
    }

    [Fact]
    public void Should_not_favour_a_peer_support_worker_when_no_peer_worker_is_asked_for()
    {
        var peer = Member("Zia", ProfessionalGroup.PeerSupportWorker);
        var nurse = Member("Amy", ProfessionalGroup.Nurse);

        RoutingRanker.RankMembers(Request(), [peer, nurse]).Names().ShouldBe(["Amy", "Zia"]);
    }

    [Fact]
    public void Should_rank_a_worker_of_the_gender_asked_for_first()
    {
        var woman = Member("Zara", gender: WorkerGender.Woman);
        var man = Member("Adam", gender: WorkerGender.Man);
        var unknown = Member("Alex");

        var ranked = RoutingRanker.RankMembers(Request(preferences: Prefer(gender: WorkerGender.Woman)), [man, unknown, woman]);

        ranked[0].Name.ShouldBe("Zara");
        ranked[0].Reasons[0].ShouldBe("a woman, as asked");
    }

    [Fact]
    public void Should_rank_a_member_who_works_in_the_neighbourhood_first_and_name_it()
    {
        var local = Member("Zak", neighbourhoods: ["South", "North"]);
        var elsewhere = Member("Ada", neighbourhoods: ["South"]);

        var ranked = RoutingRanker.RankMembers(Request(neighbourhood: "north"), [elsewhere, local]);

        ranked.Names().ShouldBe(["Zak", "Ada"]);
        ranked[0].Reason.ShouldBe("works in North; 10 of 20 cases");
    }

    [Fact]
    public void Should_say_when_a_member_does_not_speak_the_language_but_still_suggest_them()
    {
        var member = Member("Ada", ProfessionalGroup.HousingAdviser, languages: ["Urdu"], caseload: 4, capacity: 12);
        var request = Request(needs: [DeterminantArea.Housing], preferences: Prefer(language: "Polish"));

        RoutingRanker.RankMembers(request, [member]).Single().Reason.ShouldBe("does not speak Polish; housing adviser; 4 of 12 cases");
    }

    [Fact]
    public void Should_name_the_days_and_evenings_that_suit_in_week_order()
    {
        var member = Member("Ada", workingDays: [DayOfWeek.Thursday, DayOfWeek.Tuesday, DayOfWeek.Monday], worksEvenings: true);
        var request = Request(preferences: Prefer(days: [DayOfWeek.Thursday, DayOfWeek.Tuesday, DayOfWeek.Saturday], evenings: true));

        RoutingRanker.RankMembers(request, [member]).Single().Reasons[0].ShouldBe("works Tuesdays, Thursdays and evenings");
    }

    [Fact]
    public void Should_rank_more_spare_capacity_slightly_higher()
    {
        var busy = Member("Ada", caseload: 18, capacity: 20);
        var quiet = Member("Zoe", caseload: 2, capacity: 20);

        var ranked = RoutingRanker.RankMembers(Request(), [busy, quiet]);

        ranked.Names().ShouldBe(["Zoe", "Ada"]);
        ranked[0].Score.ShouldBeGreaterThan(ranked[1].Score);
    }

    [Fact]
    public void Should_rank_a_matched_need_above_spare_capacity()
    {
        var busyMatch = Member("Zoe", helpsWith: [DeterminantArea.Loneliness], caseload: 19, capacity: 20);
        var emptyNoMatch = Member("Ada", caseload: 0, capacity: 20);

        RoutingRanker.RankMembers(Request(needs: [DeterminantArea.Loneliness]), [emptyNoMatch, busyMatch])
            .Names().ShouldBe(["Zoe", "Ada"]);
    }

    [Fact]
    public void Should_match_needs_read_from_the_goals()
    {
        var employment = Member("Zoe", ProfessionalGroup.EmploymentAdviser);
        var other = Member("Ada");

        var ranked = RoutingRanker.RankMembers(Request(goals: ["I want to get back to work"]), [other, employment]);

        ranked.Names().ShouldBe(["Zoe", "Ada"]);
        ranked[0].Reason.ShouldBe("employment adviser; 10 of 20 cases");
    }

    [Fact]
    public void Should_list_reasons_in_a_fixed_order_ending_with_the_caseload()
    {
        var member = Member("Ada", ProfessionalGroup.PeerSupportWorker,
            helpsWith: [DeterminantArea.Loneliness, DeterminantArea.MoneyDebtAndBenefits],
            languages: ["Portuguese"], neighbourhoods: ["North"], gender: WorkerGender.Woman,
            workingDays: [DayOfWeek.Tuesday], worksEvenings: true, caseload: 6, capacity: 20);
        var request = Request(
            needs: [DeterminantArea.Loneliness, DeterminantArea.MoneyDebtAndBenefits],
            neighbourhood: "North",
            preferences: Prefer(peerWorker: true, language: "Portuguese", gender: WorkerGender.Woman, days: [DayOfWeek.Tuesday], evenings: true),
            previousLead: member.MemberId);

        RoutingRanker.RankMembers(request, [member]).Single().Reasons.ShouldBe([
            "worked with them before",
            "speaks Portuguese",
            "helps with money, debt and benefits",
            "helps with loneliness",
            "peer support worker, as asked",
            "a woman, as asked",
            "works in North",
            "works Tuesdays and evenings",
            "6 of 20 cases",
        ]);
    }

    [Fact]
    public void Should_break_ties_by_name_then_id()
    {
        var bea = Member("Bea");
        var ann2 = Member("Ann", id: new Guid("00000000-0000-0000-0000-000000000002"));
        var ann1 = Member("Ann", id: new Guid("00000000-0000-0000-0000-000000000001"));

        var ranked = RoutingRanker.RankMembers(Request(), [bea, ann2, ann1]);

        ranked.Select(s => (s.Name, s.Id)).ShouldBe([("Ann", ann1.MemberId), ("Ann", ann2.MemberId), ("Bea", bea.MemberId)]);
    }

    [Fact]
    public void Should_give_the_same_ranking_for_the_same_input_whatever_the_candidate_order()
    {
        var members = new[]
        {
            Member("Ana", ProfessionalGroup.MoneyAdviser, languages: ["Portuguese"], caseload: 6),
            Member("Ben", ProfessionalGroup.PeerSupportWorker, helpsWith: [DeterminantArea.Loneliness], caseload: 12),
            Member("Cat", gender: WorkerGender.Woman, neighbourhoods: ["North"], caseload: 20),
            Member("Dev", ProfessionalGroup.HousingAdviser, caseload: 1),
            Member("Eve", caseload: 10),
        };
        var request = Request(
            needs: [DeterminantArea.MoneyDebtAndBenefits],
            goals: ["see my friends more"],
            neighbourhood: "North",
            preferences: Prefer(peerWorker: true, language: "Portuguese", gender: WorkerGender.Woman));

        var first = RoutingRanker.RankMembers(request, members);
        var again = RoutingRanker.RankMembers(request, members);
        var reversed = RoutingRanker.RankMembers(request, members.Reverse());

        var expected = first.Select(s => (s.Id, s.Score, s.Reason)).ToList();
        again.Select(s => (s.Id, s.Score, s.Reason)).ShouldBe(expected);
        reversed.Select(s => (s.Id, s.Score, s.Reason)).ShouldBe(expected);
        first.Names().ShouldBe(["Ana", "Ben", "Dev", "Eve", "Cat"]);
    }
}
