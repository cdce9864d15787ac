using System.Text.Json.Nodes;
using Hub.Application.CommunityOffers.OpenReferral;

namespace Hub.UnitTests.CommunityOffers;

public sealed class OpenReferralImportProblemTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private const string GoodService = """
        { "id": "svc-1", "name": "Coffee morning", "organization": { "id": "org-1", "name": "Eastfield Community Trust" },
          "schedules": [{ "freq": "WEEKLY", "byday": "TU", "opens_at": "10:00", "closes_at": "12:00" }] }
        """;

    private const string OtherGoodService = """
        { "id": "svc-2", "name": "Chess club", "organization": { "name": "Eastfield Community Trust" } }
        """;

    /// <summary>Two services: the first one broken as the case says, the second fine, so "nothing imported" means something.</summary>
    private static string FileWithFirstServiceChanged(Action<JsonObject> change)
    {
        var broken = JsonNode.Parse(GoodService)!.AsObject();
        change(broken);
        return new JsonArray(broken, JsonNode.Parse(OtherGoodService)).ToJsonString();
    }

    private static JsonObject Schedule(JsonObject service) => service["schedules"]![0]!.AsObject();

    public static TheoryData<string, string, string, string> MalformedServices => new()
    {
        { "no id", FileWithFirstServiceChanged(s => s.Remove("id")), "service 1: id", "id is missing" },
        { "no name", FileWithFirstServiceChanged(s => s.Remove("name")), "service 1 (id svc-1): name", "name is missing" },
        { "blank name", FileWithFirstServiceChanged(s => s["name"] = "   "), "service 1 (id svc-1): name", "name is missing" },
        { "name as a number", FileWithFirstServiceChanged(s => s["name"] = 7), "service 1 (id svc-1): name", "name must be text" },
        { "duplicate id", FileWithFirstServiceChanged(s => s["id"] = "svc-2"), "service 2 (id svc-2): id", "also used by service 1" },
        { "no organisation name", FileWithFirstServiceChanged(s => s["organization"]!.AsObject().Remove("name")), "service 1 (id svc-1): organization.name", "organization.name is missing" },
        { "no organisation", FileWithFirstServiceChanged(s => s.Remove("organization")), "service 1 (id svc-1): organization", "organization is missing" },
        { "organisation ids disagree", FileWithFirstServiceChanged(s => s["organization_id"] = "org-9"), "service 1 (id svc-1): organization_id", "different organisations" },
        { "day as a word", FileWithFirstServiceChanged(s => Schedule(s)["byday"] = "Tuesday"), "service 1 (id svc-1): schedules[0].byday", "\"Tuesday\" is not one" },
        { "week of month without monthly", FileWithFirstServiceChanged(s => Schedule(s)["byday"] = "1TU"), "service 1 (id svc-1): schedules[0].byday", "needs freq MONTHLY" },
        { "unknown freq", FileWithFirstServiceChanged(s => Schedule(s)["freq"] = "DAILY"), "service 1 (id svc-1): schedules[0].freq", "freq must be WEEKLY or MONTHLY" },
        { "interval of zero", FileWithFirstServiceChanged(s => Schedule(s)["interval"] = 0), "service 1 (id svc-1): schedules[0].interval", "whole number" },
        { "time in words", FileWithFirstServiceChanged(s => Schedule(s)["opens_at"] = "6pm"), "service 1 (id svc-1): schedules[0].opens_at", "opens_at must be a time like 18:00" },
        { "hour past 23", FileWithFirstServiceChanged(s => Schedule(s)["closes_at"] = "24:00"), "service 1 (id svc-1): schedules[0].closes_at", "closes_at must be a time like 18:00" },
        { "closes before it opens", FileWithFirstServiceChanged(s => { Schedule(s)["opens_at"] = "12:00"; Schedule(s)["closes_at"] = "10:00"; }), "service 1 (id svc-1): schedules[0].closes_at", "must be later than opens_at" },
        { "closes as it opens", FileWithFirstServiceChanged(s => Schedule(s)["closes_at"] = "10:00"), "service 1 (id svc-1): schedules[0].closes_at", "must be later than opens_at" },
        { "weekly session without a closing time", FileWithFirstServiceChanged(s => Schedule(s).Remove("closes_at")), "service 1 (id svc-1): schedules[0].closes_at", "closes_at is missing" },
        { "schedules not a list", FileWithFirstServiceChanged(s => s["schedules"] = "Tuesdays"), "service 1 (id svc-1): schedules", "schedules must be a list" },
        { "schedule not an object", FileWithFirstServiceChanged(s => s["schedules"] = new JsonArray("TU")), "service 1 (id svc-1): schedules[0]", "must be an object" },
        { "name too long", FileWithFirstServiceChanged(s => s["name"] = new string('a', 301)), "service 1 (id svc-1): name", "301 characters long; the most we can keep is 300" },
        { "description too long", FileWithFirstServiceChanged(s => s["description"] = new string('a', 4_001)), "service 1 (id svc-1): description", "4,001 characters long; the most we can keep is 4,000" },
        { "organisation name too long", FileWithFirstServiceChanged(s => s["organization"]!["name"] = new string('o', 301)), "service 1 (id svc-1): organization.name", "301 characters" },
        { "hidden direction override", FileWithFirstServiceChanged(s => s["name"] = "Coffee \u202Emorning"), "service 1 (id svc-1): name", "hidden control" },
        { "name on two lines", FileWithFirstServiceChanged(s => s["name"] = "Coffee\nmorning"), "service 1 (id svc-1): name", "must be on one line" },
        { "unknown status", FileWithFirstServiceChanged(s => s["status"] = "open"), "service 1 (id svc-1): status", "status must be active, inactive, defunct or temporarily closed" },
        { "script link", FileWithFirstServiceChanged(s => s["url"] = "javascript:alert(1)"), "service 1 (id svc-1): url", "https://" },
        { "link without a scheme", FileWithFirstServiceChanged(s => s["url"] = "www.example.org"), "service 1 (id svc-1): url", "https://" },
        { "not an email", FileWithFirstServiceChanged(s => s["email"] = "ring us"), "service 1 (id svc-1): email", "email must be an email address" },
        { "price with a pound sign", FileWithFirstServiceChanged(s => s["cost_options"] = JsonNode.Parse("""[{ "amount": "£2" }]""")), "service 1 (id svc-1): cost_options[0].amount", "amount must be a number" },
        { "negative price", FileWithFirstServiceChanged(s => s["cost_options"] = JsonNode.Parse("""[{ "amount": -1 }]""")), "service 1 (id svc-1): cost_options[0].amount", "0 or more" },
        { "date in words", FileWithFirstServiceChanged(s => s["last_modified"] = "last Tuesday"), "service 1 (id svc-1): last_modified", "last_modified must be a date and time" },
        { "term without a name", FileWithFirstServiceChanged(s => s["attributes"] = JsonNode.Parse("""[{ "taxonomy_term": { "id": "t1", "taxonomy": "x" } }]""")), "service 1 (id svc-1): attributes[0].taxonomy_term.name", "name is missing" },
        { "term without an id", FileWithFirstServiceChanged(s => s["attributes"] = JsonNode.Parse("""[{ "taxonomy_term": { "name": "Debt", "taxonomy": "x" } }]""")), "service 1 (id svc-1): attributes[0].taxonomy_term.id", "id is missing" },
        { "two neighbourhoods", FileWithFirstServiceChanged(s => s["attributes"] = JsonNode.Parse("""[{ "taxonomy_term": { "id": "a", "name": "Northgate", "taxonomy": "livingwellhub-neighbourhood" } }, { "taxonomy_term": { "id": "b", "name": "Westgate", "taxonomy": "livingwellhub-neighbourhood" } }]""")), "service 1 (id svc-1): attributes[1].taxonomy_term", "only one neighbourhood" },
        { "location ids disagree", FileWithFirstServiceChanged(s => s["service_at_locations"] = JsonNode.Parse("""[{ "location_id": "L1", "location": { "id": "L2" } }]""")), "service 1 (id svc-1): service_at_locations[0].location_id", "different places" },
    };

    [Theory]
    [MemberData(nameof(MalformedServices))]
    public void Should_report_where_a_service_is_wrong_and_import_nothing(string @case, string json, string where, string message)
    {
        var result = OpenReferralImport.Read(json, Now, "The borough");

        result.Offers.ShouldBeEmpty(@case);
        result.Succeeded.ShouldBeFalse(@case);
        var problem = result.Problems.ShouldHaveSingleItem(@case);
        problem.Where.ShouldBe(where, @case);
        problem.Message.ShouldContain(message, Case.Sensitive, @case);
    }

    [Fact]
    public void Should_accept_the_good_services_these_cases_break()
    {
        var result = OpenReferralImport.Read(FileWithFirstServiceChanged(_ => { }), Now, "The borough");

        result.Problems.ShouldBeEmpty();
        result.Offers.Count.ShouldBe(2);
    }

    [Fact]
    public void Should_report_the_line_and_position_of_broken_json()
    {
        const string json = "[\n  { \"id\": \"a\", \"name\": \"Coffee\" \"organization\": {} }\n]";

        var result = OpenReferralImport.Read(json, Now, "The borough");

        result.Offers.ShouldBeEmpty();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Where.ShouldBe("file, line 2, position 33");
        problem.Message.ShouldStartWith("The file is not valid JSON");
    }

    [Fact]
    public void Should_report_a_file_cut_short()
    {
        var json = OrukSample.Json[..(OrukSample.Json.Length / 2)];

        var result = OpenReferralImport.Read(json, Now, "The borough");

        result.Offers.ShouldBeEmpty();
        result.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("The file is not valid JSON");
    }

    [Fact]
    public void Should_report_half_an_emoji_instead_of_failing()
    {
        var escaped = OpenReferralImport.Read("""[{ "id": "a", "name": "Walk \uD83D", "organization": { "name": "Org" } }]""", Now, "The borough");
        var raw = OpenReferralImport.Read("[{ \"id\": \"a\", \"name\": \"Walk \uD83D\" }]", Now, "The borough");

        escaped.Offers.ShouldBeEmpty();
        var problem = escaped.Problems.ShouldHaveSingleItem();
        problem.Where.ShouldBe("service 1 (id a): name");
        problem.Message.ShouldContain("broken character");
        raw.Problems.ShouldHaveSingleItem().Message.ShouldContain("broken character");
    }

    [Fact]
    public void Should_report_json_nested_too_deeply_to_read()
    {
        var result = OpenReferralImport.Read(new string('[', 100) + new string(']', 100), Now, "The borough");

        result.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("The file is not valid JSON");
    }

    [Fact]
    public void Should_refuse_hidden_characters_that_would_reach_the_schedule_note()
    {
        var result = OpenReferralImport.Read("""[{ "id": "a", "name": "Repair café", "organization": { "name": "Org" }, "schedules": [{ "freq": "MONTHLY", "bymonthday": "1\u0007" }] }]""", Now, "The borough");

        result.Problems.ShouldHaveSingleItem().Where.ShouldBe("service 1 (id a): schedules");
    }

    [Fact]
    public void Should_read_a_file_that_still_starts_with_a_byte_order_mark()
    {
        OpenReferralImport.Read("\uFEFF" + OrukSample.Json, Now, "The borough").Offers.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Should_report_an_empty_file(string json)
    {
        OpenReferralImport.Read(json, Now, "The borough").Problems.ShouldHaveSingleItem().Message.ShouldContain("The file is empty");
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"services\"")]
    [InlineData("""{ "id": "svc-1", "name": "Coffee morning" }""")]
    public void Should_refuse_a_file_that_is_not_a_list_of_services_or_an_api_page(string json)
    {
        var result = OpenReferralImport.Read(json, Now, "The borough");

        result.Offers.ShouldBeEmpty();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Where.ShouldBe("file");
        problem.Message.ShouldContain("list of services");
    }

    [Fact]
    public void Should_refuse_an_api_page_whose_contents_is_not_a_list()
    {
        var problem = OpenReferralImport.Read("""{ "total_items": 1, "contents": { "id": "svc-1" } }""", Now, "The borough").Problems.ShouldHaveSingleItem();

        problem.Where.ShouldBe("contents");
    }

    [Fact]
    public void Should_refuse_entries_that_are_not_services()
    {
        var json = $"[{GoodService}, 42, \"Chess club\", null]";

        var result = OpenReferralImport.Read(json, Now, "The borough");

        result.Offers.ShouldBeEmpty();
        result.Problems.Select(p => p.Where).ShouldBe(["service 2", "service 3", "service 4"]);
        result.Problems[0].Message.ShouldBe("Each entry in the list must be a service written in { } brackets, not a number.");
    }

    [Fact]
    public void Should_report_every_problem_in_the_file_not_just_the_first()
    {
        var json = """
            [
              { "id": "a", "organization": { "name": "Org" } },
              { "id": "b", "name": "Yoga", "organization": { "name": "Org" }, "schedules": [{ "byday": "XX", "opens_at": "10:00", "closes_at": "11:00" }] },
              { "id": "a", "name": "Pilates", "organization": {} }
            ]
            """;

        var result = OpenReferralImport.Read(json, Now, "The borough");

        result.Offers.ShouldBeEmpty();
        result.Problems.Select(p => p.Where).ShouldBe([
            "service 1 (id a): name",
            "service 2 (id b): schedules[0].byday",
            "service 3 (id a): organization.name",
            "service 3 (id a): id",
        ]);
    }

    [Fact]
    public void Should_accept_five_thousand_services()
    {
        var result = OpenReferralImport.Read(ManyServices(OpenReferralImport.MaxServices), Now, "The borough");

        result.Problems.ShouldBeEmpty();
        result.Offers.Count.ShouldBe(5_000);
    }

    [Fact]
    public void Should_refuse_more_than_five_thousand_services_with_a_clear_message()
    {
        var result = OpenReferralImport.Read(ManyServices(OpenReferralImport.MaxServices + 1), Now, "The borough");

        result.Offers.ShouldBeEmpty();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Where.ShouldBe("file");
        problem.Message.ShouldBe("The file has 5,001 services; one import can take at most 5,000. Split it into smaller files.");
    }

    [Fact]
    public void Should_apply_the_size_cap_to_an_api_page_too()
    {
        var page = $$"""{ "total_items": 5001, "contents": {{ManyServices(OpenReferralImport.MaxServices + 1)}} }""";

        OpenReferralImport.Read(page, Now, "The borough").Problems.ShouldHaveSingleItem().Message.ShouldContain("5,001 services");
    }

    [Fact]
    public void Should_list_at_most_two_hundred_problems_and_say_how_many_more_there_are()
    {
        var nameless = string.Join(",", Enumerable.Range(1, 250).Select(i => $$"""{ "id": "s{{i}}", "organization": { "name": "Org" } }"""));

        var result = OpenReferralImport.Read($"[{nameless}]", Now, "The borough");

        result.Offers.ShouldBeEmpty();
        result.Problems.Count.ShouldBe(OpenReferralImport.MaxProblemsListed + 1);
        result.Problems[^1].Message.ShouldStartWith("There are 50 more problems not listed here.");
    }

    private static string ManyServices(int count) => "[" + string.Join(",", Enumerable.Range(1, count).Select(i =>
        $$"""{"id":"svc-{{i}}","name":"Group {{i}}","organization":{"id":"org","name":"Eastfield Community Trust"} }""")) + "]";
}
