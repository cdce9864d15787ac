using System.Net;
using System.Text.Json;
using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Application.Connect.OpenReferralApi;
using Hub.Domain.CommunityOffers;
using Hub.TestSupport;

namespace Hub.WebTests.Connect;

/// <summary>
/// The Open Referral UK 3.0 read API through the real host on PostgreSQL, with no account. Every
/// answer is checked against the standard's own schemas (OpenReferralUk30Schema). Each test lists
/// its groups in an area of its own and asks for that area, so the demo directory never counts.
/// </summary>
public sealed class OpenReferralApiTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string Api = "/api/oruk/v3";
    private static readonly DateTimeOffset Listed = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private HubWebFactory? _factory;
    private HubWebFactory Factory => _factory ??= new HubWebFactory(database.ConnectionString);

    [SkippableFact]
    public async Task Should_say_which_version_of_the_standard_it_serves()
    {
        var (status, json) = await GetAsync(Api);

        status.ShouldBe(HttpStatusCode.OK);
        json.ShouldMatchSchema(OpenReferralUkSchema.ResponseOf("/"), "the API's details");
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("version").GetString().ShouldBe(OpenReferralUkSchema.Version);
    }

    [SkippableFact]
    public async Task Should_give_every_service_exactly_once_across_the_pages_with_the_counts_the_standard_asks_for()
    {
        const string area = "Paging Vale";
        var listed = await ListAsync(Enumerable.Range(1, 23).Select(i => Group($"Group {i:00}", area, o => o.SetCost(i % 2 == 0, null))).ToArray());
        var schema = OpenReferralUkSchema.ResponseOf("/services");

        var seen = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            var (status, json) = await GetAsync($"{Api}/services?area={Uri.EscapeDataString(area)}&per_page=5&page={page}");
            status.ShouldBe(HttpStatusCode.OK);
            json.ShouldMatchSchema(schema, $"page {page}");
            var answer = Page.Read(json);
            answer.ShouldBe(new Page(23, 5, page, page < 5 ? 5 : 3, page == 1, page == 5, false), $"page {page}");
            seen.AddRange(answer.Ids);
        }

        seen.Count.ShouldBe(23);
        seen.ShouldBe(listed.Select(OpenReferralExport.ApiServiceIdFor), ignoreOrder: true, "every service once, none twice");

        var (beyondStatus, beyond) = await GetAsync($"{Api}/services?area={Uri.EscapeDataString(area)}&per_page=5&page=6");
        beyondStatus.ShouldBe(HttpStatusCode.OK);
        beyond.ShouldMatchSchema(schema, "a page past the last");
        Page.Read(beyond).ShouldBe(new Page(23, 5, 6, 0, false, true, true));
    }

    [SkippableFact]
    public async Task Should_refuse_a_page_or_page_size_it_cannot_give_with_a_problem_naming_the_parameter()
    {
        foreach (var (query, parameter) in new[] { ("page=0", "page"), ("page=two", "page"), ("page=-1", "page"), ("per_page=0", "per_page"), ("per_page=101", "per_page"), ("per_page=1.5", "per_page") })
        {
            foreach (var path in new[] { "/services", "/taxonomies", "/taxonomy_terms" })
            {
                using var response = await Factory.NewClient().GetAsync($"{Api}{path}?{query}");
                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{path}?{query}");
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                problem.RootElement.GetProperty("status").GetInt32().ShouldBe(400);
                problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString()!.ShouldStartWith(parameter + " must be");
            }
        }
    }

    [SkippableFact]
    public async Task Should_filter_by_words_taxonomy_term_taxonomy_day_and_change_date()
    {
        const string area = "Filter Vale";
        var painting = Group("Tuesday painting", area, o =>
        {
            o.Schedule([new OfferSession(DayOfWeek.Tuesday, new TimeOnly(18, 0), new TimeOnly(20, 0))], null);
            o.SetCost(true, null);
            o.DescribeForPublic("Anyone who likes paint", "Just turn up", true, OfferInterest.ArtsAndCrafts, OfferAccess.StepFree);
        });
        var football = Group("Saturday football", area, o =>
        {
            o.Describe("Saturday football", "Five-a-side in the park.", o.OrganisationName, [], [], peerLed: true, []);
            o.Schedule([new OfferSession(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(11, 0))], null);
            o.DescribeForPublic(null, null, false, OfferInterest.SportAndFitness, OfferAccess.None);
        });
        var choir = Group("Monday choir", area, o =>
        {
            o.Schedule([new OfferSession(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(14, 0))], null);
            o.SetCost(true, null);
            o.DescribeForPublic(null, null, false, OfferInterest.Music, OfferAccess.StepFree | OfferAccess.Quiet);
            o.Touch(Listed.AddDays(10));
        });
        var closed = Group("Closed painting circle", area, o =>
        {
            o.DescribeForPublic(null, null, true, OfferInterest.ArtsAndCrafts, OfferAccess.StepFree);
            o.SetActive(false);
        });
        await ListAsync(painting, football, choir, closed);
        var terms = await TermIdsAsync();
        var interests = OpenReferralTaxonomies.All.Single(t => t.Vocabulary == OpenReferralVocabularies.Interests).Id;
        var access = OpenReferralTaxonomies.All.Single(t => t.Vocabulary == OpenReferralVocabularies.Access).Id;

        (await NamesAsync(area, "")).ShouldBe(["Monday choir", "Saturday football", "Tuesday painting"], ignoreOrder: true, "closed groups are never listed");
        (await NamesAsync(area, "search=PAINT")).ShouldBe(["Tuesday painting"]);
        (await NamesAsync(area, "search=five-a-side")).ShouldBe(["Saturday football"], "the description is searched too");
        (await NamesAsync(area, $"taxonomy_term_id={terms["ArtsAndCrafts"]}")).ShouldBe(["Tuesday painting"]);
        (await NamesAsync(area, $"taxonomy_term_id={terms["StepFree"]}")).ShouldBe(["Monday choir", "Tuesday painting"], ignoreOrder: true);
        (await NamesAsync(area, $"taxonomy_term_id={terms["Quiet"]}")).ShouldBe(["Monday choir"]);
        (await NamesAsync(area, $"taxonomy_term_id={terms["free"]}")).ShouldBe(["Monday choir", "Tuesday painting"], ignoreOrder: true);
        (await NamesAsync(area, $"taxonomy_term_id={terms["peer-led"]}")).ShouldBe(["Saturday football"]);
        (await NamesAsync(area, $"taxonomy_term_id={terms["someone-can-come-first-time"]}")).ShouldBe(["Tuesday painting"]);
        (await NamesAsync(area, $"taxonomy_term_id={Guid.NewGuid()}")).ShouldBeEmpty("a term we do not publish matches nothing");
        (await NamesAsync(area, $"taxonomy_id={interests}")).Count.ShouldBe(3);
        (await NamesAsync(area, $"taxonomy_id={access}")).ShouldBe(["Monday choir", "Tuesday painting"], ignoreOrder: true);
        (await NamesAsync(area, $"taxonomy_id=%20{access}%20")).ShouldBe(["Monday choir", "Tuesday painting"], ignoreOrder: true, "spaces round an id are trimmed, as for a term");
        (await NamesAsync(area, "day=TU")).ShouldBe(["Tuesday painting"]);
        (await NamesAsync(area, "day=saturday")).ShouldBe(["Saturday football"]);
        (await NamesAsync(area, "day=Wednesday")).ShouldBeEmpty();
        (await NamesAsync(area, $"modified_after={Uri.EscapeDataString(Listed.AddDays(5).ToString("O"))}")).ShouldBe(["Monday choir"]);
        (await NamesAsync(area, $"taxonomy_term_id={terms["free"]}&search=choir&day=MO")).ShouldBe(["Monday choir"], "filters combine");

        var (status, everywhere) = await GetAsync($"{Api}/services?search=Tuesday%20painting&per_page=100");
        status.ShouldBe(HttpStatusCode.OK);
        Page.Read(everywhere).Names.ShouldContain("Tuesday painting", "without an area, every area is read");
    }

    [SkippableFact]
    public async Task Should_give_one_service_with_its_listing_and_refuse_what_is_not_published_with_a_problem()
    {
        const string area = "Detail Vale";
        var group = Group("Walk and natter", area, o =>
        {
            o.Locate("Riverside", "Park gates", "Park Road, Calderbrook", "CB1 2AB");
            o.Schedule([new OfferSession(DayOfWeek.Thursday, new TimeOnly(10, 0), new TimeOnly(11, 30))], "Not in August");
            o.SetCost(true, null);
            o.SetContact("01632 960 000", "walks@example.org", "https://example.org/walks");
            o.DescribeForPublic("Anyone over 18 who likes walking", "Meet at the park gates", true, OfferInterest.NatureAndGardening | OfferInterest.SocialAndFriendship, OfferAccess.StepFree);
        });
        var closed = Group("Closed swim", area, o => o.SetActive(false));
        await ListAsync(group, closed);
        var waiting = GroupProposal.Propose(Proposed("Proposed knitting circle", area), "organiser@example.org", Guid.NewGuid(), Listed);
        var declined = GroupProposal.Propose(Proposed("Declined poker night", area), "organiser@example.org", Guid.NewGuid(), Listed);
        declined.Decline("Not a fit for the directory.", Guid.NewGuid(), Listed);
        await Factory.WithDbAsync(db =>
        {
            db.GroupProposals.AddRange(waiting, declined);
            return db.SaveChangesAsync();
        });

        var (status, json) = await GetAsync($"{Api}/services/{OpenReferralExport.ApiServiceIdFor(group)}");
        status.ShouldBe(HttpStatusCode.OK);
        json.ShouldMatchSchema(OpenReferralUkSchema.ResponseOf("/services/{id}"), "a service by id");
        using (var document = JsonDocument.Parse(json))
        {
            var service = document.RootElement;
            service.GetProperty("name").GetString().ShouldBe("Walk and natter");
            service.GetProperty("eligibility_description").GetString().ShouldBe("Anyone over 18 who likes walking");
            service.GetProperty("application_process").GetString().ShouldBe("Meet at the park gates");
            service.GetProperty("service_areas")[0].GetProperty("name").GetString().ShouldBe(area);
            service.GetProperty("schedules")[0].GetProperty("byday").GetString().ShouldBe("TH");
            service.GetProperty("service_at_locations")[0].GetProperty("location").GetProperty("accessibility")[0].GetProperty("description").GetString().ShouldBe("Step-free access");
            var terms = service.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("taxonomy_term").GetProperty("term").GetString()).ToList();
            terms.ShouldContain("NatureAndGardening");
            terms.ShouldContain("SocialAndFriendship");
            terms.ShouldContain("StepFree");
            terms.ShouldContain("free");
            terms.ShouldContain("someone-can-come-first-time");
        }

        foreach (var (id, what) in new[]
        {
            (Guid.NewGuid().ToString(), "an id nobody has"),
            ("not-an-id", "a made-up id"),
            (OpenReferralExport.ApiServiceIdFor(closed), "a closed group"),
            (waiting.Id.ToString(), "a proposal waiting for moderation"),
            (declined.Id.ToString(), "a declined proposal"),
        })
        {
            using var response = await Factory.NewClient().GetAsync($"{Api}/services/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, what);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", what);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("status").GetInt32().ShouldBe(404);
            problem.RootElement.GetProperty("title").GetString().ShouldBe("The service was not found.", what);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue("a refusal is not kept");
        }

        (await NamesAsync(area, "")).ShouldBe(["Walk and natter"], "proposals are not listed until a connector publishes them");
        (await NamesAsync(area, "search=knitting")).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Should_list_the_taxonomies_and_terms_it_filters_by_each_by_its_id()
    {
        var (status, json) = await GetAsync($"{Api}/taxonomies");
        status.ShouldBe(HttpStatusCode.OK);
        json.ShouldMatchSchema(OpenReferralUkSchema.ResponseOf("/taxonomies"), "the taxonomies");
        var taxonomies = Page.Read(json);
        taxonomies.ShouldBe(new Page(3, 1, 1, 3, true, true, false) { Ids = taxonomies.Ids, Names = taxonomies.Names });
        taxonomies.Names.ShouldBe(["Connect and Do interests", "Connect and Do access", "Connect and Do listing facts"]);

        foreach (var id in taxonomies.Ids)
        {
            var (one, taxonomy) = await GetAsync($"{Api}/taxonomies/{id}");
            one.ShouldBe(HttpStatusCode.OK);
            taxonomy.ShouldMatchSchema(OpenReferralUkSchema.ResponseOf("/taxonomies/{id}"), $"taxonomy {id}");
        }

        var termCount = OpenReferralTaxonomies.Terms.Count();
        termCount.ShouldBe(9 + 7 + 3);
        var termIds = new List<string>();
        for (var page = 1; page <= 2; page++)
        {
            var (termsStatus, terms) = await GetAsync($"{Api}/taxonomy_terms?per_page=10&page={page}");
            termsStatus.ShouldBe(HttpStatusCode.OK);
            terms.ShouldMatchSchema(OpenReferralUkSchema.ResponseOf("/taxonomy_terms"), $"taxonomy terms, page {page}");
            var read = Page.Read(terms);
            (read.TotalItems, read.TotalPages, read.Size).ShouldBe((termCount, 2, page == 1 ? 10 : termCount - 10));
            termIds.AddRange(read.Ids);
        }
        termIds.ShouldBe(OpenReferralTaxonomies.Terms.Select(t => t.Id), ignoreOrder: true);

        var (termStatus, term) = await GetAsync($"{Api}/taxonomy_terms/{termIds[0]}");
        termStatus.ShouldBe(HttpStatusCode.OK);
        term.ShouldMatchSchema(OpenReferralUkSchema.ResponseOf("/taxonomy_terms/{id}"), "a taxonomy term");

        foreach (var path in new[] { $"/taxonomies/{Guid.NewGuid()}", $"/taxonomy_terms/{Guid.NewGuid()}" })
        {
            using var response = await Factory.NewClient().GetAsync(Api + path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", path);
        }
    }

    [SkippableFact]
    public async Task Should_let_pages_on_any_site_read_it_and_keep_answers_for_five_minutes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/services?per_page=1");
        request.Headers.Add("Origin", "https://council.example");
        using var response = await Factory.NewClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        response.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse("no cookie of the hub's is ever sent across");
        response.Headers.CacheControl!.Public.ShouldBeTrue();
        response.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
    }

    [SkippableFact]
    public async Task Should_count_against_the_public_directory_allowance_and_answer_too_many_with_a_problem()
    {
        await using var limited = new HubWebFactory(database.ConnectionString).With("Hub:RateLimits:PublicDirectory:Permits", "3");
        var client = limited.NewClient();
        (await client.GetAsync("/connect")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"{Api}/taxonomies")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"{Api}/services?per_page=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var refused = await client.GetAsync($"{Api}/services");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the public pages and the API share one allowance");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().ShouldBe(429);
    }

    [Fact]
    public void Should_have_schemas_that_refuse_what_the_standard_refuses()
    {
        var service = OpenReferralUkSchema.ResponseOf("/services/{id}");
        var page = OpenReferralUkSchema.ResponseOf("/services");
        const string good = """{ "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Walk", "status": "active" }""";

        OpenReferralUkSchema.Errors(service, good).ShouldBeEmpty();
        OpenReferralUkSchema.Errors(service, """{ "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Walk" }""").ShouldNotBeEmpty("status is required");
        OpenReferralUkSchema.Errors(service, """{ "id": "walk-1", "name": "Walk", "status": "active" }""").ShouldNotBeEmpty("ids are UUIDs");
        OpenReferralUkSchema.Errors(service, """{ "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Walk", "status": "open" }""").ShouldNotBeEmpty("status is one of four words");
        OpenReferralUkSchema.Errors(service, """{ "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Walk", "status": "active", "url": "not a web address" }""").ShouldNotBeEmpty("url is a URI");
        OpenReferralUkSchema.Errors(service, """{ "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Walk", "status": "active", "attributes": [{ "id": "ac148810-d857-441c-9679-408f346de14b", "taxonomy_term": { "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Walking" } }] }""")
            .ShouldNotBeEmpty("a taxonomy term needs a description");
        OpenReferralUkSchema.Errors(page, $$"""{ "total_items": 1, "contents": [{{good}}] }""").ShouldBeEmpty();
        OpenReferralUkSchema.Errors(page, """{ "total_items": "one", "contents": [] }""").ShouldNotBeEmpty("the page's counts are numbers");
        OpenReferralUkSchema.Errors(page, """{ "total_items": 1, "contents": [{ "name": "Walk" }] }""").ShouldNotBeEmpty("each item is checked");
    }

    public void Dispose() => _factory?.Dispose();

    private async Task<(HttpStatusCode Status, string Json)> GetAsync(string address)
    {
        using var response = await Factory.NewClient().GetAsync(address);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> NamesAsync(string area, string query)
    {
        var (status, json) = await GetAsync($"{Api}/services?area={Uri.EscapeDataString(area)}&per_page=100&{query}");
        status.ShouldBe(HttpStatusCode.OK, query);
        json.ShouldMatchSchema(OpenReferralUkSchema.ResponseOf("/services"), $"services?{query}");
        return Page.Read(json).Names;
    }

    /// <summary>The API id of every published term, by its code ("StepFree", "peer-led"), read from the API itself.</summary>
    private async Task<Dictionary<string, string>> TermIdsAsync()
    {
        var (_, json) = await GetAsync($"{Api}/taxonomy_terms?per_page=100");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("contents").EnumerateArray()
            .ToDictionary(t => t.GetProperty("term").GetString()!, t => t.GetProperty("id").GetString()!);
    }

    private async Task<IReadOnlyList<CommunityOffer>> ListAsync(params CommunityOffer[] offers)
    {
        await Factory.WithDbAsync(db =>
        {
            db.CommunityOffers.AddRange(offers);
            return db.SaveChangesAsync();
        });
        return offers;
    }

    private static CommunityOffer Group(string name, string area, Action<CommunityOffer>? shape = null)
    {
        var offer = new CommunityOffer(name, "Vale Community Trust", Listed, area);
        shape?.Invoke(offer);
        return offer;
    }

    private static ProposedGroup Proposed(string name, string area) => new(name, "Sam", "We meet and knit.", null, DayOfWeek.Friday, new TimeOnly(14, 0), new TimeOnly(16, 0),
        null, area, null, "The library", null, true, null, "Just come", false, OfferInterest.ArtsAndCrafts, OfferAccess.None, false, null, null, null);

    /// <summary>A page's paging fields as the standard names them, and the ids and names of what it holds.</summary>
    private sealed record Page(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty)
    {
        public List<string> Ids { get; init; } = [];
        public List<string> Names { get; init; } = [];

        public static Page Read(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var contents = root.GetProperty("contents").EnumerateArray().ToList();
            return new Page(root.GetProperty("total_items").GetInt32(), root.GetProperty("total_pages").GetInt32(), root.GetProperty("page_number").GetInt32(),
                root.GetProperty("size").GetInt32(), root.GetProperty("first_page").GetBoolean(), root.GetProperty("last_page").GetBoolean(), root.GetProperty("empty").GetBoolean())
            {
                Ids = contents.Select(c => c.GetProperty("id").GetString()!).ToList(),
                Names = contents.Select(c => c.GetProperty("name").GetString()!).ToList(),
            };
        }

        // Records compare their lists by reference: compare the paging fields only.
        public bool Equals(Page? other) => other is not null
            && (TotalItems, TotalPages, PageNumber, Size, FirstPage, LastPage, Empty) == (other.TotalItems, other.TotalPages, other.PageNumber, other.Size, other.FirstPage, other.LastPage, other.Empty);

        public override int GetHashCode() => HashCode.Combine(TotalItems, TotalPages, PageNumber, Size, FirstPage, LastPage, Empty);
    }
}
