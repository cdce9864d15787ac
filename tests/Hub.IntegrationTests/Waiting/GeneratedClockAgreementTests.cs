using Hub.Application.Common;
using Hub.Application.Dashboards.GetDashboard;
using Hub.Application.Figures;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Application.Waiting.GetFourWeekWaits;
using Hub.Domain.Common;
using Hub.Domain.People;
using Hub.Domain.Spells;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Waiting;

/// <summary>
/// Generated clocks through the real handlers on PostgreSQL: a few hundred spells started around
/// the clock changes and midnight, some stopped, and "now" set either side of them. For every now,
/// the waiting list's header counts, its rows, the dashboard's waiting figures and the report's
/// figures (the same facts the report worker counts) all agree, because all count UK days.
/// </summary>
public sealed class GeneratedClockAgreementTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static DateTimeOffset Uk(int year, int month, int day, int hour, int minute) => UkCalendar.FromLocal(new DateTime(year, month, day, hour, minute, 0));

    private static readonly DateTimeOffset[] Nows =
    [
        Uk(2026, 3, 28, 23, 59), Uk(2026, 3, 29, 0, 1), Uk(2026, 3, 29, 0, 59), Uk(2026, 3, 29, 3, 0), Uk(2026, 3, 30, 0, 30),
        Uk(2026, 4, 20, 23, 30), Uk(2026, 10, 24, 23, 59), Uk(2026, 10, 25, 0, 30), Uk(2026, 10, 25, 1, 30), Uk(2026, 10, 25, 23, 30),
        Uk(2026, 10, 26, 0, 10), Uk(2026, 11, 21, 12, 0),
    ];

    [SkippableFact]
    public async Task Should_agree_header_rows_dashboard_and_report_for_a_few_hundred_generated_spells_across_the_clock_changes()
    {
        var clock = new TestClock(Nows[0]);
        await using var host = new ApplicationHost(database.ConnectionString, clock);
        var random = new Random(2026);
        var spells = new List<Guid>();
        for (var i = 0; i < 300; i++)
        {
            var near = Nows[random.Next(Nows.Length)];
            var day = UkCalendar.DayOf(near).AddDays(-random.Next(0, 36));
            // Mostly either side of midnight, where 24-hour blocks and UK days part company.
            var minute = random.Next(3) == 0 ? random.Next(0, 24 * 60) : random.Next(-45, 45);
            clock.Set(UkCalendar.StartOfDay(day).AddMinutes(minute));
            var sent = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers { ContactMethod = ContactMethod.TheyWillCallUs, PreferredName = $"Generated {i}" }, Guid.NewGuid()));
            spells.Add(await host.WithDb(db => db.Referrals.Where(r => r.Reference == sent.Reference).Select(r => r.SpellId).SingleAsync()));
        }
        // A quarter get all three conditions some days after they started (dated when they happened).
        await host.WithDb(async db =>
        {
            foreach (var spell in await db.Spells.Where(s => spells.Contains(s.Id)).ToListAsync())
            {
                if (random.Next(4) == 0)
                {
                    spell.RecordAssessment(spell.StartedAt.AddHours(random.Next(1, 24 * 20)));
                    spell.RecordBaselineMeasure(spell.StartedAt.AddHours(random.Next(1, 24 * 35)));
                    spell.RecordCarePlanAgreed(spell.StartedAt.AddHours(random.Next(1, 24 * 35)));
                }
            }
            return await db.SaveChangesAsync();
        });

        foreach (var now in Nows)
        {
            clock.Set(now);
            var today = UkCalendar.DayOf(now);
            var because = $"now {now:O} ({UkTime.Format(now)})";

            var rows = new List<FourWeekWaitRow>();
            FourWeekWaitPage page;
            var number = 1;
            do
            {
                page = await host.Send(new GetFourWeekWaits(number++, 200), ApplicationHost.PractitionerId, Roles.TeamLeader);
                rows.AddRange(page.Rows);
            }
            while (page.HasNext);

            var filter = FigureFilter.LastFourWeeks(today);
            var dashboard = (await host.Send(new GetDashboard(filter), ApplicationHost.PractitionerId, Roles.TeamLeader)).Figures.Waiting;
            var report = HubFigures.From(await host.WithDb(db => db.LoadFactsAsync(filter, now, CancellationToken.None))).Waiting;

            page.Running.ShouldBe(rows.Count, because);
            page.AtRisk.ShouldBe(rows.Count(r => r.Clock.AtRisk), because);
            page.Breached.ShouldBe(rows.Count(r => r.Clock.Breached), because);
            (dashboard.WaitingNow.Count, dashboard.AtRisk.Count, dashboard.Breached.Count).ShouldBe((page.Running, page.AtRisk, page.Breached), because);
            (report.WaitingNow.Count, report.AtRisk.Count, report.Breached.Count).ShouldBe((page.Running, page.AtRisk, page.Breached), because);

            // Waits that stopped in the period: within or over 28 UK days, as each spell's own clock says.
            var stopped = await host.WithDb(db => db.Spells.AsNoTracking()
                .Where(s => s.ClockStoppedAt >= filter.Start && s.ClockStoppedAt < filter.End).ToListAsync());
            var clocks = stopped.Select(s => FourWeekClock.Of(s, now)).ToList();
            (report.Stopped.Count, report.WithinStandard.Count, report.OverStandard.Count)
                .ShouldBe((clocks.Count, clocks.Count(c => !c.Breached), clocks.Count(c => c.Breached)), because);
            (dashboard.WithinStandard.Count, dashboard.OverStandard.Count).ShouldBe((report.WithinStandard.Count, report.OverStandard.Count), because);
        }
    }
}
