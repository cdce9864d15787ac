using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Hub.Application.Common;
using Hub.Application.Common.Interfaces;
using Hub.Application.Reports;
using Hub.Application.Reports.GenerateReports;
using Hub.Application.Reports.GetReports;
using Hub.Application.Reports.RequestReport;
using Hub.Domain.Contacts;
using Hub.Domain.Outcomes;
using Hub.Domain.Referrals;
using Hub.Domain.Reports;
using Hub.IntegrationTests.Dashboards;
using Hub.TestSupport;
using Hub.Web;
using Hub.Web.Design;
using Hub.Web.Design.Documents;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Hub.IntegrationTests.Dashboards.DashboardWorld;

namespace Hub.IntegrationTests.Reports;

/// <summary>
/// The commissioner PDF as a board reads it, printed by the real Chromium from a hub with large and
/// small cells: 80 referrals in November 2026 (40 self, 22 GP, 12 voluntary sector, 3 carer, 3 other
/// health service), 30 clocks stopped in November and none in October, 12 paired DIALOG scores; 45
/// referrals in October. The PDF is read back with poppler: its text page by page, and the page
/// with the referrals chart as pixels.
/// </summary>
public sealed class ReportPdfTests(ITestOutputHelper output)
{
    private static readonly Guid Commissioner = Guid.Parse("0b8f5a4e-3d1c-4c55-9a31-5a1f6e7d2c0d");
    private const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Where the PDF is left for a person to look at (pdftoppm it to see the pages).</summary>
    public static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "report-pdf");

    [SkippableFact]
    public async Task Should_print_a_board_ready_pdf_with_a_summary_page_charts_with_bars_and_no_orphaned_rows()
    {
        Skip.IfNot(File.Exists(ChromiumPath), "Chromium is needed for the PDF.");
        Skip.IfNot(File.Exists("/usr/bin/pdftoppm"), "poppler-utils is needed to read the PDF back.");
        var database = new DatabaseFixture();
        await database.InitializeAsync();
        await using var host = new ApplicationHost(database.ConnectionString, new TestClock(On(12, 5)),
            settings: new Dictionary<string, string?> { ["Hub:Chromium:Path"] = ChromiumPath },
            configure: s => s.AddDocuments());
        await Arrange(host);

        var id = await host.Send(new RequestReport(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null, null), Commissioner, Roles.Commissioner);
        (await host.Send(new GenerateQueuedReports(), Commissioner, Roles.Commissioner)).ShouldBe(1);
        var detail = await host.Send(new GetReport(id), Commissioner, Roles.Commissioner);
        detail.Summary.Status.ShouldBe(ReportStatus.Ready, detail.FailureMessage);

        var csv = Encoding.UTF8.GetString((await host.Send(new GetReportFile(id, ReportFileKind.Csv), Commissioner, Roles.Commissioner)).Content).Split("\r\n");
        csv.ShouldContain("Report,About this report,Previous period start,Date,2026-10-01");
        csv.ShouldContain("Summary,Headline figures,Referrals received,This period,80");
        csv.ShouldContain("Summary,Headline figures,Referrals received,Previous period,45");
        csv.ShouldContain("Summary,Headline figures,Median wait in days (clocks stopped),Previous period," + ReportHeadlines.NoClocksStopped);
        csv.ShouldContain("Summary,Headline figures,Clocks stopped,This period,30");
        csv.ShouldContain("Summary,Headline figures,Clocks stopped,Previous period,0");

        Directory.CreateDirectory(OutputFolder);
        var pdfPath = Path.Combine(OutputFolder, "report.pdf");
        await File.WriteAllBytesAsync(pdfPath, (await host.Send(new GetReportFile(id, ReportFileKind.Pdf), Commissioner, Roles.Commissioner)).Content);
        output.WriteLine($"PDF: {pdfPath}");
        var pages = int.Parse(Regex.Match(await Run("pdfinfo", pdfPath), @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var text = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            text.Add(await Run("pdftotext", "-layout", "-f", $"{page}", "-l", $"{page}", pdfPath, "-"));
        }

        // Page 1 is the summary: every headline figure beside the previous period's.
        var first = Squash(text[0]);
        first.ShouldContain("Summary");
        first.ShouldContain("1 October 2026 to 31 October 2026");
        foreach (var headline in new[] { "Referrals received", "People seen", "Median wait", "Waits within 28 days", "Clocks stopped", "Access", "DIALOG", "Did-not-attend rate" })
        {
            first.ShouldContain(headline);
        }
        first.ShouldMatch(@"Referrals received 80 45");
        // A median of nothing is said in words, never "*".
        first.ShouldContain(ReportHeadlines.NoClocksStopped);
        first.ShouldMatch(@"Median wait in days \(clocks stopped\) " + Median(text) + " No clocks stopped");

        // Every page carries more than a stray row or two: a table is kept with its heading and chart.
        for (var page = 0; page < pages; page++)
        {
            var body = Body(text[page]);
            body.Count.ShouldBeGreaterThan(3, $"page {page + 1} holds only:\n{string.Join('\n', body)}");
        }
        // The definitions come last, from the top of a page.
        var definitions = text.FindLastIndex(t => Body(t).FirstOrDefault() == "Definitions");
        definitions.ShouldBeGreaterThan(0, "the definitions start a page");
        text.Skip(definitions).ShouldAllBe(t => !t.Contains("Measures by", StringComparison.Ordinal));
        Squash(text[^1]).ShouldContain("Small-number suppression");

        // The referrals chart has its bars: a solid block of the bars' blue on the page it is printed on.
        var chartPage = text.FindIndex(t => t.Contains("Referrals by source", StringComparison.Ordinal)) + 1;
        chartPage.ShouldBeGreaterThan(1);
        var image = await Render(pdfPath, chartPage);
        image.SolidBlocks(0x00, 0x5e, 0xb8, size: 12).ShouldBeGreaterThanOrEqualTo(3, "the bars for self-referral, GP practice and voluntary sector");
    }

    private static string Median(List<string> pages)
    {
        // The waits table's row (the summary's says "(clocks stopped)" after the same words).
        var line = pages.Skip(1).SelectMany(p => p.Split('\n')).First(l => Regex.IsMatch(l, @"^\s*Median wait in days\s+[0-9]"));
        return Regex.Match(line, @"Median wait in days\s+([0-9.]+)").Groups[1].Value;
    }

    /// <summary>A page's lines without the running heads, page number and blank lines.</summary>
    private static List<string> Body(string page) =>
        page.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.Contains('\f', StringComparison.Ordinal)
            && !Regex.IsMatch(l, @"^(Page \d+ of \d+|Living Well Hub\s+—.*|The whole hub)$")).ToList();

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task Arrange(ApplicationHost host) =>
        await host.WithDb(async db =>
        {
            var world = new DashboardWorld(db);
            string[] ethnicities = ["A", "A", "N", "H", "M", "A", "S", "N"];
            string[] genders = ["woman", "man", "woman", "man", "non-binary"];
            // October: 45 referrals, each seen once; two missed appointments; 30 of them have their clocks stopped in November.
            for (var j = 0; j < 45; j++)
            {
                var source = j < 25 ? ReferralSource.Self : j < 40 ? ReferralSource.GeneralPractice : ReferralSource.CarerOrFamily;
                var (_, spell, referral) = world.Arrive($"Invented October {j}", ethnicities[j % 8], new DateOnly(1950 + j, 5, 1), genders[j % 5], null, On(10, 1 + (j % 28)), source);
                world.Contact(referral, On(10, 2 + (j % 28)), ContactMedium.Phone, ContactPlace.Remote, attended: true);
                if (j < 2)
                {
                    world.Contact(referral, On(10, 3 + (j % 28)), ContactMedium.FaceToFace, ContactPlace.Hub, attended: false);
                }
                if (j < 30)
                {
                    var stop = On(11, 1 + (j % 25));
                    spell.RecordAssessment(stop.AddDays(-2));
                    spell.RecordBaselineMeasure(stop.AddDays(-1));
                    spell.RecordCarePlanAgreed(stop);
                }
            }
            // November: 80 referrals, each seen by phone; every other one seen again at the hub; one in ten missed an appointment.
            for (var i = 0; i < 80; i++)
            {
                var source = i < 40 ? ReferralSource.Self : i < 62 ? ReferralSource.GeneralPractice : i < 74 ? ReferralSource.VoluntarySector
                    : i < 77 ? ReferralSource.CarerOrFamily : ReferralSource.OtherHealthService;
                var arrived = On(11, 1 + (i % 25));
                var (_, spell, referral) = world.Arrive($"Invented November {i}", ethnicities[i % 8], new DateOnly(1945 + (i % 60), 3, 1), genders[i % 5], null, arrived, source);
                world.Contact(referral, arrived.AddDays(1), ContactMedium.Phone, ContactPlace.Remote, attended: true);
                if (i % 2 == 0)
                {
                    world.Contact(referral, arrived.AddDays(2), ContactMedium.FaceToFace, ContactPlace.Hub, attended: true);
                }
                if (i % 10 == 0)
                {
                    world.Contact(referral, arrived.AddDays(3), ContactMedium.FaceToFace, ContactPlace.CommunityVenue, attended: false);
                }
                if (i % 2 == 0 && i < 24)
                {
                    world.Measure(spell, BuiltInMeasures.DialogCode, baseline: true, arrived, Dialog(3));
                    world.Measure(spell, BuiltInMeasures.DialogCode, baseline: false, On(11, 28), Dialog(i < 18 ? 5 : 3));
                }
            }
            return await db.SaveChangesAsync(CancellationToken.None);
        });

    private static async Task<string> Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{tool} failed");
        return text;
    }

    /// <summary>One page as pixels (pdftoppm's plain PPM, read without an image library).</summary>
    private static async Task<Pixels> Render(string pdfPath, int page)
    {
        var stem = Path.Combine(OutputFolder, $"chart-page");
        await Run("pdftoppm", "-r", "72", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdfPath, stem);
        return Pixels.ReadPpm(await File.ReadAllBytesAsync(stem + ".ppm"));
    }

    private sealed record Pixels(int Width, int Height, byte[] Rgb)
    {
        public static Pixels ReadPpm(byte[] file)
        {
            var position = 0;
            string Token()
            {
                while (char.IsWhiteSpace((char)file[position]))
                {
                    position++;
                }
                var start = position;
                while (!char.IsWhiteSpace((char)file[position]))
                {
                    position++;
                }
                return Encoding.ASCII.GetString(file, start, position - start);
            }
            Token().ShouldBe("P6");
            var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
            var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
            Token().ShouldBe("255");
            position++;
            return new Pixels(width, height, file[position..(position + (width * height * 3))]);
        }

        private bool Is(int x, int y, int r, int g, int b)
        {
            var i = ((y * Width) + x) * 3;
            return Math.Abs(Rgb[i] - r) <= 24 && Math.Abs(Rgb[i + 1] - g) <= 24 && Math.Abs(Rgb[i + 2] - b) <= 24;
        }

        /// <summary>How many separate solid squares of the colour, <paramref name="size"/> pixels a side, lie on the page (counted on a grid, one per horizontal band).</summary>
        public int SolidBlocks(int r, int g, int b, int size)
        {
            var bands = 0;
            for (var y = 0; y + size <= Height; y++)
            {
                var found = false;
                for (var x = 0; x + size <= Width && !found; x++)
                {
                    found = Enumerable.Range(0, size).All(dy => Enumerable.Range(0, size).All(dx => Is(x + dx, y + dy, r, g, b)));
                }
                if (found)
                {
                    bands++;
                    y += size; // the next bar is below this one
                }
            }
            return bands;
        }
    }
}
