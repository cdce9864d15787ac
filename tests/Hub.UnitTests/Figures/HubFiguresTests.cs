using Hub.Application.Figures;
using Hub.Domain.Contacts;
using Hub.Domain.Outcomes;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;

namespace Hub.UnitTests.Figures;

/// <summary>Every figure on a small set of facts whose answers are worked out by hand in the comments.</summary>
public sealed class HubFiguresTests
{
    // Monday 2 November 2026, midday UK time (GMT): the period is 2 to 29 November.
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly FigureFilter Period = new(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 29));
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly PersonTraits Ada = new("N", new DateOnly(2001, 11, 5), "woman", "Brixton");      // Black; 24 until 5 Nov, then 25
    private static readonly PersonTraits Ben = new("A", new DateOnly(1960, 1, 1), "man", "Clapham");         // White; 66
    private static readonly PersonTraits Cat = new("prefer-not-to-say", null, null, null);                   // not said / not known

    private static readonly Guid AdaId = Guid.NewGuid(), BenId = Guid.NewGuid(), CatId = Guid.NewGuid();

    private static HubFacts Facts() => new(
        Period,
        Now,
        [
            Referral(AdaId, Ada, Monday, ReferralSource.Self),
            Referral(AdaId, Ada, Monday.AddDays(9), ReferralSource.Self),                       // Ada is 25 by then
            Referral(BenId, Ben, Monday.AddDays(1), ReferralSource.GeneralPractice, isReturn: true),
            Referral(CatId, Cat, Monday.AddDays(15), ReferralSource.CarerOrFamily),
        ],
        [
            Contact(AdaId, Ada, Monday.AddDays(2), ContactMedium.Phone, ContactPlace.Remote, attended: true),
            Contact(AdaId, Ada, Monday.AddDays(8), ContactMedium.FaceToFace, ContactPlace.Cafe, attended: false),
            Contact(BenId, Ben, Monday.AddDays(3), ContactMedium.FaceToFace, ContactPlace.Hub, attended: true),
            Contact(BenId, Ben, Monday.AddDays(4), ContactMedium.FaceToFace, ContactPlace.Hub, attended: false),
            Contact(CatId, Cat, Monday.AddDays(16), ContactMedium.Video, ContactPlace.Remote, attended: true),
        ],
        [
            new ClosureFact(Guid.NewGuid(), BenId, Monday.AddDays(20), SpellClosureReason.GoalsMet, Ben),
            new ClosureFact(Guid.NewGuid(), CatId, Monday.AddDays(21), null, Cat),
        ],
        [
            Wait(AdaId, Ada, days: 10, stopped: true),
            Wait(BenId, Ben, days: 20, stopped: true),
            Wait(CatId, Cat, days: 30, stopped: true),
            Wait(Guid.NewGuid(), Ben, days: 40, stopped: true),
            Wait(Guid.NewGuid(), Cat, days: 12, stopped: false),
        ],
        [
            new RunningWaitFact(Guid.NewGuid(), AdaId, Now.AddDays(-5), Ada),
            new RunningWaitFact(Guid.NewGuid(), BenId, Now.AddDays(-21), Ben),
            new RunningWaitFact(Guid.NewGuid(), CatId, Now.AddDays(-29), Cat),
        ],
        [
            Outcome(AdaId, Ada, BuiltInMeasures.DialogCode, FactLoading.DialogQualityOfLife, 3.0m, 4.5m),   // +1.5: improved
            Outcome(BenId, Ben, BuiltInMeasures.DialogCode, FactLoading.DialogQualityOfLife, 4.0m, 4.5m),   // +0.5: no reliable change
            Outcome(AdaId, Ada, BuiltInMeasures.GboCode, "goal-1", 2m, 7m),                                 // +5: improved
            Outcome(BenId, Ben, BuiltInMeasures.GboCode, "goal-1", 6m, 2m),                                 // -4: deteriorated
        ]);

    [Fact]
    public void Should_count_the_four_week_clock_now_and_for_waits_that_finished_in_the_period()
    {
        var w = HubFigures.From(Facts()).Waiting;

        w.WaitingNow.Count.ShouldBe(3);
        w.AtRisk.Count.ShouldBe(1, "day 21 is at risk; day 5 is not; day 29 has breached");
        w.Breached.Count.ShouldBe(1);
        w.Stopped.Count.ShouldBe(4);
        w.MedianDays.ShouldBe(25m, "the middle of 10, 20, 30 and 40 days");
        w.WithinStandard.Count.ShouldBe(2);
        w.WithinStandard.Percent.ShouldBe(50m);
        w.OverStandard.Count.ShouldBe(2);
        w.EndedBeforeStopping.Count.ShouldBe(1, "a spell that ended before its clock stopped is not a wait of 12 days");
    }

    [Fact]
    public void Should_count_flow_by_week_source_medium_place_attendance_closure_and_return()
    {
        var flow = HubFigures.From(Facts()).Flow;

        flow.Referred.Count.ShouldBe(4);
        flow.ByWeek.Select(t => t.Count).ShouldBe([2, 1, 1, 0], "weeks of 2, 9, 16 and 23 November");
        flow.ByWeek[0].Label.ShouldBe("2 Nov");
        flow.BySource.Single(t => t.Label == "Self").Count.ShouldBe(2);
        flow.BySource.Single(t => t.Label == "Self").Percent.ShouldBe(50m);
        flow.BySource.Sum(t => t.Count).ShouldBe(4);
        flow.Returns.Count.ShouldBe(1);
        flow.Returns.Percent.ShouldBe(25m);
        flow.Contacts.Count.ShouldBe(5);
        flow.ByMedium.Single(t => t.Key == "medium:FaceToFace").Count.ShouldBe(3);
        flow.ByPlace.Single(t => t.Key == "place:Remote").Count.ShouldBe(2);
        flow.DidNotAttend.Count.ShouldBe(2);
        flow.DidNotAttend.Percent.ShouldBe(40m);
        flow.Closed.Count.ShouldBe(2);
        flow.ByClosureReason.Single(t => t.Key == "closure:GoalsMet").Count.ShouldBe(1);
        flow.ByClosureReason.Single(t => t.Key == "closure:" + FigureKeys.NoReason).Count.ShouldBe(1);
    }

    [Fact]
    public void Should_pair_outcomes_with_mean_change_and_reliable_change_categories()
    {
        var outcomes = HubFigures.From(Facts()).Outcomes;

        var dialog = outcomes.Single(o => o.Measure == "dialog");
        dialog.Pairs.Count.ShouldBe(2);
        dialog.MeanChange.ShouldBe(1.0m, "(1.5 + 0.5) / 2");
        dialog.ByCategory.Select(t => t.Count).ShouldBe([1, 1, 0]);

        var gbo = outcomes.Single(o => o.Measure == "gbo");
        gbo.MeanChange.ShouldBe(0.5m, "(5 - 4) / 2");
        gbo.ByCategory.Select(t => t.Count).ShouldBe([1, 0, 1]);
        gbo.ByCategory[0].Percent.ShouldBe(50m);
    }

    [Fact]
    public void Should_break_every_figure_down_by_group_with_age_on_the_day_of_the_event()
    {
        var equity = HubFigures.From(Facts()).Equity;

        var age = equity.Single(t => t.Dimension == EquityDimension.AgeBand);
        age.Rows.Single(r => r.Group == "18 to 24").Referred.Count.ShouldBe(1, "Ada was 24 at her first referral");
        age.Rows.Single(r => r.Group == "25 to 34").Referred.Count.ShouldBe(1, "and 25 at her second");
        age.Rows.Single(r => r.Group == "65 and over").Referred.Count.ShouldBe(1);
        age.Rows.Single(r => r.Group == EquityGroups.NotKnown).Referred.Count.ShouldBe(1);
        age.Rows.Sum(r => r.Referred.Count).ShouldBe(4, "the groups add up to everyone referred");

        var ethnicity = equity.Single(t => t.Dimension == EquityDimension.Ethnicity);
        var black = ethnicity.Rows.Single(r => r.Group == "Black or Black British");
        black.Referred.Percent.ShouldBe(50m, "2 of the 4 referrals");
        black.DidNotAttend.Count.ShouldBe(1);
        black.DidNotAttend.Percent.ShouldBe(50m, "1 of Ada's 2 contacts");
        black.DialogImproved.Count.ShouldBe(1);
        ethnicity.Rows.Single(r => r.Group == EquityGroups.NotSaid).Breached.Count.ShouldBe(1);
        ethnicity.Rows.Single(r => r.Group == "White").WithinStandard.Percent.ShouldBe(50m, "Ben's waits of 20 and 40 days");

        var hoods = equity.Single(t => t.Dimension == EquityDimension.Neighbourhood);
        hoods.Rows.Select(r => r.Group).ShouldBe(["Brixton", "Clapham", EquityGroups.NotKnown], ignoreOrder: true);
    }

    [Fact]
    public void Should_list_exactly_the_people_behind_a_number_and_behind_a_slice_of_it()
    {
        var facts = Facts();

        FigureTally.PeopleBehind(facts, "dna:all").ToList().ShouldBe([AdaId, BenId], ignoreOrder: true);
        FigureTally.PeopleBehind(facts, "dna:all|Ethnicity=White").ToList().ShouldBe([BenId]);
        FigureTally.PeopleBehind(facts, "waiting:breached").ToList().ShouldBe([CatId]);
        FigureTally.PeopleBehind(facts, "source:Self").ToList().ShouldBe([AdaId], "two referrals, one person");
        FigureTally.PeopleBehind(facts, "no-such-key").ShouldBeEmpty();
    }

    [Fact]
    public void Should_give_every_shown_number_a_key_whose_people_match_it()
    {
        var facts = Facts();
        var tally = new FigureTally(facts);
        foreach (var (_, t) in HubFigures.From(facts).Tallies())
        {
            // "People seen" counts people; every other number counts facts.
            (t.Key.StartsWith("attended:", StringComparison.Ordinal) ? tally.People(t.Key) : tally.Count(t.Key)).ShouldBe(t.Count, t.Key);
            (FigureTally.PeopleBehind(facts, t.Key).Count > 0).ShouldBe(t.Count > 0, t.Key);
        }
    }

    [Theory]
    [InlineData("2008-11-29", "2026-11-28", "17")]
    [InlineData("2008-11-29", "2026-11-29", "18 to 24")]
    [InlineData("1961-11-30", "2026-11-29", "55 to 64")]
    [InlineData("1961-11-29", "2026-11-29", "65 and over")]
    [InlineData("2030-01-01", "2026-11-29", EquityGroups.NotKnown)]
    public void Should_band_age_on_the_birthday_itself(string born, string on, string band)
    {
        var expected = band == "17" ? "Under 18" : band;
        EquityGroups.AgeBand(DateOnly.Parse(born), DateOnly.Parse(on)).ShouldBe(expected);
    }

    [Fact]
    public void Should_give_the_middle_value_for_odd_counts_and_the_mean_of_the_two_middle_values_for_even()
    {
        HubFigures.Median([]).ShouldBeNull();
        HubFigures.Median([7]).ShouldBe(7m);
        HubFigures.Median([1, 2, 9]).ShouldBe(2m);
        HubFigures.Median([1, 2, 3, 9]).ShouldBe(2.5m);
    }

    private static ReferralFact Referral(Guid person, PersonTraits traits, DateTimeOffset at, ReferralSource source, bool isReturn = false) =>
        new(Guid.NewGuid(), person, Guid.NewGuid(), at, source, isReturn, traits);

    private static ContactFact Contact(Guid person, PersonTraits traits, DateTimeOffset at, ContactMedium medium, ContactPlace place, bool attended) =>
        new(Guid.NewGuid(), person, Guid.NewGuid(), at, medium, place, attended, traits);

    private static WaitFact Wait(Guid person, PersonTraits traits, int days, bool stopped) =>
        new(Guid.NewGuid(), person, Monday.AddDays(-days), Monday, stopped, traits);

    private static OutcomeFact Outcome(Guid person, PersonTraits traits, string measure, string scale, decimal before, decimal after) =>
        new(Guid.NewGuid(), person, measure, scale, before, after,
            Scoring.Classify(before, after, measure == BuiltInMeasures.DialogCode ? 1m : 3m)!.Value, Monday.AddDays(10), traits);
}
