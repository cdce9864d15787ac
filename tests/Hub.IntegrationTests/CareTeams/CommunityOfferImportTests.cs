using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Application.Common;
using Hub.Application.CommunityOffers.ExportOffers;
using Hub.Application.CommunityOffers.ImportOffers;
using Hub.Domain.CommunityOffers;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.CareTeams;

/// <summary>
/// The community offers directory in and out as Open Referral UK on PostgreSQL: a council file is
/// imported, exported, and imported again elsewhere without losing anything; a bad file changes
/// nothing. Each test imports into a database of its own, so counts never depend on test order.
/// The services, organisations and places are invented (postcodes in the non-existent MW area,
/// phone numbers from Ofcom's drama ranges).
/// </summary>
public sealed class CommunityOfferImportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Guid AdminId = Guid.Parse("5d0c1e2a-8f3b-4a6d-9c7e-0a1b2c3d4e5f");

    private const string ThreeServices = """
        {
          "total_items": 3,
          "page_number": 1,
          "contents": [
            {
              "id": "it-money-cafe",
              "organization_id": "it-org-advice",
              "name": "Money worries café",
              "description": "Bring your letters. Friendly help with benefits, debts and bills over a cup of tea.",
              "url": "https://advice.example.org/cafe",
              "email": "cafe@advice.example.org",
              "status": "active",
              "last_modified": "2026-09-14T08:30:00.250Z",
              "organization": { "id": "it-org-advice", "name": "Wrenfield Advice Collective" },
              "phones": [ { "id": "it-phone-1", "number": "01632 960 341" } ],
              "schedules": [
                { "id": "it-sched-1", "freq": "WEEKLY", "byday": "MO,WE", "opens_at": "10:00", "closes_at": "12:30", "description": "No appointment needed" }
              ],
              "service_at_locations": [
                {
                  "id": "it-sal-1",
                  "location": {
                    "id": "it-loc-library",
                    "name": "Wrenfield Library",
                    "addresses": [ { "address_1": "2 Mill Street", "city": "Wrenfield", "postal_code": "MW4 2AB", "country": "GB", "address_type": "physical" } ]
                  }
                }
              ],
              "languages": [ { "name": "English", "code": "en" }, { "name": "Portuguese", "code": "pt" } ],
              "cost_options": [ { "id": "it-cost-1", "amount": 0, "currency": "GBP" } ],
              "attributes": [
                { "id": "it-attr-1", "taxonomy_term": { "id": "wf-debt", "name": "Debt advice", "taxonomy": "wrenfield-directory" } },
                { "id": "it-attr-2", "taxonomy_term": { "id": "Central", "name": "Central", "taxonomy": "livingwellhub-neighbourhood" } }
              ]
            },
            {
              "id": "it-evening-walk",
              "name": "Evening riverside walk",
              "description": "An easy hour along the river with people who have been through hard times too.",
              "status": "active",
              "organization": { "id": "it-org-walkers", "name": "Wrenfield Walkers" },
              "schedules": [ { "id": "it-sched-2", "freq": "WEEKLY", "byday": "TH", "opens_at": "18:00", "closes_at": "19:00" } ],
              "languages": [ { "name": "English" } ],
              "cost_options": [ { "id": "it-cost-2", "option": "Each walk", "amount": 1, "currency": "GBP", "amount_description": "suggested donation" } ],
              "attributes": [
                { "id": "it-attr-3", "taxonomy_term": { "id": "peer-led", "name": "Peer-led", "taxonomy": "livingwellhub-flags" } },
                { "id": "it-attr-4", "taxonomy_term": { "id": "Loneliness", "name": "Loneliness", "taxonomy": "livingwellhub-needs" } }
              ]
            },
            {
              "id": 40211,
              "name": "Carers' Saturday brunch",
              "status": "temporarily closed",
              "fees_description": "Free, brunch provided.",
              "organization": { "id": "it-org-carers", "name": "Wrenfield Carers Network" },
              "contacts": [ { "id": "it-contact-1", "name": "Organiser", "phones": [ { "id": "it-phone-2", "number": "0113 496 0871" } ] } ],
              "schedules": [
                { "id": "it-sched-3", "freq": "WEEKLY", "byday": "SA", "opens_at": "10:30", "closes_at": "12:00" },
                { "id": "it-sched-4", "description": "Not in August" }
              ],
              "attributes": [ { "id": "it-attr-5", "taxonomy_term": { "id": "CaringResponsibilities", "name": "Caring for someone", "taxonomy": "livingwellhub-needs" } } ]
            }
          ]
        }
        """;

    /// <summary>A hub on an empty database of its own (a copy of the migrated template: milliseconds).</summary>
    private async Task<ApplicationHost> EmptyHub()
    {
        _ = database.ConnectionString; // skips (fails under CI) when PostgreSQL is not available
        return new ApplicationHost(await (await PostgresServer.GetAsync()).CreateDatabaseAsync());
    }

    private static Task<ImportOffersResult> Import(ApplicationHost host, string json) => host.Send(new ImportCommunityOffers(json), AdminId, Roles.Admin);

    private static Task<string> Export(ApplicationHost host) => host.Send(new ExportCommunityOffers(), AdminId, Roles.Admin);

    private static Task<List<CommunityOffer>> Offers(ApplicationHost host) =>
        host.WithDb(db => db.CommunityOffers.AsNoTracking().OrderBy(o => o.ExternalId).ToListAsync());

    /// <summary>The database's own view of the offers table, so a comparison covers every column.</summary>
    private static Task<List<string>> Rows(ApplicationHost host) =>
        host.WithDb(db => db.Database.SqlQueryRaw<string>("""SELECT row_to_json(o)::text AS "Value" FROM "CommunityOffers" o ORDER BY "Id" """).ToListAsync());

    private static bool SameJson(string a, string b) => JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));

    [SkippableFact]
    public async Task Should_import_a_council_file_and_export_it_so_that_another_hub_imports_the_same_services()
    {
        await using var host = await EmptyHub();

        var first = await Import(host, ThreeServices);

        (first.Added, first.Updated, first.Problems.Count).ShouldBe((3, 0, 0));
        var offers = await Offers(host);
        offers.Select(o => (o.ExternalId, o.Name, o.OrganisationName, o.Active)).ShouldBe(
        [
            ("40211", "Carers' Saturday brunch", "Wrenfield Carers Network", false),
            ("it-evening-walk", "Evening riverside walk", "Wrenfield Walkers", true),
            ("it-money-cafe", "Money worries café", "Wrenfield Advice Collective", true),
        ]);
        var cafe = offers[2];
        (cafe.Postcode, cafe.Neighbourhood, cafe.Phone, cafe.IsFree, cafe.UpdatedAt)
            .ShouldBe(("MW4 2AB", "Central", "01632 960 341", true, new DateTimeOffset(2026, 9, 14, 8, 30, 0, 250, TimeSpan.Zero)));
        cafe.Languages.ShouldBe(["English", "Portuguese"]);
        offers[1].PeerLed.ShouldBeTrue();
        var exported = await Export(host);

        await using (var other = await EmptyHub())
        {
            var intoFresh = await Import(other, exported);

            (intoFresh.Added, intoFresh.Updated, intoFresh.Problems.Count).ShouldBe((3, 0, 0));
            var reExported = await Export(other);
            SameJson(reExported, exported).ShouldBeTrue("the other hub holds exactly the same services");
            JsonNode.Parse(exported)!.AsArray().Count.ShouldBe(3);
        }

        // Importing the export back into the same hub finds every service already there and changes nothing.
        var rowsBefore = await Rows(host);
        var again = await Import(host, exported);

        (again.Added, again.Updated, again.Problems.Count).ShouldBe((0, 3, 0));
        (await Rows(host)).ShouldBe(rowsBefore);
        SameJson(await Export(host), exported).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Should_report_a_service_without_a_name_and_change_nothing()
    {
        await using var host = await EmptyHub();
        await Import(host, ThreeServices);
        var before = await Rows(host);
        var nameless = JsonNode.Parse(ThreeServices)!;
        var second = nameless["contents"]![1]!.AsObject();
        second.Remove("name");
        second["description"] = "Changed, but must not be saved.";

        var result = await Import(host, nameless.ToJsonString());

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Where.ShouldBe("service 2 (id it-evening-walk): name");
        problem.Message.ShouldBe("name is missing; each service needs a name.");
        (result.Added, result.Updated).ShouldBe((0, 0));
        (await Rows(host)).ShouldBe(before);
    }

    [SkippableFact]
    public async Task Should_report_where_a_file_is_not_valid_json_and_change_nothing()
    {
        await using var host = await EmptyHub();
        await Import(host, ThreeServices);
        var before = await Rows(host);
        var broken = ThreeServices.Replace("\"name\": \"Evening riverside walk\",", "\"name\": \"Evening riverside walk\"", StringComparison.Ordinal);

        var result = await Import(host, broken);

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Where.ShouldStartWith("file, line ");
        problem.Message.ShouldStartWith("The file is not valid JSON");
        (await Rows(host)).ShouldBe(before);
    }

    /// <summary>
    /// Council directories often hold more than a postcode in postal_code. Anything the import
    /// accepts must fit the column it is stored in; anything that does not is a reported problem,
    /// never a failed save.
    /// </summary>
    [SkippableFact]
    public async Task Should_report_a_postcode_too_long_to_keep_instead_of_failing_to_save()
    {
        await using var host = await EmptyHub();
        var before = await Rows(host);
        var file = JsonNode.Parse(ThreeServices)!;
        file["contents"]![0]!["service_at_locations"]![0]!["location"]!["addresses"]![0]!["postal_code"] = "MW4 2AB (rear entrance)";

        var result = await Import(host, file.ToJsonString());

        result.Problems.ShouldContain(p => p.Where.StartsWith("service 1 (id it-money-cafe)", StringComparison.Ordinal) && p.Where.EndsWith("postal_code", StringComparison.Ordinal));
        (await Rows(host)).ShouldBe(before);
    }
}
