using System.Net;
using Hub.Domain.Conversations;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.CareTeams.CareTeamSteps;
using static Hub.WebTests.Conversations.ConversationSteps;

namespace Hub.WebTests.CareTeams;

/// <summary>An administrator adds a community offer by hand: bad input says what to fix and keeps everything; good input lists it for routing.</summary>
public sealed class CommunityOfferEditTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string AdminEmail = "admin@demo.livingwell.test";
    private const string EditForm = "form[action^='/staff/directory/offers/edit']";

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_keep_everything_typed_and_say_what_to_fix_when_a_session_ends_before_it_starts_and_the_website_is_not_a_web_address()
    {
        var admin = await Factory.SignedInAsync(AdminEmail);
        var before = await Factory.WithDbAsync(db => db.CommunityOffers.CountAsync());
        var page = await admin.GetDocumentAsync("/staff/directory/offers/edit");

        var response = await admin.SubmitAsync(page, EditForm, new Dictionary<string, string>
        {
            ["Input.Name"] = $"Invented allotment group {Script}",
            ["Input.OrganisationName"] = "Invented Growers",
            ["Input.HelpsWith"] = nameof(DeterminantArea.Loneliness),
            ["Input.Sessions[0].Day"] = nameof(DayOfWeek.Thursday),
            ["Input.Sessions[0].Opens"] = "15:00",
            ["Input.Sessions[0].Closes"] = "13:00",
            ["Input.Url"] = "javascript:alert(1)",
        });

        var shown = await response.ShouldComeBackSafelyAsync("an offer with a backwards session");
        shown.InlineError("Input_Sessions_0__Day").ShouldBe("Session 1: it must finish after it starts");
        shown.InputValue("Input.Name").ShouldBe($"Invented allotment group {Script}");
        shown.InputValue("Input.Sessions[0].Opens").ShouldBe("15:00");
        shown.QuerySelector("input[name='Input.HelpsWith'][value='Loneliness']")!.HasAttribute("checked").ShouldBeTrue("ticked areas stay ticked");
        (await Factory.WithDbAsync(db => db.CommunityOffers.CountAsync())).ShouldBe(before);

        var fixedSession = await admin.SubmitAsync(shown, EditForm, new Dictionary<string, string> { ["Input.Sessions[0].Closes"] = "17:00" });
        var again = await fixedSession.ShouldComeBackSafelyAsync("an offer with a script address for a website");
        again.InlineError("Input_Url").ShouldBe("Enter the website address starting https://", again.QuerySelector(".nhsuk-error-summary")?.TextContent);
        (await Factory.WithDbAsync(db => db.CommunityOffers.CountAsync())).ShouldBe(before);
    }

    [SkippableFact]
    public async Task Should_list_an_offer_added_by_hand_with_its_sessions_and_life_areas()
    {
        var admin = await Factory.SignedInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync("/staff/directory/offers/edit");

        var response = await admin.SubmitAsync(page, EditForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "Invented allotment group",
            ["Input.OrganisationName"] = "Invented Growers",
            ["Input.HelpsWith"] = nameof(DeterminantArea.PhysicalHealth),
            ["Input.Neighbourhood"] = "North",
            ["Input.Sessions[0].Day"] = nameof(DayOfWeek.Saturday),
            ["Input.Sessions[0].Opens"] = "10:00",
            ["Input.Sessions[0].Closes"] = "12:30",
            ["Input.Url"] = "https://example.org/allotment",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await response.ReadDocumentAsync()).QuerySelector(".nhsuk-error-summary")?.TextContent);
        var stored = await Factory.WithDbAsync(db => db.CommunityOffers.AsNoTracking().SingleAsync(o => o.Name == "Invented allotment group"));
        stored.HelpsWith.ShouldBe([DeterminantArea.PhysicalHealth]);
        stored.Sessions.Single().Day.ShouldBe(DayOfWeek.Saturday);
        stored.IsFree.ShouldBeTrue("a new offer starts ticked as free, and the box was left ticked");
        stored.Active.ShouldBeTrue();

        var practitioner = await Factory.SignedInAsync(Practitioner);
        var list = await practitioner.GetDocumentAsync("/staff/offers?area=PhysicalHealth&neighbourhood=North");
        list.QuerySelectorAll(".nhsuk-card__heading").Select(h => h.TextContent.Trim()).ShouldContain("Invented allotment group");
        list.QuerySelectorAll("a[href^='/staff/directory/offers/edit/']").ShouldBeEmpty("only administrators change offers");
    }

    public void Dispose() => _factory?.Dispose();
}
