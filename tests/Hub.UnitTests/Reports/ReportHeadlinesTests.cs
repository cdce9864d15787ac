using Hub.Application.Figures;
using Hub.Application.Reports;
using Hub.Application.Reports.Suppression;
using Hub.Domain.Contacts;
using Hub.Domain.Referrals;

namespace Hub.UnitTests.Reports;

/// <summary>
/// The summary's headline figures are the values the built reports publish, picked by stable ids,
/// and the previous period is the same length just before. Reports are built from facts made here.
/// </summary>
public sealed class ReportHeadlinesTests
{
    private static readonly PersonTraits Someone = new("A", new DateOnly(1980, 1, 1), "woman", null);

    [Theory]
    [InlineData("2026-10-01", "2026-10-31", "2026-09-01", "2026-09-30")] // a month: the month before, whatever its length
    [InlineData("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28")]
    [InlineData("2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31")] // a quarter: the quarter before
    [InlineData("2026-11-02", "2026-11-29", "2026-10-05", "2026-11-01")] // four weeks: the four weeks before
    [InlineData("2026-10-15", "2026-10-31", "2026-09-28", "2026-10-14")] // part of a month: as many days
    public void Should_take_the_period_of_the_same_length_just_before(string from, string to, string previousFrom, string previousTo)
    {
        ReportHeadlines.PreviousPeriod(DateOnly.Parse(from), DateOnly.Parse(to))
            .ShouldBe((DateOnly.Parse(previousFrom), DateOnly.Parse(previousTo)));
    }

    [Fact]
    public void Should_pick_every_headline_from_the_published_cells_of_each_report()
    {
        var november = Build(new DateOnly(2026, 11, 1), referrals: 23, didNotAttend: 6, stoppedWaits: [3, 10, 20, 30, 40, 50]);
        var october = Build(new DateOnly(2026, 10, 1), referrals: 3, didNotAttend: 0, stoppedWaits: []);

        var summary = ReportHeadlines.Compare(november, october);

        summary.PreviousFrom.ShouldBe(new DateOnly(2026, 10, 1));
        summary.PreviousTo.ShouldBe(new DateOnly(2026, 10, 31));
        summary.PreviousPeriod.ShouldBe("1 October 2026 to 31 October 2026");
        summary.Headlines.Select(h => h.Id).ShouldBe(["referrals", "people-seen", "median-wait", "within-28-days", "clocks-stopped", "access", "dialog-improved", "did-not-attend"]);
        string This(string id) => summary.Headlines.Single(h => h.Id == id).ThisPeriod.Text;
        string Before(string id) => summary.Headlines.Single(h => h.Id == id).PreviousPeriod.Text;

        This("referrals").ShouldBe(Published(november, "Referrals by source", "Total", 0));
        This("referrals").ShouldBe("25", "23 rounds to 25");
        Before("referrals").ShouldBe("*", "3 is a small number, hidden in the previous report as anywhere");
        This("people-seen").ShouldBe(Published(november, "People seen", "People with an attended contact in the period", 0));
        This("clocks-stopped").ShouldBe("5", "6 rounds to 5");
        Before("clocks-stopped").ShouldBe("0");
        This("median-wait").ShouldBe("25", "the middle of 3, 10, 20, 30, 40 and 50");
        Before("median-wait").ShouldBe(ReportHeadlines.NoClocksStopped);
        This("within-28-days").ShouldBe(Published(november, "Waits that ended in the period", "Within 28 days", 1));
        Before("within-28-days").ShouldBe(SuppressedValue.NoRateText);
        This("did-not-attend").ShouldBe(Published(november, "Attendance", "Did not attend", 1));
        This("did-not-attend").ShouldBe("21%", "6 of 29 contacts");
        This("access").ShouldBe("0");
        This("dialog-improved").ShouldBe(SuppressedValue.NoRateText);
    }

    [Theory]
    [InlineData(0, "No clocks stopped in the period", false)]
    [InlineData(1, "Not shown: fewer than 5 clocks stopped", true)]
    [InlineData(4, "Not shown: fewer than 5 clocks stopped", true)]
    [InlineData(5, "10", false)]
    public void Should_say_in_words_why_a_median_wait_is_not_shown_and_never_print_a_star_for_it(int stopped, string text, bool hidden)
    {
        var report = Build(new DateOnly(2026, 11, 1), referrals: 10, didNotAttend: 0, stoppedWaits: Enumerable.Repeat(10, stopped).ToArray());

        var median = report.Sections.SelectMany(s => s.Tables).SelectMany(t => t.Rows).Single(r => r.Id == ReportHeadlines.Ids.MedianWait).Values[0];

        median.Text.ShouldBe(text);
        median.IsSuppressed.ShouldBe(hidden);
        ReportCsv.Write(report).ShouldContain($",Median wait in days,Value,{text}\r\n");
    }

    [Fact]
    public void Should_put_the_summary_in_the_csv_after_the_period_and_scope()
    {
        var report = Build(new DateOnly(2026, 11, 1), referrals: 23, didNotAttend: 6, stoppedWaits: []);
        report = report with { Summary = ReportHeadlines.Compare(report, Build(new DateOnly(2026, 10, 1), referrals: 12, didNotAttend: 0, stoppedWaits: [])) };

        var lines = ReportCsv.Write(report).Split("\r\n");

        lines[4].ShouldBe("Report,About this report,Previous period start,Date,2026-10-01");
        lines[5].ShouldBe("Report,About this report,Previous period end,Date,2026-10-31");
        lines[6].ShouldBe("Summary,Headline figures,Referrals received,This period,25");
        lines[7].ShouldBe("Summary,Headline figures,Referrals received,Previous period,10");
        lines.ShouldContain("Summary,Headline figures,Median wait in days (clocks stopped),This period," + ReportHeadlines.NoClocksStopped);
    }

    private static string Published(CommissionerReport report, string table, string group, int column) =>
        report.Sections.SelectMany(s => s.Tables).Single(t => t.Title == table).Rows.Single(r => r.Group == group).Values[column].Text;

    /// <summary>A month's report: each referral seen once by phone, some missing a face-to-face appointment, and clocks that stopped after the given days.</summary>
    private static CommissionerReport Build(DateOnly month, int referrals, int didNotAttend, int[] stoppedWaits)
    {
        var filter = new FigureFilter(month, month.AddMonths(1).AddDays(-1));
        var start = new DateTimeOffset(month.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var people = Enumerable.Range(0, referrals).Select(_ => (Person: Guid.NewGuid(), Spell: Guid.NewGuid())).ToList();
        var facts = new HubFacts(
            filter,
            start.AddMonths(1),
            people.Select((p, i) => new ReferralFact(Guid.NewGuid(), p.Person, p.Spell, start.AddDays(i % 20), ReferralSource.Self, false, Someone)).ToList(),
            people.Select((p, i) => new ContactFact(Guid.NewGuid(), p.Person, p.Spell, start.AddDays((i % 20) + 1), ContactMedium.Phone, ContactPlace.Remote, true, Someone))
                .Concat(people.Take(didNotAttend).Select(p => new ContactFact(Guid.NewGuid(), p.Person, p.Spell, start.AddDays(2), ContactMedium.FaceToFace, ContactPlace.Hub, false, Someone)))
                .ToList(),
            [],
            stoppedWaits.Select(days => new WaitFact(Guid.NewGuid(), Guid.NewGuid(), start.AddDays(25 - days), start.AddDays(25), true, Someone)).ToList(),
            [],
            []);
        return CommissionerReport.Build(HubFigures.From(facts), [], [], "The whole hub", start.AddMonths(1));
    }
}
