using Hub.Domain.Common;
using Hub.Domain.Spells;

namespace Hub.UnitTests.Domain;

/// <summary>
/// The clock stops at the last of: an assessment, a baseline measure (the spell's first rated
/// measure, dated when taken) and a care plan agreed or an intervention started (by the person
/// through their link, or recorded by staff), in whatever order they come.
/// </summary>
public sealed class ClockStopsTests
{
    private static readonly DateTimeOffset Referred = UkCalendar.FromLocal(new DateTime(2026, 10, 20, 15, 0, 0));
    private static readonly Guid Staff = Guid.NewGuid();

    private static DateOnly Day(int after) => UkCalendar.DayOf(Referred).AddDays(after);

    public static TheoryData<string> Orders => new() { "abc", "acb", "bac", "bca", "cab", "cba" };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Should_stop_at_the_last_of_the_three_in_any_order_with_staff_recording_the_intervention(string order)
    {
        var spell = new ReferralSpell(Guid.NewGuid(), Referred);
        var days = new Dictionary<char, int> { ['a'] = 3, ['b'] = 8, ['c'] = 12 };
        var recorded = 0;
        foreach (var step in order)
        {
            spell.ClockStoppedAt.ShouldBeNull("not all three yet");
            var at = UkCalendar.StartOfDay(Day(days[step])).AddHours(11);
            switch (step)
            {
                case 'a': spell.RecordAssessment(at); break;
                case 'b': spell.RecordBaselineMeasure(at); break;
                default: spell.RecordCareStart(CareStartKind.InterventionStarted, Day(days[step]), null, InterventionKind.PeerSupport, null, Guid.NewGuid(), Staff, at); break;
            }
            recorded++;
        }

        recorded.ShouldBe(3);
        UkCalendar.DayOf(spell.ClockStoppedAt!.Value).ShouldBe(Day(12));
        FourWeekClock.Of(spell, Referred.AddDays(60)).ShouldSatisfyAllConditions(
            c => c.State.ShouldBe(ClockState.Stopped),
            c => c.DaysWaited.ShouldBe(12));
    }

    [Fact]
    public void Should_move_the_baseline_earlier_when_an_earlier_rating_arrives_later()
    {
        var spell = new ReferralSpell(Guid.NewGuid(), Referred);
        spell.RecordAssessment(Referred.AddDays(2));
        spell.RecordCarePlanAgreed(Referred.AddDays(4));
        spell.RecordBaselineMeasure(Referred.AddDays(30));
        UkCalendar.DaysBetween(Referred, spell.ClockStoppedAt!.Value).ShouldBe(30);

        // A goal rating taken on day 3, saved after the later conversation.
        spell.RecordBaselineMeasure(Referred.AddDays(3));

        spell.BaselineMeasuredAt.ShouldBe(Referred.AddDays(3));
        spell.ClockStoppedAt.ShouldBe(Referred.AddDays(4), "now the plan, on day 4, came last");
    }

    [Fact]
    public void Should_take_the_earliest_of_the_persons_agreement_and_what_staff_recorded_as_the_third_condition()
    {
        var spell = new ReferralSpell(Guid.NewGuid(), Referred);
        spell.RecordCarePlanAgreed(Referred.AddDays(9)); // the person agreed through their link on day 9

        spell.RecordCareStart(CareStartKind.CarePlanAgreed, Day(6), CarePlanAgreedHow.Phone, null, null, Guid.NewGuid(), Staff, Referred.AddDays(10));
        spell.RecordCareStart(CareStartKind.InterventionStarted, Day(7), null, InterventionKind.PsychologicalTherapy, "Invented", Guid.NewGuid(), Staff, Referred.AddDays(10));

        UkCalendar.DayOf(spell.CarePlanAgreedAt!.Value).ShouldBe(Day(6));
    }

    [Fact]
    public void Should_never_stop_before_it_started_when_everything_happened_on_the_first_day()
    {
        var spell = new ReferralSpell(Guid.NewGuid(), Referred);
        spell.RecordAssessment(Referred.AddHours(1));
        spell.RecordBaselineMeasure(Referred.AddHours(1));

        spell.RecordCareStart(CareStartKind.CarePlanAgreed, Day(0), CarePlanAgreedHow.InPerson, null, null, Guid.NewGuid(), Staff, Referred.AddHours(2));

        spell.ClockStoppedAt.ShouldBe(Referred.AddHours(1));
        FourWeekClock.Of(spell, Referred.AddDays(1)).DaysWaited.ShouldBe(0);
    }

    [Fact]
    public void Should_refuse_a_day_in_the_future_before_the_spell_started_or_on_a_closed_spell()
    {
        var spell = new ReferralSpell(Guid.NewGuid(), Referred);
        var now = Referred.AddDays(5);

        Should.Throw<DomainRuleException>(() => spell.RecordCareStart(CareStartKind.CarePlanAgreed, Day(6), CarePlanAgreedHow.Video, null, null, Guid.NewGuid(), Staff, now));
        Should.Throw<DomainRuleException>(() => spell.RecordCareStart(CareStartKind.CarePlanAgreed, Day(-1), CarePlanAgreedHow.Video, null, null, Guid.NewGuid(), Staff, now));
        Should.Throw<DomainRuleException>(() => spell.RecordCareStart(CareStartKind.InterventionStarted, Day(1), null, null, null, Guid.NewGuid(), Staff, now));
        spell.CarePlanAgreedAt.ShouldBeNull();

        spell.Close(SpellClosureReason.PersonsChoice, null, Staff, now);
        Should.Throw<DomainRuleException>(() => spell.RecordCareStart(CareStartKind.CarePlanAgreed, Day(1), CarePlanAgreedHow.Video, null, null, Guid.NewGuid(), Staff, now));
    }
}
