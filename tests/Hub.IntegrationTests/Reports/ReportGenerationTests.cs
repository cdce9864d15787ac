using System.Diagnostics;
using System.Text;
using Hub.Application.Common;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Reports.GenerateReports;
using Hub.Application.Reports.GetReports;
using Hub.Application.Reports.RequestReport;
using Hub.Application.Reports.Suppression;
using Hub.Domain.Contacts;
using Hub.Domain.Referrals;
using Hub.Domain.Reports;
using Hub.IntegrationTests.Dashboards;
using Hub.TestSupport;
using Hub.Web;
using Hub.Web.Design;
using Hub.Web.Design.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.IntegrationTests.Dashboards.DashboardWorld;

namespace Hub.IntegrationTests.Reports;

/// <summary>
/// A commissioner report made in the background on PostgreSQL, with the real Chromium, from a hub
/// whose figures are worked out by hand: 20 people referred in November 2026 (12 themselves, 6 by
/// their GP, 2 by a carer), each seen once by phone; 7 of them seen a second time by phone; 3 of
/// them missed a face-to-face appointment.
/// </summary>
public sealed class ReportGenerationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Guid Commissioner = Guid.Parse("0b8f5a4e-3d1c-4c55-9a31-5a1f6e7d2c0c");
    private static readonly string[] Neighbourhoods = ["Brixton", "Clapham", "Stockwell"];
    private const string ReportNeighbourhoods = Hub.Application.Reports.CommissionerReport.OtherNeighbourhoods;

    private readonly List<string> _personal = [];

    [SkippableFact]
    public async Task Should_make_a_suppressed_report_whose_figures_match_the_hand_count_and_name_nobody()
    {
        Skip.IfNot(File.Exists(ChromiumPath), "Chromium is needed for the PDF.");
        // A database of its own: the other tests here leave reports in the queue.
        var own = new DatabaseFixture();
        await own.InitializeAsync();
        await using var host = Host(connectionString: own.ConnectionString);
        await ArrangeNovember(host);

        var id = await host.Send(new RequestReport(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null, null), Commissioner, Roles.Commissioner);
        (await host.Send(new GenerateQueuedReports(), Commissioner, Roles.Commissioner)).ShouldBe(1);

        var detail = await host.Send(new GetReport(id), Commissioner, Roles.Commissioner);
        detail.Summary.Status.ShouldBe(ReportStatus.Ready, detail.FailureMessage);
        detail.Files.Select(f => f.Kind).ShouldBe([ReportFileKind.Html, ReportFileKind.Csv, ReportFileKind.Pdf]);

        var csv = Encoding.UTF8.GetString((await host.Send(new GetReportFile(id, ReportFileKind.Csv), Commissioner, Roles.Commissioner)).Content);
        string Value(string table, string group, string measure) =>
            csv.Split("\r\n").Single(l => l.Contains($",{table},{group},{measure},", StringComparison.Ordinal)).Split(',')[^1];

        // Sources [12, 6, 2]: 2 is hidden, so the next smallest (6) is hidden with it; 12 and 20 round to 10 and 20.
        Value("Referrals by source", "Self-referral", "Referrals").ShouldBe("10");
        Value("Referrals by source", "GP practice", "Referrals").ShouldBe("*");
        Value("Referrals by source", "Carer or family", "Referrals").ShouldBe("*");
        Value("Referrals by source", "Total", "Referrals").ShouldBe("20");
        Value("Referrals by source", "Self-referral", "Share").ShouldBe("50%", "10 of 20, from the figures as printed, so it tells a reader nothing more than they do");
        Value("Referrals by source", "GP practice", "Share").ShouldBe("*", "its count is hidden, so its share is too");
        Value("People seen", "People with an attended contact in the period", "People").ShouldBe("20");
        Value("People seen", "Access: people with 2 or more attended contacts in the 12 months to 30 November 2026", "People").ShouldBe("*", "7 would round to 5, but every group of the equalities tables' access column is from 1 to 4, so the total of those hidden groups (the same figure) is hidden everywhere");
        // Attendance [27 attended, 3 missed]: the 3 is hidden; the part attended is not printed beside it.
        // The 30 contacts are also the total of the medium and place tables, whose every group is hidden
        // here, so the total of those hidden groups is hidden wherever it is printed.
        Value("Attendance", "Did not attend", "Contacts").ShouldBe("*");
        csv.ShouldNotContain(",Attendance,Attended,");
        Value("Attendance", "All contacts", "Contacts").ShouldBe("*");
        Value("Contacts by medium", "Total", "Contacts").ShouldBe("*");
        Value("Attendance", "Did not attend", "Rate").ShouldBe("*");
        Value("Measures by ethnic group", "Total", "Referrals").ShouldBe("20");
        // The ethnic groups' did-not-attend rates are hidden where their small numerators are; the whole
        // hub's rate is the attendance table's, hidden because its cells are.
        Value("Measures by ethnic group", "Total", "Did not attend").ShouldBe("*");
        // Neighbourhoods typed on records but not on the partnership's list are never named.
        Value("Measures by neighbourhood", ReportNeighbourhoods, "Referrals").ShouldBe("20");
        foreach (var typed in Neighbourhoods)
        {
            csv.ShouldNotContain(typed);
        }

        // No count from 1 to 4 is published anywhere.
        foreach (var line in csv.Split("\r\n").Skip(4).Where(l => l.Length > 0))
        {
            var value = line.Split(',')[^1];
            if (int.TryParse(value, out var count))
            {
                (count == 0 || count % 5 == 0).ShouldBeTrue($"'{line}' publishes a count that is not 0 or a multiple of 5");
            }
        }

        var pdf = await host.Send(new GetReportFile(id, ReportFileKind.Pdf), Commissioner, Roles.Commissioner);
        Encoding.ASCII.GetString(pdf.Content, 0, 5).ShouldBe("%PDF-");
        pdf.Sha256.ShouldBe(detail.Files.Single(f => f.Kind == ReportFileKind.Pdf).Sha256);
        var again = await host.Send(new GetReportFile(id, ReportFileKind.Pdf), Commissioner, Roles.Commissioner);
        again.Content.ShouldBe(pdf.Content, "a re-download returns the archived bytes");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(again.Content)).ShouldBe(pdf.Sha256);

        var text = await PdfText(pdf.Content);
        text.ShouldContain("Definitions");
        text.ShouldContain("Four-week wait");
        // The statement may run over a page break: read it without the running heads and page numbers.
        var body = string.Join('\n', text.Split('\n').Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l.Trim(), @"^(Page \d+ of \d+|Living Well Hub — .*|The whole hub)$")));
        Squash(body).ShouldContain(Squash(SuppressionRule.Statement));
        text.ShouldContain("1 November 2026 to 30 November 2026");

        var html = Encoding.UTF8.GetString((await host.Send(new GetReportFile(id, ReportFileKind.Html), Commissioner, Roles.Commissioner)).Content);
        foreach (var personal in _personal)
        {
            csv.ShouldNotContain(personal, Case.Insensitive);
            text.ShouldNotContain(personal, Case.Insensitive);
            html.ShouldNotContain(personal, Case.Insensitive);
        }
    }

    [SkippableFact]
    public async Task Should_end_as_failed_with_what_to_do_when_chromium_is_missing_and_keep_the_page_and_csv()
    {
        await using var host = Host(chromium: "/nonexistent/chromium");
        var id = await host.Send(new RequestReport(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), null, null), Commissioner, Roles.Commissioner);

        await host.Send(new GenerateQueuedReports(), Commissioner, Roles.Commissioner);

        var detail = await host.Send(new GetReport(id), Commissioner, Roles.Commissioner);
        detail.Summary.Status.ShouldBe(ReportStatus.Failed);
        detail.FailureMessage!.ShouldContain("apt-get install chromium");
        await Should.ThrowAsync<FluentValidation.ValidationException>(() =>
            host.Send(new RequestReport(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), null, "Somewhere typed"), Commissioner, Roles.Commissioner));
        await Should.ThrowAsync<FluentValidation.ValidationException>(() =>
            host.Send(new RequestReport(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), null, null), Commissioner, Roles.Commissioner));
        detail.Files.Select(f => f.Kind).ShouldBe([ReportFileKind.Html, ReportFileKind.Csv], "nothing half-written: no PDF");
        await Should.ThrowAsync<NotFoundException>(() => host.Send(new GetReportFile(id, ReportFileKind.Pdf), Commissioner, Roles.Commissioner));

        await host.Send(new RetryReport(id), Commissioner, Roles.Commissioner);
        (await host.Send(new GetReport(id), Commissioner, Roles.Commissioner)).Summary.Status.ShouldBe(ReportStatus.Queued);
        // "Try again" pressed again on a page opened before the first: nothing more to do, no broken-rule page.
        await host.Send(new RetryReport(id), Commissioner, Roles.Commissioner);
        (await host.Send(new GetReport(id), Commissioner, Roles.Commissioner)).Summary.Status.ShouldBe(ReportStatus.Queued);
    }

    [SkippableFact]
    public async Task Should_put_a_report_abandoned_mid_run_back_in_the_queue_and_make_it()
    {
        await using var host = Host(chromium: "/nonexistent/chromium");
        var id = await host.Send(new RequestReport(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), null, null), Commissioner, Roles.Commissioner);
        // A worker started it and then stopped (a crash or a restart).
        await host.WithDb(async db =>
        {
            (await db.ReportRuns.SingleAsync(r => r.Id == id)).Start(host.Clock.GetUtcNow());
            return await db.SaveChangesAsync(CancellationToken.None);
        });

        await host.Send(new GenerateQueuedReports(), Commissioner, Roles.Commissioner);
        (await host.Send(new GetReport(id), Commissioner, Roles.Commissioner)).Summary.Status.ShouldBe(ReportStatus.Running, "it may still be running somewhere");

        host.Clock.Advance(GenerateQueuedReportsHandler.Abandoned);
        await host.Send(new GenerateQueuedReports(), Commissioner, Roles.Commissioner);

        var detail = await host.Send(new GetReport(id), Commissioner, Roles.Commissioner);
        detail.Summary.Status.ShouldBe(ReportStatus.Failed, "made again: page and CSV, then the PDF fails for want of Chromium");
        detail.Files.Select(f => f.Kind).ShouldBe([ReportFileKind.Html, ReportFileKind.Csv]);
    }

    [SkippableFact]
    public async Task Should_queue_last_months_report_once_for_each_scheduled_scope()
    {
        await using var host = Host(settings: new() { ["Hub:Reports:Monthly:0"] = "hub", ["Hub:Reports:Monthly:1"] = "neighbourhood:Brixton", ["Hub:Reports:Monthly:2"] = "team:not-a-team" });
        host.Clock.Set(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

        (await host.Send(new QueueMonthlyReports(), Guid.Empty, Roles.Public)).ShouldBe(2, "the hub and Brixton; an unreadable scope is skipped");
        (await host.Send(new QueueMonthlyReports(), Guid.Empty, Roles.Public)).ShouldBe(0, "running again in the same month queues nothing");

        var list = await host.Send(new GetReports(), Commissioner, Roles.Commissioner);
        var monthly = list.Reports.Where(r => r.Trigger == ReportTrigger.Monthly).ToList();
        monthly.Select(r => (r.From, r.To)).Distinct().ShouldBe([(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))]);
        monthly.Select(r => r.ScopeLabel).ShouldBe(["People living in Brixton", "The whole hub"], ignoreOrder: true);
        monthly.ShouldAllBe(r => r.RequestedBy == "Monthly schedule");
    }

    [SkippableFact]
    public async Task Should_refuse_reports_to_practitioners_and_administrators()
    {
        await using var host = Host();
        foreach (var role in new[] { Roles.Practitioner, Roles.Admin, Roles.Public })
        {
            await Should.ThrowAsync<ForbiddenAccessException>(() => host.Send(new RequestReport(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), null, null), Commissioner, role));
            await Should.ThrowAsync<ForbiddenAccessException>(() => host.Send(new GetReports(), Commissioner, role));
        }
    }

    [SkippableFact]
    public async Task Should_keep_one_set_of_files_when_making_a_report_fails_twice_and_then_succeeds()
    {
        var pdf = new FlakyPdf(new InvalidOperationException("Injected: the renderer crashed"), new PdfUnavailableException("Injected: Chromium is busy."));
        await using var host = Host(connectionString: await OwnDatabase(), pdf: pdf);
        var id = await host.Send(new RequestReport(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31), null, null), Commissioner, Roles.Commissioner);

        for (var failure = 1; failure <= 2; failure++)
        {
            (await host.Send(new GenerateQueuedReports(), Commissioner, Roles.Commissioner)).ShouldBe(failure == 1 ? 0 : 1, "a crash counts as not made; a missing PDF as made with what to do");
            (await host.Send(new GetReport(id), Commissioner, Roles.Commissioner)).Summary.Status.ShouldBe(ReportStatus.Failed, $"failure {failure}");
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await host.Send(new RetryReport(id), Commissioner, Roles.Commissioner);
        }
        (await host.Send(new GenerateQueuedReports(), Commissioner, Roles.Commissioner)).ShouldBe(1);

        (await host.Send(new GetReport(id), Commissioner, Roles.Commissioner)).Summary.Status.ShouldBe(ReportStatus.Ready);
        pdf.Calls.ShouldBe(3);
        await ShouldHoldOneSetOfFiles(host, id);
    }

    [SkippableFact]
    public async Task Should_keep_one_set_of_files_when_the_worker_stops_mid_pdf_and_the_run_is_taken_up_again()
    {
        var pdf = new FlakyPdf(new OperationCanceledException("Injected: the worker stopped"));
        await using var host = Host(connectionString: await OwnDatabase(), pdf: pdf);
        var id = await host.Send(new RequestReport(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31), null, null), Commissioner, Roles.Commissioner);

        await Should.ThrowAsync<OperationCanceledException>(() => host.Send(new GenerateQueuedReports(), Commissioner, Roles.Commissioner));
        (await host.Send(new GetReport(id), Commissioner, Roles.Commissioner)).Files.Select(f => f.Kind).ShouldBe([ReportFileKind.Html, ReportFileKind.Csv],
            "the page and CSV were saved before the worker stopped");
        host.Clock.Advance(GenerateQueuedReportsHandler.Abandoned);
        (await host.Send(new GenerateQueuedReports(), Commissioner, Roles.Commissioner)).ShouldBe(1);

        (await host.Send(new GetReport(id), Commissioner, Roles.Commissioner)).Summary.Status.ShouldBe(ReportStatus.Ready);
        await ShouldHoldOneSetOfFiles(host, id);
    }

    /// <summary>A page, a CSV and a PDF, all from the run that succeeded (made at the clock's time).</summary>
    private static async Task ShouldHoldOneSetOfFiles(ApplicationHost host, Guid reportId)
    {
        var files = await host.WithDb(db => db.ReportFiles.AsNoTracking().Where(f => f.ReportId == reportId).ToListAsync());
        files.Select(f => f.Kind).Order().ShouldBe([ReportFileKind.Html, ReportFileKind.Csv, ReportFileKind.Pdf]);
        files.ShouldAllBe(f => f.CreatedAt == host.Clock.GetUtcNow());
        files.Single(f => f.Kind == ReportFileKind.Pdf).Content.ShouldBe(FlakyPdf.Made);
    }

    /// <summary>A database of its own: the report worker makes every queued report, and other tests here leave some.</summary>
    private static async Task<string> OwnDatabase()
    {
        var own = new DatabaseFixture();
        await own.InitializeAsync();
        return own.ConnectionString;
    }

    /// <summary>Stands in for Chromium: fails with each given exception in turn, then makes a (tiny) PDF.</summary>
    private sealed class FlakyPdf(params Exception[] failures) : IPdfRenderer
    {
        public static readonly byte[] Made = "%PDF-1.7 invented"u8.ToArray();
        private int _calls;

        public int Calls => _calls;

        public Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            return call <= failures.Length ? Task.FromException<byte[]>(failures[call - 1]) : Task.FromResult(Made);
        }
    }

    private const string ChromiumPath = "/usr/bin/chromium";

    private ApplicationHost Host(string chromium = ChromiumPath, Dictionary<string, string?>? settings = null, string? connectionString = null, IPdfRenderer? pdf = null)
    {
        var all = new Dictionary<string, string?> { ["Hub:Chromium:Path"] = chromium };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        return new ApplicationHost(connectionString ?? database.ConnectionString, new TestClock(On(12, 5)), settings: all,
            configure: s =>
            {
                s.AddDocuments();
                if (pdf is not null)
                {
                    s.AddSingleton(pdf);
                }
            });
    }

    private async Task ArrangeNovember(ApplicationHost host) =>
        await host.WithDb(async db =>
        {
            var world = new DashboardWorld(db);
            for (var i = 0; i < 20; i++)
            {
                var source = i < 12 ? ReferralSource.Self : i < 18 ? ReferralSource.GeneralPractice : ReferralSource.CarerOrFamily;
                var name = $"Zephyrine Testperson{i:00}";
                var arrived = world.Arrive(name, i % 2 == 0 ? "A" : "N", new DateOnly(1980 + i, 3, 1), i % 3 == 0 ? "man" : "woman", Neighbourhoods[i % 3], On(11, 2 + i), source);
                _personal.Add(name);
                _personal.Add(arrived.Referral.Reference);
                world.Contact(arrived.Referral, On(11, 3 + i), ContactMedium.Phone, ContactPlace.Remote, attended: true);
                if (i < 7)
                {
                    world.Contact(arrived.Referral, On(11, 4 + i), ContactMedium.Phone, ContactPlace.Remote, attended: true);
                }
                if (i >= 17)
                {
                    world.Contact(arrived.Referral, On(11, 5 + i), ContactMedium.FaceToFace, ContactPlace.Hub, attended: false);
                }
            }
            _personal.Add("Invented words for a test");
            _personal.Add("020 7946 0999");
            return await db.SaveChangesAsync(CancellationToken.None);
        });

    private static async Task<string> PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hub-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    // pdftotext joins a word broken at a hyphen ("non-zero" over two lines reads "nonzero"), so hyphens are left out of the comparison.
    private static string Squash(string text) => string.Join(' ', text.Replace("-", string.Empty, StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
