using System.Net;
using System.Text.Json;
using Hub.Domain.CommunityOffers;
using Hub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Hub.WebTests.Conversations.ConversationSteps;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.PersonalData;

/// <summary>
/// A team leader answers subject access for someone known only to Connect and Do through the real page
/// (docs/decisions/048): clear messages for a blank or unreadable address with what was typed kept; a
/// search that finds nothing says so; one that finds records counts them and downloads them as a file,
/// the address never in an address bar, a file name or a log.
/// </summary>
public sealed class CommunitySubjectAccessPageTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string Organiser = "Organiser.Only.701@Example.org";
    private readonly CapturingLoggerProvider _logs = new();
    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString)
    {
        ConfigureTestServices = s => s.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)),
    };

    [SkippableFact]
    public async Task Should_find_by_the_address_given_say_when_nothing_is_held_and_download_what_is_without_the_address_in_logs_or_names()
    {
        await Factory.WithDbAsync(async db =>
        {
            db.GroupProposals.Add(GroupProposal.Propose(new ProposedGroup("Invented Page Walkers", "Ola", "Invented: a walk.", null,
                DayOfWeek.Tuesday, new TimeOnly(18, 0), new TimeOnly(19, 0), null, "The borough", null, "The park", null, true, null, "Just turn up.", true,
                OfferInterest.NatureAndGardening, OfferAccess.StepFree, false, null, null, null), Organiser, Guid.NewGuid(), DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var teamLeader = await Factory.SignedInAsync(TeamLeader);
        var triage = await teamLeader.GetDocumentAsync("/staff/triage");
        triage.QuerySelector("nav[aria-label='Staff menu'] a[href='/staff/subject-access']")!.TextContent.ShouldBe("Subject access");

        var page = await teamLeader.GetDocumentAsync("/staff/subject-access");
        page.Text("h1").ShouldBe("Subject access for Connect and Do");

        var blank = await (await teamLeader.SubmitAsync(page, "form[action='/staff/subject-access']", [new("EmailOrMobile", "  ")])).ReadDocumentAsync();
        blank.ErrorSummary().ShouldBe(["Enter the email address or mobile number the person used"]);
        blank.Title!.ShouldStartWith("Error: ");

        var unreadable = await teamLeader.SubmitAsync(page, "form[action='/staff/subject-access']", [new("EmailOrMobile", "organiser.only")]);
        unreadable.StatusCode.ShouldBe(HttpStatusCode.OK);
        var unread = await unreadable.ReadDocumentAsync();
        unread.ErrorSummary().ShouldBe(["Enter an email address, like name@example.com, or a UK mobile number, like 07700 900 982"]);
        ((AngleSharp.Html.Dom.IHtmlInputElement)unread.QuerySelector("#EmailOrMobile")!).Value.ShouldBe("organiser.only", "what was typed is kept");
        unread.QuerySelector("#found").ShouldBeNull();

        var nothing = await (await teamLeader.SubmitAsync(page, "form[action='/staff/subject-access']", [new("EmailOrMobile", "nobody.702@example.org")])).ReadDocumentAsync();
        nothing.ErrorSummary().ShouldBeEmpty();
        nothing.Text("[role=status]").ShouldBe("Connect and Do holds nothing under this email address.");
        nothing.QuerySelector("form[action*='handler=export']").ShouldBeNull("nothing to download");

        var found = await (await teamLeader.SubmitAsync(page, "form[action='/staff/subject-access']", [new("EmailOrMobile", Organiser)])).ReadDocumentAsync();
        found.Text("[role=status]").ShouldBe("Connect and Do holds 1 record under this email address.");
        found.QuerySelectorAll(".nhsuk-summary-list__row").Select(r => (r.QuerySelector("dt")!.TextContent.Trim(), r.QuerySelector("dd")!.TextContent.Trim()))
            .ShouldBe([("Groups you proposed or changed", "1")]);

        var json = await teamLeader.SubmitAsync(found, "form[action*='handler=export']", submitSelector: "button[value=json]");
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        json.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        json.Content.Headers.ContentDisposition.FileName!.ShouldNotContain("organiser", Case.Insensitive);
        json.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using (var document = JsonDocument.Parse(await json.Content.ReadAsStreamAsync()))
        {
            document.RootElement.GetProperty("foundBy").GetString().ShouldBe("organiser.only.701@example.org");
            document.RootElement.GetProperty("groupProposals")[0].GetProperty("details").GetProperty("name").GetString().ShouldBe("Invented Page Walkers");
            document.RootElement.GetProperty("comeAlongRequests").GetArrayLength().ShouldBe(0);
        }
        var html = await teamLeader.SubmitAsync(found, "form[action*='handler=export']", submitSelector: "button[value=html]");
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await html.Content.ReadAsStringAsync()).ShouldContain("Everything Living Well Hub holds about you on Connect and Do");
        (await teamLeader.SubmitAsync(found, "form[action*='handler=export']", [new("format", "xml")])).StatusCode.ShouldBe(HttpStatusCode.OK, "an unknown format is the page again, with a message");

        _logs.Entries.ShouldNotBeEmpty();
        foreach (var entry in _logs.Entries)
        {
            entry.Text.ShouldNotContain("organiser.only", Case.Insensitive, $"no address in the logs ({entry.Category})");
            entry.Text.ShouldNotContain("nobody.702", Case.Insensitive, $"no address in the logs ({entry.Category})");
        }
    }

    public void Dispose() => _factory?.Dispose();
}
