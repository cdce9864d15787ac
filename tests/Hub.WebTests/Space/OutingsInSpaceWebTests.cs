using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Hub.Domain.Volunteering;
using Hub.Infrastructure.Seeding;
using AngleSharp.Dom;
using Hub.TestSupport;
using Hub.WebTests.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.WebTests.Space;

/// <summary>
/// The person says how an outing went through their own space, over real HTML forms (docs/decisions/041,
/// hazard H45): the volunteer records the outing, the emailed link signs the person in once and lands
/// on that outing, they say how it went once, and another space's outing is not found, whatever the
/// form or the query say.
/// </summary>
public sealed partial class OutingsInSpaceWebTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private HubWebFactory? _factory;
    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_land_the_emailed_link_on_the_outing_take_one_say_and_refuse_another_spaces_outing()
    {
        var (mine, offerName) = await RequestMatchedToTheDemoVolunteerAsync("web.mine@example.test");
        var (theirs, _) = await RequestMatchedToTheDemoVolunteerAsync("web.theirs@example.test");

        // The volunteer records the outing on their own page.
        var volunteer = await Factory.SignedInAsync(DemoDataSeeder.VolunteerEmail);
        var yesterday = Hub.Application.Common.UkTime.ToLocal(DateTimeOffset.UtcNow).AddDays(-1);
        foreach (var request in new[] { mine, theirs })
        {
            (await volunteer.SubmitAsync(await volunteer.GetDocumentAsync($"/volunteer/requests/{request}"), $"form[action='/volunteer/requests/{request}']", new Dictionary<string, string>
            {
                ["Outing.On.Day"] = yesterday.Day.ToString(CultureInfo.InvariantCulture), ["Outing.On.Month"] = yesterday.Month.ToString(CultureInfo.InvariantCulture),
                ["Outing.On.Year"] = yesterday.Year.ToString(CultureInfo.InvariantCulture), ["Outing.Happened"] = "yes", ["Outing.Note"] = "Invented: the volunteer's private note.",
            })).IsRedirect().ShouldBeTrue("the outing is recorded");
        }
        var outing = await OutingOf(mine);
        var other = await OutingOf(theirs);

        // The email's link signs in once and lands on the outing, at an address with no token.
        var body = await SentMessages.DispatchAndReadAsync(Factory.Services, "web.mine@example.test", "how-did-it-go");
        var link = SpaceLink().Match(body).Value;
        var person = Factory.NewClient();
        var landing = await person.GetDocumentAsync(link);
        var signedIn = await person.SubmitAsync(landing, "form", []);
        signedIn.IsRedirect().ShouldBeTrue();
        signedIn.Headers.Location!.ToString().ShouldBe($"/space/outings/{outing}");
        (await Factory.NewClient().SubmitAsync(await Factory.NewClient().GetDocumentAsync(link), "form", [])).IsRedirect().ShouldBeFalse("the link works once");

        var page = await person.GetDocumentAsync($"/space/outings/{outing}");
        page.Text("h1").ShouldBe("How did it go?");
        var shown = page.Text("main");
        shown.ShouldContain(offerName);
        shown.ShouldContain("Nia");
        shown.ShouldNotContain("the volunteer's private note", Case.Insensitive, "the volunteer's note is theirs, for the coordinator");

        // Another space's outing: not found, by its address or by a form and query naming it.
        (await person.GetAsync($"/space/outings/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var crossed = await person.SubmitAsync(page, "form[action^='/space/outings/']", new Dictionary<string, string>
        {
            ["HowItWent"] = "not-good", ["Words"] = "Invented: words for the coordinator only", ["id"] = other.ToString(),
        });
        var pointed = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action^='/space/outings/']")!;
        pointed.SetAttribute("action", $"/space/outings/{other}?id={outing}");
        (await person.SubmitAsync(page, "form[action^='/space/outings/']", new Dictionary<string, string> { ["HowItWent"] = "not-good" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.WithDbAsync(db => db.Outings.AsNoTracking().SingleAsync(o => o.Id == other))).PersonSaidAt.ShouldBeNull("another space's outing is untouched");
        crossed.IsRedirect().ShouldBeTrue("the address's outing is the one said about, whatever the form says");
        (await Factory.WithDbAsync(db => db.Outings.AsNoTracking().SingleAsync(o => o.Id == outing))).PersonSaid.ShouldBe(HowItWent.NotGood);
        (await volunteer.GetDocumentAsync($"/volunteer/requests/{mine}")).Text("main").ShouldNotContain("words for the coordinator only", Case.Insensitive,
            "what the person says goes to the coordinator, never the volunteer (hazard H45)");

        // Said once: the page now shows what they said, with no form, and a second send changes nothing.
        var after = await person.GetDocumentAsync($"/space/outings/{outing}");
        after.Text("h1").ShouldBe("Your outing");
        after.QuerySelector("form[action^='/space/outings/']").ShouldBeNull();
        var again = await person.PostAsync($"/space/outings/{outing}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["HowItWent"] = "good", ["__RequestVerificationToken"] = after.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value,
        }));
        again.IsRedirect().ShouldBeTrue();

        // A form left open in another tab and sent with a mistake: the error sits by its field, and the page says the first say stands.
        var stale = await person.PostAsync($"/space/outings/{outing}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["HowItWent"] = "sideways", ["__RequestVerificationToken"] = after.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value,
        }));
        var staleDoc = await stale.ReadDocumentAsync();
        staleDoc.ErrorSummary().ShouldBe(["Select how it went"]);
        staleDoc.Text("main").ShouldContain("You have already told us how this went");
        (await person.GetDocumentAsync("/space")).Text("[role=status]").ShouldContain("already told us");
        (await Factory.WithDbAsync(db => db.Outings.AsNoTracking().SingleAsync(o => o.Id == outing))).PersonSaid.ShouldBe(HowItWent.NotGood, "the first say stands");
    }

    [SkippableFact]
    public async Task Should_ask_for_an_answer_beside_its_field_and_show_the_persons_words_as_typed()
    {
        var (request, _) = await RequestMatchedToTheDemoVolunteerAsync("web.words@example.test");
        var outing = await Factory.WithDbAsync(async db =>
        {
            var tracked = await db.SupportRequests.Include(r => r.Matches).Include(r => r.Outings).SingleAsync(r => r.Id == request);
            var today = Hub.Domain.Common.UkCalendar.DayOf(DateTimeOffset.UtcNow);
            var went = tracked.RecordOuting(tracked.CurrentMatch!.VolunteerId, today, true, null, today, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return went.Id;
        });
        var person = await SignedInToSpaceAsync("web.words@example.test");

        var refused = await person.SubmitAsync(await person.GetDocumentAsync($"/space/outings/{outing}"), "form[action^='/space/outings/']", new Dictionary<string, string> { ["Words"] = "Invented" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.ReadDocumentAsync();
        page.ErrorSummary().ShouldBe(["Select how it went"]);
        page.QuerySelector("#HowItWent-error")?.TextContent.ShouldContain("Select how it went");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name='Words']")!.Value.ShouldBe("Invented", "what they typed is kept");

        (await person.SubmitAsync(page, "form[action^='/space/outings/']", new Dictionary<string, string> { ["HowItWent"] = "good", ["Words"] = "Invented: <b>easier</b> than I thought" }))
            .IsRedirect().ShouldBeTrue();
        var html = await (await person.GetAsync("/space")).Content.ReadAsStringAsync();
        html.ShouldContain("Invented: &lt;b&gt;easier&lt;/b&gt; than I thought");
        html.ShouldNotContain("<b>easier</b>");
    }

    private async Task<HttpClient> SignedInToSpaceAsync(string address)
    {
        var person = Factory.NewClient();
        (await person.SubmitAsync(await person.GetDocumentAsync("/space/sign-in"), "form[action='/space/sign-in']",
            new Dictionary<string, string> { ["EmailOrMobile"] = address, ["SafeToMessage"] = "yes" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await SentMessages.DispatchAndReadAsync(Factory.Services, address, "space-link");
        (await person.SubmitAsync(await person.GetDocumentAsync(SpaceLink().Match(body).Value), "form", [])).IsRedirect().ShouldBeTrue();
        return person;
    }

    private async Task<(Guid Request, string OfferName)> RequestMatchedToTheDemoVolunteerAsync(string email) => await Factory.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var offer = await db.CommunityOffers.AsNoTracking().Where(o => o.Active).OrderBy(o => o.Name).FirstAsync();
        var nia = await db.Volunteers.SingleAsync(v => v.Email == DemoDataSeeder.VolunteerEmail);
        var request = SupportRequest.Ask(offer.Id, "Invented Robin", "Invented: the group", "Evenings", new ComeAlongContact(ReachBy.Email, email, null, true),
            Factory.Services.GetRequiredService<Hub.Domain.Audit.AuditKey>(), Guid.NewGuid(), now);
        request.Match(nia, Hub.Domain.Common.UkCalendar.DayOf(now), Guid.NewGuid(), now);
        db.SupportRequests.Add(request);
        await db.SaveChangesAsync();
        return (request.Id, offer.Name);
    });

    private Task<Guid> OutingOf(Guid request) => Factory.WithDbAsync(db => db.Outings.Where(o => o.RequestId == request).Select(o => o.Id).SingleAsync());

    [GeneratedRegex(@"/space/link/[A-Za-z0-9_-]+")]
    private static partial Regex SpaceLink();

    public void Dispose() => _factory?.Dispose();
}
