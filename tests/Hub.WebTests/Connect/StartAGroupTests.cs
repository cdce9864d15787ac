using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hub.Domain.CommunityOffers;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.WebTests.Connect;

/// <summary>
/// "Start a group" through the real host: anyone proposes a group; it is not public until a
/// community connector publishes it; the organiser changes it through their one-time link, and the
/// change too waits for a connector. The front door's protections hold: one proposal per form
/// token, nothing stored from the honeypot, a message next to each field.
/// </summary>
public sealed partial class StartAGroupTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string Connector = "connector@demo.livingwell.test";
    private const string Password = "LivingWell-demo-2026";
    private HubWebFactory? _factory;
    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    private static Dictionary<string, string> Group(string name, string opens = "18:30", string closes = "20:00") => new()
    {
        ["Answers.Name"] = name,
        ["Answers.RunBy"] = "Sam",
        ["Answers.WhatHappens"] = "We knit and chat. Wool and needles provided.",
        ["Answers.Day"] = "Tuesday",
        ["Answers.Opens"] = opens,
        ["Answers.Closes"] = closes,
        ["Answers.Place"] = "Mill Road library",
        ["Answers.Cost"] = "free",
        ["Answers.HowToJoin"] = "Just turn up.",
        ["Answers.BringSomeone"] = "yes",
        ["Answers.PeerLed"] = "no",
        ["Answers.Access"] = "StepFree",
        ["Answers.OrganiserEmail"] = "sam@example.test",
    };

    [SkippableFact]
    public async Task Should_list_a_proposed_group_only_once_a_connector_publishes_it_and_take_the_organisers_change_through_their_link()
    {
        var name = "Knit and natter " + Guid.NewGuid().ToString("N")[..6];
        var visitor = Factory.NewClient();
        var form = await visitor.GetDocumentAsync("/connect/start");
        var sent = await visitor.SubmitAsync(form, "form[action='/connect/start']", Group(name));
        sent.IsRedirect().ShouldBeTrue();
        sent.PathOf().ShouldBe("/connect/start/sent");
        (await SearchNames(visitor, name)).ShouldBeEmpty("nothing is public before a connector publishes it");

        var connector = Factory.NewClient();
        (await connector.SignInAsync(Connector, Password)).IsRedirect().ShouldBeTrue();
        var queue = await connector.GetDocumentAsync("/staff/connect/proposals");
        var review = await connector.GetDocumentAsync(queue.QuerySelectorAll<IHtmlAnchorElement>("table a").Single(a => a.TextContent == name).GetAttribute("href")!);
        var decided = await connector.SubmitAsync(review, "form[action^='/staff/connect/proposals/']", new Dictionary<string, string> { ["Decision"] = "Publish" });
        decided.IsRedirect().ShouldBeTrue();
        (await SearchNames(visitor, name)).ShouldBe([name]);

        // The organiser's link arrives by email; it opens a page with no token in its address.
        var email = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == "sam@example.test" && m.Purpose == "Connect and Do: listing published").OrderBy(m => m.CreatedAt).LastAsync());
        var link = LinkPattern().Match(email.Body).Value;
        var organiser = Factory.NewClient();
        var opened = await organiser.GetDocumentAsync(link);
        var exchanged = await organiser.SubmitAsync(opened, "form[action^='/connect/organiser/']");
        exchanged.IsRedirect().ShouldBeTrue();
        exchanged.PathOf().ShouldBe("/connect/organiser/listing");
        var change = await organiser.GetDocumentAsync("/connect/organiser/listing");
        change.QuerySelector<IHtmlInputElement>("#Answers_Opens")!.Value.ShouldBe("18:30");
        var changed = await organiser.SubmitAsync(change, "form[action='/connect/organiser/listing']", new Dictionary<string, string> { ["Answers.Opens"] = "19:00", ["Answers.Closes"] = "21:00" });
        changed.PathOf().ShouldBe("/connect/organiser/sent");

        // The listing keeps its time until the change is published; the link is spent.
        var listingId = await Factory.WithDbAsync(db => db.CommunityOffers.AsNoTracking().Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
        (await visitor.GetDocumentAsync($"/connect/groups/{listingId}")).Body!.TextContent.ShouldContain("Tuesdays, 6:30pm to 8pm");
        var someoneElse = Factory.NewClient();
        var again = await someoneElse.SubmitAsync(await someoneElse.GetDocumentAsync(link), "form[action^='/connect/organiser/']");
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "a spent link shows that it no longer works");
        (await again.ReadDocumentAsync()).Text("h1").ShouldBe("This link no longer works");

        queue = await connector.GetDocumentAsync("/staff/connect/proposals");
        review = await connector.GetDocumentAsync(queue.QuerySelectorAll<IHtmlAnchorElement>("table a").Single(a => a.TextContent == name).GetAttribute("href")!);
        review.Body!.TextContent.ShouldContain("Changed");
        (await connector.SubmitAsync(review, "form[action^='/staff/connect/proposals/']", new Dictionary<string, string> { ["Decision"] = "Publish" })).IsRedirect().ShouldBeTrue();
        (await visitor.GetDocumentAsync($"/connect/groups/{listingId}")).Body!.TextContent.ShouldContain("Tuesdays, 7pm to 9pm");
        (await Factory.WithDbAsync(db => db.CommunityOffers.CountAsync(o => o.Name == name))).ShouldBe(1);
    }

    /// <summary>The form's areas are the directory's own (<c>IDirectoryChoices</c>): a listed group's area appears, a withdrawn group's does not.</summary>
    [SkippableFact]
    public async Task Should_offer_the_areas_with_listed_groups_and_the_hubs_own_and_start_at_the_area_searched()
    {
        await Factory.WithDbAsync(async db =>
        {
            db.CommunityOffers.Add(new CommunityOffer("Invented Listed Choir", "Test organiser", DateTimeOffset.UtcNow, "Invented Area 801"));
            var withdrawn = db.CommunityOffers.Add(new CommunityOffer("Invented Withdrawn Choir", "Test organiser", DateTimeOffset.UtcNow, "Invented Area 802")).Entity;
            withdrawn.SetActive(false);
            return await db.SaveChangesAsync();
        });
        var expected = await Factory.WithDbAsync(async db => (await db.CommunityOffers.Where(o => o.Active).Select(o => o.Area).Distinct().ToListAsync())
            .Append(Hub.Application.Connect.HomeArea.Default).Distinct().Order(StringComparer.Ordinal).ToList());
        var client = Factory.NewClient();

        var page = await client.GetDocumentAsync("/connect/start?area=" + Uri.EscapeDataString("Invented Area 801"));
        var options = page.QuerySelectorAll("select[name='Answers.Area'] option").Select(o => o.GetAttribute("value")).ToList();
        options.ShouldBe(expected.Cast<string?>().ToList(), "every area with a listed group, and the hub's own, A to Z");
        options.ShouldContain("Invented Area 801");
        options.ShouldNotContain("Invented Area 802", "an area whose only group is withdrawn is not offered");
        page.QuerySelector<IHtmlOptionElement>("select[name='Answers.Area'] option[selected]")!.Value.ShouldBe("Invented Area 801", "the area searched is chosen");

        var madeUp = await client.GetDocumentAsync("/connect/start?area=" + Uri.EscapeDataString("Nowhere Made Up"));
        madeUp.QuerySelectorAll("select[name='Answers.Area'] option").Select(o => o.GetAttribute("value")).ShouldNotContain("Nowhere Made Up");
        madeUp.QuerySelector<IHtmlOptionElement>("select[name='Answers.Area'] option[selected]")!.Value.ShouldBe(Hub.Application.Connect.HomeArea.Default);
    }

    [SkippableFact]
    public async Task Should_store_one_proposal_when_the_same_form_is_sent_twice_and_none_from_the_honeypot()
    {
        var name = "Double " + Guid.NewGuid().ToString("N")[..6];
        var client = Factory.NewClient();
        var form = await client.GetDocumentAsync("/connect/start");
        await Task.WhenAll(client.SubmitAsync(form, "form[action='/connect/start']", Group(name)), client.SubmitAsync(form, "form[action='/connect/start']", Group(name)));
        (await Proposals()).Count(p => p.Details.Name == name).ShouldBe(1);

        var trap = "Trap " + Guid.NewGuid().ToString("N")[..6];
        var trapped = await client.SubmitAsync(await client.GetDocumentAsync("/connect/start"), "form[action='/connect/start']", new Dictionary<string, string>(Group(trap)) { ["Website"] = "https://cheap.example" });
        trapped.PathOf().ShouldBe("/connect/start/sent");
        (await Proposals()).Count(p => p.Details.Name == trap).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Should_say_next_to_each_field_what_to_change_when_the_form_is_sent_empty_or_wrong()
    {
        var client = Factory.NewClient();
        var sent = await client.SubmitAsync(await client.GetDocumentAsync("/connect/start"), "form[action='/connect/start']", new Dictionary<string, string>
        {
            ["Answers.Opens"] = "25:00",
            ["Answers.Postcode"] = "<script>hubxss(1)</script>",
            ["Answers.Website"] = "javascript:hubxss(2)",
        });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await sent.ReadDocumentAsync();
        page.ErrorSummary().ShouldBe([
            "Enter the name of the group",
            "Enter who runs the group, such as your name or your organisation",
            "Say what happens at the group",
            "Select the day the group meets",
            "Enter the time it starts, like 18:30 or 6:30pm",
            "Enter the time it finishes, like 20:00 or 8pm",
            "Enter where the group meets, such as the name of the building",
            "Enter a full postcode, like LS1 4AP",
            "Select whether it is free",
            "Say how to join, such as \"just turn up\"",
            "Select yes if people can bring someone with them the first time",
            "Select yes if it is run by people with lived experience",
            "Enter a website address starting with https://",
            "Enter your email address, so we can tell you when the group is listed",
        ], ignoreOrder: true);
        (await sent.Content.ReadAsStringAsync()).ShouldNotContain("<script>hubxss");
    }

    /// <summary>Every proposal (the details are one JSON column, read whole).</summary>
    private Task<List<GroupProposal>> Proposals() => Factory.WithDbAsync(db => db.GroupProposals.AsNoTracking().ToListAsync());

    private static async Task<IReadOnlyList<string>> SearchNames(HttpClient client, string words)
    {
        var page = await client.GetDocumentAsync("/connect?q=" + Uri.EscapeDataString(words));
        return page.QuerySelectorAll(".hub-group-list a").Select(a => a.TextContent).ToList();
    }

    [GeneratedRegex(@"http\S+/connect/organiser/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    public void Dispose() => _factory?.Dispose();
}
