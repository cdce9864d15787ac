using Hub.Domain.Common;

namespace Hub.UnitTests.Domain;

/// <summary>Working days and the promise of first contact within two of them.</summary>
public sealed class UkWorkingDaysTests
{
    private static readonly UkWorkingDays Calendar = UkWorkingDays.EnglandAndWales;

    private static DateTimeOffset London(int year, int month, int day, int hour, int minute = 0) =>
        UkCalendar.FromLocal(new DateTime(year, month, day, hour, minute, 0));

    [Theory]
    // The days gov.uk lists for England and Wales in 2025, 2026 and 2027, substitute days included.
    [InlineData(2025, new[] { "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26" })]
    [InlineData(2026, new[] { "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28" })]
    [InlineData(2027, new[] { "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28" })]
    // Moved and added by proclamation: VE Day 75, the Platinum Jubilee, the state funeral, the coronation.
    [InlineData(2020, new[] { "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28" })]
    [InlineData(2022, new[] { "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27" })]
    [InlineData(2023, new[] { "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26" })]
    public void Should_list_the_bank_holidays_of_england_and_wales(int year, string[] expected) =>
        UkBankHolidays.EnglandAndWales(year, year).Order().Select(d => d.ToString("yyyy-MM-dd")).ShouldBe(expected);

    [Fact]
    public void Should_make_a_referral_sent_on_friday_evening_due_by_tuesday() =>
        Calendar.FirstContactDueBy(London(2026, 11, 20, 21, 30)).ShouldBe(new DateOnly(2026, 11, 24));

    [Fact]
    public void Should_skip_easter_when_counting_two_working_days() =>
        // Thursday 2 April 2026: Good Friday and Easter Monday are not working days.
        Calendar.FirstContactDueBy(London(2026, 4, 2, 10)).ShouldBe(new DateOnly(2026, 4, 8));

    [Fact]
    public void Should_count_a_referral_overdue_only_once_its_due_day_has_passed()
    {
        var received = London(2026, 11, 23, 9); // Monday: due by Wednesday
        Calendar.IsFirstContactOverdue(received, London(2026, 11, 25, 23, 59)).ShouldBeFalse();
        Calendar.IsFirstContactOverdue(received, London(2026, 11, 26, 0, 1)).ShouldBeTrue();
    }

    [Fact]
    public void Should_give_a_cut_off_that_agrees_with_the_rule_for_every_minute_of_a_month_with_a_bank_holiday()
    {
        // Every half hour of May 2026 (two bank holidays, a clock already changed): a referral is
        // before the cut-off exactly when the rule calls it overdue.
        var start = London(2026, 4, 20, 0);
        for (var now = London(2026, 5, 1, 0); now < London(2026, 6, 1, 0); now = now.AddHours(7))
        {
            var cutOff = Calendar.FirstContactOverdueBefore(now);
            for (var received = start; received < now; received = received.AddMinutes(30))
            {
                (received < cutOff).ShouldBe(Calendar.IsFirstContactOverdue(received, now), $"received {received:O}, now {now:O}");
            }
        }
    }

    [Fact]
    public void Should_let_configuration_replace_the_list()
    {
        var none = new UkWorkingDays([]);
        none.IsWorkingDay(new DateOnly(2026, 12, 25)).ShouldBeTrue();
        Calendar.IsWorkingDay(new DateOnly(2026, 12, 25)).ShouldBeFalse();
        Calendar.IsWorkingDay(new DateOnly(2026, 11, 21)).ShouldBeFalse(); // a Saturday
    }
}
