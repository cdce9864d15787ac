using Hub.Domain.Common;
using Hub.Domain.Spells;

namespace Hub.UnitTests.Domain;

/// <summary>
/// A referral on the fifth UK calendar day after a spell ended still joins it, whatever the hour;
/// one on the sixth starts a new spell. Counted in UK days, not 120-hour blocks, across the clock changes.
/// </summary>
public sealed class SpellRejoiningByUkDayTests
{
    private static DateTimeOffset Uk(int year, int month, int day, int hour, int minute) =>
        UkCalendar.FromLocal(new DateTime(year, month, day, hour, minute, 0));

    private static ReferralSpell EndedAt(DateTimeOffset ended)
    {
        var spell = new ReferralSpell(Guid.NewGuid(), ended.AddDays(-30));
        spell.End(ended);
        return spell;
    }

    [Fact]
    public void Should_join_a_referral_late_in_the_afternoon_of_the_fifth_uk_day_though_more_than_120_hours_have_passed()
    {
        var spell = EndedAt(Uk(2026, 11, 2, 10, 0));

        spell.Accepts(Uk(2026, 11, 7, 16, 30)).ShouldBeTrue();
    }

    [Theory]
    // Ended the evening before the clocks go forward (29 March 2026): the fifth day is in BST.
    [InlineData(2026, 3, 25, 22, 0, 2026, 3, 30, 23, 59, true)]
    [InlineData(2026, 3, 25, 22, 0, 2026, 3, 30, 0, 30, true)]
    [InlineData(2026, 3, 25, 22, 0, 2026, 3, 31, 0, 30, false)]
    // Ended in BST, five days run over the clocks going back (25 October 2026).
    [InlineData(2026, 10, 22, 23, 30, 2026, 10, 27, 23, 59, true)]
    [InlineData(2026, 10, 22, 23, 30, 2026, 10, 27, 0, 30, true)]
    [InlineData(2026, 10, 22, 23, 30, 2026, 10, 28, 0, 30, false)]
    // Ended just after midnight: still five whole UK days, not five from the minute.
    [InlineData(2026, 7, 1, 0, 5, 2026, 7, 6, 23, 59, true)]
    [InlineData(2026, 7, 1, 0, 5, 2026, 7, 7, 0, 0, false)]
    public void Should_join_on_the_fifth_uk_day_at_any_hour_and_not_on_the_sixth(int ey, int em, int ed, int eh, int emin, int ry, int rm, int rd, int rh, int rmin, bool joins)
    {
        var spell = EndedAt(Uk(ey, em, ed, eh, emin));

        spell.Accepts(Uk(ry, rm, rd, rh, rmin)).ShouldBe(joins);
        (ReferralSpell.FindSpellToJoin([spell], Uk(ry, rm, rd, rh, rmin)) is not null).ShouldBe(joins);
    }

    [Fact]
    public void Should_say_the_same_as_joining_when_asked_which_ended_spells_a_referral_now_could_still_join()
    {
        var random = new Random(20261025);
        var from = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5000; i++)
        {
            var ended = from.AddMinutes(random.Next(0, 60 * 24 * 300));
            var now = ended.AddMinutes(random.Next(0, 60 * 24 * 9));
            var spell = EndedAt(ended);

            (ended >= ReferralSpell.JoinableIfEndedFrom(now)).ShouldBe(spell.Accepts(now), $"ended {ended:O}, now {now:O}");
        }
    }
}
