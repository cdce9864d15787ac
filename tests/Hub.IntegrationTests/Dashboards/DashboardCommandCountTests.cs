using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Application.Dashboards.GetDashboard;
using Hub.Application.Dashboards.GetPeopleBehind;
using Hub.Application.Figures;
using Hub.Application.Reports.GenerateReports;
using Hub.Application.Reports.RequestReport;
using Hub.Infrastructure.Seeding.Bulk;
using Hub.IntegrationTests.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.IntegrationTests.Dashboards;

/// <summary>
/// The dashboard, its drill-down and a report cost the same number of SQL commands at 100 and at
/// 10,000 referrals (no query per row, per person or per group), whatever the filter.
/// </summary>
public sealed class DashboardCommandCountTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Should_send_the_same_number_of_commands_at_100_and_at_10000_referrals()
    {
        var small = await Measure(100);
        var large = await Measure(10_000);

        output.WriteLine($"SQL commands (dashboard, by team, by sector, by neighbourhood, drill-down, report): {small} at 100 referrals, {large} at 10,000");
        large.ShouldBe(small);
    }

    private static async Task<(int Hub, int Team, int Sector, int Neighbourhood, int DrillDown, int Report)> Measure(int referrals)
    {
        var database = new DatabaseFixture();
        await database.InitializeAsync();
        var counter = new CommandCounter();
        await using var host = new ApplicationHost(database.ConnectionString, new TestClock(Now), interceptors: [counter],
            settings: new Dictionary<string, string?> { ["Hub:Chromium:Path"] = "/nonexistent/chromium" },
            configure: s => Web.Design.Documents.DocumentServices.AddDocuments(s));
        await host.WithService<BulkSeeder, BulkSeedResult>(s => s.SeedAsync(new BulkSeedOptions { Referrals = referrals, PerWeek = 40 }, null, CancellationToken.None));
        var (leader, team, hood) = await host.WithDb(async db => (
            await db.TeamMembers.Select(m => m.Id).OrderBy(id => id).FirstAsync(),
            await db.Teams.Select(t => t.Id).OrderBy(id => id).FirstAsync(),
            await db.People.Where(p => p.Neighbourhood != null).Select(p => p.Neighbourhood!).OrderBy(n => n).FirstAsync()));
        var filter = FigureFilter.LastFourWeeks(DateOnly.FromDateTime(UkTime.ToLocal(Now)));

        async Task<int> Count<T>(MediatR.IRequest<T> request)
        {
            counter.Reset();
            await host.Send(request, leader, Roles.TeamLeader);
            return counter.Count;
        }

        var whole = await Count(new GetDashboard(filter));
        var byTeam = await Count(new GetDashboard(filter with { TeamId = team }));
        var bySector = await Count(new GetDashboard(filter with { Sector = Domain.Directory.Sector.Voluntary }));
        var byHood = await Count(new GetDashboard(filter with { Neighbourhood = hood }));
        var drill = await Count(new GetPeopleBehind(filter, "referred:all"));
        await host.Send(new RequestReport(filter.From.AddDays(-1), filter.To.AddDays(-1), null, null), leader, Roles.TeamLeader);
        var report = await Count(new GenerateQueuedReports());
        return (whole, byTeam, bySector, byHood, drill, report);
    }
}
