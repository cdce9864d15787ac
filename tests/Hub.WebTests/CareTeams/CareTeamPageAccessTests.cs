using System.Net;
using System.Text.Json;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Hub.WebTests.CareTeams.CareTeamSteps;
using static Hub.WebTests.Conversations.ConversationSteps;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.CareTeams;

/// <summary>
/// Who reaches the care-team, caseload and directory pages: nobody anonymous; care work and
/// community offers for practitioners and team leaders only; caseloads for team leaders only; the
/// directory and its Open Referral UK import and export for administrators only.
/// </summary>
public sealed class CareTeamPageAccessTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    /// <summary>The demo community offers; the export must carry every one.</summary>
    private static readonly string[] DemoOfferNames =
        ["Money and benefits drop-in", "Walk and talk group", "Evening peer support circle", "Carers' coffee morning", "Back to work workshop",
            // Connect and Do's demo groups, two of them in a second area.
            "Tuesday evening painting club", "Women's swim and chat", "Northfield community garden", "Northfield football for fun"];

    private HubWebFactory? _factory;

    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_send_an_anonymous_visitor_to_sign_in_from_every_care_team_caseload_and_directory_page()
    {
        var anonymous = Factory.NewClient();

        foreach (var url in CarePages(await DemoReferralAsync()).Concat(TeamLeaderPages).Concat(await AdminPagesAsync()))
        {
            var response = await anonymous.GetAsync(url);

            response.IsRedirect().ShouldBeTrue($"anonymous GET of {url} is redirected");
            response.PathOf().ToLowerInvariant().ShouldBe(SignInPath, $"anonymous GET of {url} goes to sign-in");
        }
    }

    [SkippableTheory]
    [InlineData(Commissioner)]
    [InlineData(Admin)]
    public async Task Should_refuse_care_work_community_offers_and_caseloads_to_roles_that_do_not_hold_people(string email)
    {
        var client = await Factory.SignedInAsync(email);

        // Administrators keep the community offers directory, so they may browse it; nothing else here.
        foreach (var url in CarePages(await DemoReferralAsync()).Concat(TeamLeaderPages).Where(url => !(email == Admin && url == "/staff/offers")))
        {
            await client.ShouldBeRefusedAsync(await client.GetAsync(url), $"{RoleOf(email)} may not open {url}");
        }
    }

    [SkippableFact]
    public async Task Should_refuse_caseloads_and_the_directory_to_a_practitioner()
    {
        var client = await Factory.SignedInAsync(Practitioner);

        foreach (var url in TeamLeaderPages.Concat(await AdminPagesAsync()))
        {
            await client.ShouldBeRefusedAsync(await client.GetAsync(url), $"a practitioner may not open {url}");
        }
    }

    [SkippableFact]
    public async Task Should_refuse_a_practitioners_reallocation_post_and_move_nobody()
    {
        var client = await Factory.SignedInAsync(Practitioner);
        var peerId = await Factory.UserIdAsync(Peer);
        var practitionerId = await Factory.UserIdAsync(Practitioner);
        // A practitioner never sees the reallocation form; they reuse a valid antiforgery token from a page they can open.
        var page = await client.GetDocumentAsync("/staff/handoffs");
        var form = page.QuerySelector("form[action='/staff/account/sign-out']")!;
        form.SetAttribute("action", "/staff/caseloads");

        var response = await client.SubmitAsync(page, "form[action='/staff/caseloads']", new Dictionary<string, string>
        {
            ["FromMemberId"] = peerId.ToString(),
            ["ToMemberId"] = practitionerId.ToString(),
            ["Departure"] = "Left",
        });

        await client.ShouldBeRefusedAsync(response, "a practitioner may not reallocate a caseload");
        var peer = await Factory.WithDbAsync(db => db.TeamMembers.AsNoTracking().SingleAsync(m => m.Id == peerId));
        peer.LeftAt.ShouldBeNull("the refused reallocation did not mark the member as left");
        peer.Away.ShouldBeFalse("the refused reallocation did not mark the member as away");
    }

    [SkippableFact]
    public async Task Should_show_the_team_leader_caseloads_by_member_and_the_allocation_queue()
    {
        var client = await Factory.SignedInAsync(TeamLeader);

        var caseloads = await client.GetAsync("/staff/caseloads");
        caseloads.StatusCode.ShouldBe(HttpStatusCode.OK);
        var caseloadPage = await caseloads.ReadDocumentAsync();
        caseloadPage.Text("h1").ShouldBe("Caseloads");
        var members = await Factory.WithDbAsync(db => db.TeamMembers.AsNoTracking().CountAsync());
        caseloadPage.QuerySelectorAll("table.nhsuk-table tbody tr").Length.ShouldBe(members, "one caseload row per member in the directory");
        caseloadPage.QuerySelector("form[action^='/staff/caseloads'] select[name='FromMemberId']").ShouldNotBeNull("the reallocation form is there");

        var allocation = await client.GetAsync("/staff/allocation");
        allocation.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await allocation.ReadDocumentAsync()).Text("h1").ShouldBe("Allocation queue");
    }

    [SkippableFact]
    public async Task Should_show_a_practitioner_the_community_offers_directory()
    {
        var client = await Factory.SignedInAsync(Practitioner);

        var response = await client.GetAsync("/staff/offers");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.Text("h1").ShouldBe("Community offers");
        page.QuerySelectorAll(".nhsuk-card__heading").Select(h => h.TextContent.Trim()).ShouldBe(DemoOfferNames, ignoreOrder: true);
    }

    [SkippableFact]
    public async Task Should_show_the_administrator_the_directory_and_the_offers_import_page()
    {
        var client = await Factory.SignedInAsync(Admin);

        var directory = await client.GetAsync("/staff/directory");
        directory.StatusCode.ShouldBe(HttpStatusCode.OK);
        var directoryPage = await directory.ReadDocumentAsync();
        directoryPage.Text("h1").ShouldBe("Team directory");
        directoryPage.QuerySelectorAll("a[href^='/staff/directory/members/']").Length.ShouldBeGreaterThanOrEqualTo(6, "the six demo directory profiles are listed");

        var offers = await client.GetAsync("/staff/directory/offers");
        offers.StatusCode.ShouldBe(HttpStatusCode.OK);
        var offersPage = await offers.ReadDocumentAsync();
        offersPage.Text("h1").ShouldBe("Community offers: import and export");
        offersPage.QuerySelector("form[enctype='multipart/form-data'] input[type='file'][name='file']").ShouldNotBeNull("the import form takes a file");

        var browse = await client.GetAsync("/staff/offers");
        browse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browse.ReadDocumentAsync()).QuerySelectorAll("a[href^='/staff/directory/offers/edit/']").Length.ShouldBe(DemoOfferNames.Length, "each offer can be changed by an administrator");
    }

    [SkippableFact]
    public async Task Should_export_every_community_offer_as_Open_Referral_UK_json_that_parses_and_names_the_demo_offers()
    {
        var client = await Factory.SignedInAsync(Admin);

        var response = await client.GetAsync("/staff/directory/offers?handler=export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition?.DispositionType.ShouldBe("attachment", "it downloads as a file");
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var names = StringsNamed(json.RootElement, "name").ToHashSet(StringComparer.Ordinal);
        DemoOfferNames.Where(n => !names.Contains(n)).ShouldBeEmpty("every demo offer's name is in the export");
    }

    /// <summary>Every string property called <paramref name="property"/>, at any depth.</summary>
    private static IEnumerable<string> StringsNamed(JsonElement element, string property) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == property && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : StringsNamed(p.Value, property)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => StringsNamed(e, property)),
        _ => [],
    };

    private static readonly string[] TeamLeaderPages = ["/staff/caseloads"];

    private static IEnumerable<string> CarePages(Guid referralId) =>
        ["/staff/handoffs", "/staff/allocation", "/staff/offers", RoutingUrl(referralId), MeetingsUrl(referralId), CloseUrl(referralId)];

    private async Task<IEnumerable<string>> AdminPagesAsync()
    {
        var memberId = await Factory.UserIdAsync(Nurse);
        return ["/staff/directory", "/staff/directory/invite", "/staff/directory/offers", "/staff/directory/offers?handler=export", $"/staff/directory/members/{memberId}"];
    }

    private Task<Guid> DemoReferralAsync() =>
        Factory.WithDbAsync(db => db.Referrals.AsNoTracking().OrderBy(r => r.ReceivedAt).Select(r => r.Id).FirstAsync());

    private static string RoleOf(string email) => email.Split('@')[0];

    public void Dispose() => _factory?.Dispose();
}
