using System.Text.Json;
using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;

namespace Hub.UnitTests.CommunityOffers;

public sealed class OpenReferralRoundTripTests
{
    private static readonly DateTimeOffset Edited = new DateTimeOffset(2026, 2, 27, 16, 42, 13, 123, TimeSpan.FromHours(1)).AddTicks(4567);
    private static readonly DateTimeOffset ImportedLater = new(2026, 3, 9, 7, 0, 0, TimeSpan.Zero);

    private static CommunityOffer Offer(string? externalId, string name, string organisation, Action<CommunityOffer>? shape = null)
    {
        var offer = new CommunityOffer(name, organisation, Edited, "The borough");
        offer.LinkExternal(externalId, externalId is null ? null : $"org-{organisation.Length}", null);
        shape?.Invoke(offer);
        return offer;
    }

    /// <summary>Offers as staff might leave them, covering every field and the awkward cases of each.</summary>
    private static List<CommunityOffer> VariedOffers() =>
    [
        Offer("full", "Grŵp cerdded 🚶 Walk & talk", "Cyfeillion Northgate <Friends>", o =>
        {
            o.Describe("Grŵp cerdded 🚶 Walk & talk", "Line one.\nLine two with \"quotes\", a tab\tand £5.", "Cyfeillion Northgate <Friends>",
                [new OfferCategory("mw-1", "Physical activity", "marrowby-directory"), new OfferCategory("42", "Walking", null)],
                [DeterminantArea.PhysicalHealth, DeterminantArea.Loneliness], peerLed: true, ["English", "Cymraeg", "Polski"]);
            o.Locate("St Mary's & Westgate", "Park gates", "Northgate Park, Park Road, Marrowby", "mw2 7hx");
            o.Schedule([new OfferSession(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(10, 0)),
                new OfferSession(DayOfWeek.Wednesday, new TimeOnly(18, 0, 30), new TimeOnly(19, 30)),
                new OfferSession(DayOfWeek.Wednesday, new TimeOnly(7, 15), new TimeOnly(8, 0, 0, 250))], "Not on bank holidays\nLonger walk on the first Saturday");
            o.SetCost(true, "Free; donations welcome");
            o.SetContact("0113 496 0457", "walks@example.org", "https://example.org/walks?day=wed&x=1");
            o.LinkExternal("full", "org-nwf", "loc-gates");
            o.DescribeForPublic("Anyone over 18 who likes <walking>\nNo need to be fit", "Meet at the park gates; ring Sam first", bringSomeoneFirstTime: true,
                OfferInterest.NatureAndGardening | OfferInterest.SocialAndFriendship | OfferInterest.SupportAndWellbeing,
                OfferAccess.StepFree | OfferAccess.Quiet | OfferAccess.BritishSignLanguage | OfferAccess.WomenOnly | OfferAccess.MenOnly | OfferAccess.HearingLoop | OfferAccess.AccessibleToilet);
            o.PlaceInArea("Northfield & Eastbank");
        }),
        Offer("listing-without-a-place", "Online language swap", "Language Friends", o =>
        {
            // Access needs with no location to hang them on travel as attributes alone; interests alone, no access.
            o.DescribeForPublic(null, "Sign up on the website", bringSomeoneFirstTime: false, OfferInterest.LearningAndLanguages, OfferAccess.None);
            o.PlaceInArea("The borough");
            o.Schedule([new OfferSession(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(20, 0))], null);
        }),
        Offer("access-without-a-place", "Phone circle", "Language Friends", o =>
            o.DescribeForPublic("Anyone who finds going out hard", null, bringSomeoneFirstTime: true, OfferInterest.None, OfferAccess.Quiet)),
        Offer("bare", "Chess club", "Eastfield Community Trust"),
        Offer("closed", "Carers' evening", "Riverside Carers' Circle", o =>
        {
            o.SetActive(false);
            o.SetCost(false, "£2 a session");
            o.Locate(null, null, "Unit 3, Wharf Lane", null);
        }),
        Offer("staff-chose-areas", "Debt café", "Marrowby Money Matters", o =>
            // "Debt advice" suggests money, but staff have said it helps with housing only.
            o.Describe("Debt café", null, "Marrowby Money Matters", [new OfferCategory("d", "Debt advice", "marrowby-directory")],
                [DeterminantArea.Housing], peerLed: false, [])),
        Offer("staff-chose-none", "Benefits social", "Marrowby Money Matters", o =>
            o.Describe("Benefits social", null, "Marrowby Money Matters", [new OfferCategory("b", "Benefits and social groups", "x")],
                [], peerLed: false, [])),
        Offer("postcode-only", "Phone befriending", "Age Well Marrowby", o => o.Locate(null, null, null, "MW9 9ZZ")),
        Offer("place-only", "Online peer group", "Mind the Gap Collective", o => o.LinkExternal("place-only", "org-x", "virtual-room-7")),
        Offer("note-only", "Monthly repair café", "Fix It Marrowby", o =>
        {
            o.Schedule([], "Last Saturday of the month");
            o.Locate("Eastfield", "Eastfield Church Hall", "Church Lane, Eastfield,  ", null);
        }),
        Offer("address-with-comma-at-end", "Knit and natter", "Woolly Wednesdays", o => o.Locate(null, "The Wool Shop", "3 High Street , Marrowby", null)),
    ];

    [Fact]
    public void Should_read_back_exactly_the_offers_it_wrote()
    {
        var offers = VariedOffers();

        var result = OpenReferralImport.Read(OpenReferralExport.Write(offers), ImportedLater, "The borough");

        result.Problems.ShouldBeEmpty();
        var expected = offers.OrderBy(o => o.ExternalId, StringComparer.Ordinal).ToList();
        result.Offers.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            result.Offers[i].ShouldMatchFieldByField(expected[i]);
        }
    }

    [Fact]
    public void Should_compare_every_field_an_offer_has()
    {
        OfferComparison.ComparedProperties.Select(p => p.Name).ShouldBe([
            "ExternalId", "OrganisationExternalId", "LocationExternalId", "Name", "Description", "OrganisationName",
            "Categories", "HelpsWith", "Neighbourhood", "LocationName", "Address", "Postcode", "Sessions", "ScheduleNote",
            "IsFree", "CostNote", "Phone", "Email", "Url", "PeerLed", "Languages", "Active", "UpdatedAt",
            // Connect and Do's public listing (issue 16): service_areas, eligibility_description,
            // application_process, and terms of our own taxonomies; the week's slots follow the schedules.
            "Area", "Interests", "Access", "WhoFor", "HowToJoin", "BringSomeoneFirstTime", "WeekSlots",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Should_carry_the_public_listing_in_the_places_the_standard_has_for_it()
    {
        var offer = VariedOffers().Single(o => o.ExternalId == "full");

        using var file = JsonDocument.Parse(OpenReferralExport.Write([offer]));

        var service = file.RootElement[0];
        service.GetProperty("eligibility_description").GetString().ShouldBe(offer.WhoFor);
        service.GetProperty("application_process").GetString().ShouldBe(offer.HowToJoin);
        service.GetProperty("service_areas")[0].GetProperty("name").GetString().ShouldBe("Northfield & Eastbank");
        service.GetProperty("service_at_locations")[0].GetProperty("location").GetProperty("accessibility").GetArrayLength().ShouldBe(7);
        var terms = service.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("taxonomy_term"))
            .Select(t => (Taxonomy: t.TryGetProperty("taxonomy", out var v) ? v.GetString() : null, Id: t.GetProperty("id").GetString())).ToList();
        terms.ShouldContain((OpenReferralVocabularies.Interests, "NatureAndGardening"));
        terms.ShouldContain((OpenReferralVocabularies.Access, "WomenOnly"));
        terms.ShouldContain((OpenReferralVocabularies.Flags, OpenReferralVocabularies.BringSomeoneTermId));
        terms.ShouldContain((OpenReferralVocabularies.Flags, OpenReferralVocabularies.FreeTermId));
    }

    [Theory]
    [InlineData("livingwellhub-interests", "Knitting", "is not one of our interests")]
    [InlineData("livingwellhub-interests", "3", "is not one of our interests")]
    [InlineData("livingwellhub-access", "Lift", "is not one of our access needs")]
    [InlineData("livingwellhub-access", "None", "is not one of our access needs")]
    [InlineData("livingwellhub-flags", "bring-a-dog", "is not one of our flags")]
    [InlineData("livingwellhub-needs", "Gardening", "is not one of our life areas")]
    public void Should_import_the_service_and_leave_out_a_term_of_our_own_taxonomies_that_this_hub_does_not_have(string taxonomy, string id, string says)
    {
        // A newer hub may add a flag, an interest or an access need; an older one imports the rest of the
        // service and says what it left out, rather than refusing the whole file.
        var file = $$"""
            [{ "id": "s1", "name": "Walk", "organization": { "name": "Trust" },
               "attributes": [{ "taxonomy_term": { "id": "{{id}}", "name": "Something", "taxonomy": "{{taxonomy}}" } },
                              { "taxonomy_term": { "id": "{{OpenReferralVocabularies.PeerLedTermId}}", "name": "Peer-led", "taxonomy": "{{OpenReferralVocabularies.Flags}}" } },
                              { "taxonomy_term": { "id": "StepFree", "name": "Step-free", "taxonomy": "{{OpenReferralVocabularies.Access}}" } }] }]
            """;

        var result = OpenReferralImport.Read(file, ImportedLater, "The borough");

        result.Problems.ShouldBeEmpty();
        var offer = result.Offers.ShouldHaveSingleItem();
        (offer.Name, offer.PeerLed, offer.Access).ShouldBe(("Walk", true, OfferAccess.StepFree), "the terms this hub has are kept");
        offer.Categories.ShouldNotContain(c => c.Id == id, "a term of our own taxonomies is never kept as a free category");
        var leftOut = result.LeftOut.ShouldHaveSingleItem();
        leftOut.Where.ShouldBe("service 1 (id s1): attributes[0].taxonomy_term.id");
        leftOut.Message.ShouldContain(says);
        leftOut.Message.ShouldContain("left out");
    }

    [Fact]
    public void Should_write_the_same_text_again_from_a_file_it_wrote()
    {
        var written = OpenReferralExport.Write(VariedOffers());

        var rewritten = OpenReferralExport.Write(OpenReferralImport.Read(written, ImportedLater, "The borough").Offers);

        rewritten.ShouldBe(written);
    }

    [Fact]
    public void Should_reach_a_stable_file_from_the_council_sample_after_one_trip()
    {
        var once = OpenReferralExport.Write(OpenReferralImport.Read(OrukSample.Json, OrukSample.ImportedAt, "The borough").Offers);

        var twice = OpenReferralExport.Write(OpenReferralImport.Read(once, ImportedLater, "The borough").Offers);

        twice.ShouldBe(once);
    }

    [Fact]
    public void Should_keep_every_field_of_the_council_sample_through_export_and_import()
    {
        var imported = OpenReferralImport.Read(OrukSample.Json, OrukSample.ImportedAt, "The borough").Offers;

        var again = OpenReferralImport.Read(OpenReferralExport.Write(imported), ImportedLater, "The borough").Offers;

        var expected = imported.OrderBy(o => o.ExternalId, StringComparer.Ordinal).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            again[i].ShouldMatchFieldByField(expected[i]);
        }
    }

    [Fact]
    public void Should_give_an_offer_made_in_the_hub_a_stable_id_from_its_guid_and_change_nothing_else()
    {
        var made = new CommunityOffer("Tea and talk", "Eastfield Community Trust", Edited, "The borough");
        made.Locate(null, "Eastfield Library", null, null);

        var first = OpenReferralImport.Read(OpenReferralExport.Write([made]), ImportedLater, "The borough").Offers.ShouldHaveSingleItem();
        var second = OpenReferralImport.Read(OpenReferralExport.Write([first]), ImportedLater, "The borough").Offers.ShouldHaveSingleItem();

        first.ExternalId.ShouldBe(made.Id.ToString("D"));
        first.ExternalId.ShouldBe(OpenReferralExport.ServiceIdFor(made));
        first.ShouldMatchFieldByField(made, nameof(CommunityOffer.ExternalId));
        second.ShouldMatchFieldByField(first);
    }

    [Fact]
    public void Should_give_offers_of_the_same_organisation_the_same_derived_organisation_id()
    {
        var one = new CommunityOffer("Tea and talk", "Eastfield Community Trust", Edited, "The borough");
        var two = new CommunityOffer("Chess club", " eastfield community trust ", Edited, "The borough");

        OpenReferralExport.OrganisationIdFor(one).ShouldBe(OpenReferralExport.OrganisationIdFor(two));
        Guid.TryParse(OpenReferralExport.OrganisationIdFor(one), out _).ShouldBeTrue();
    }

    [Fact]
    public void Should_sort_services_by_external_id_then_name()
    {
        var offers = new[]
        {
            Offer("b", "Zumba", "Org"),
            Offer("a", "Yoga", "Org"),
            Offer("c", "Art", "Org"),
        };

        var ids = ServiceArray(OpenReferralExport.Write(offers)).Select(s => s.GetProperty("id").GetString()).ToList();

        ids.ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Should_refuse_to_write_two_offers_with_the_same_service_id()
    {
        var offers = new[] { Offer("same", "Yoga", "Org"), Offer("same", "Pilates", "Org") };

        Should.Throw<ArgumentException>(() => OpenReferralExport.Write(offers)).Message.ShouldContain("same");
    }

    [Fact]
    public void Should_write_hsds_3_field_names_and_our_vocabularies_as_attributes()
    {
        var service = ServiceArray(OpenReferralExport.Write([VariedOffers()[0]])).ShouldHaveSingleItem();

        service.GetProperty("id").GetString().ShouldBe("full");
        service.GetProperty("status").GetString().ShouldBe("active");
        service.GetProperty("organization").GetProperty("name").GetString().ShouldBe("Cyfeillion Northgate <Friends>");
        service.GetProperty("organization_id").GetString().ShouldBe("org-nwf");
        service.GetProperty("phones")[0].GetProperty("number").GetString().ShouldBe("0113 496 0457");
        service.GetProperty("cost_options")[0].GetProperty("amount").GetDecimal().ShouldBe(0);
        service.GetProperty("fees_description").GetString().ShouldBe("Free; donations welcome");

        var schedule = service.GetProperty("schedules")[0];
        (schedule.GetProperty("freq").GetString(), schedule.GetProperty("byday").GetString(), schedule.GetProperty("opens_at").GetString(), schedule.GetProperty("closes_at").GetString())
            .ShouldBe(("WEEKLY", "SU", "09:00", "10:00"));

        var location = service.GetProperty("service_at_locations")[0].GetProperty("location");
        location.GetProperty("id").GetString().ShouldBe("loc-gates");
        var address = location.GetProperty("addresses")[0];
        address.GetProperty("address_1").GetString().ShouldBe("Northgate Park, Park Road");
        address.GetProperty("city").GetString().ShouldBe("Marrowby");
        address.GetProperty("postal_code").GetString().ShouldBe("MW2 7HX");

        var terms = service.GetProperty("attributes").EnumerateArray()
            .Select(a => a.GetProperty("taxonomy_term"))
            .Select(t => (t.GetProperty("id").GetString(), t.GetProperty("name").GetString(), t.TryGetProperty("taxonomy", out var v) ? v.GetString() : null))
            .ToList();
        terms.ShouldBe([
            ("mw-1", "Physical activity", "marrowby-directory"),
            ("42", "Walking", null),
            ("PhysicalHealth", "Physical health", "livingwellhub-needs"),
            ("Loneliness", "Loneliness", "livingwellhub-needs"),
            ("peer-led", "Peer-led", "livingwellhub-flags"),
            ("free", "Free", "livingwellhub-flags"),
            ("someone-can-come-first-time", "Someone can come with you the first time", "livingwellhub-flags"),
            ("st-mary-s-westgate", "St Mary's & Westgate", "livingwellhub-neighbourhood"),
            ("NatureAndGardening", "Nature, walking and gardening", "livingwellhub-interests"),
            ("SocialAndFriendship", "Meeting people", "livingwellhub-interests"),
            ("SupportAndWellbeing", "Support and wellbeing", "livingwellhub-interests"),
            ("StepFree", "Step-free access", "livingwellhub-access"),
            ("Quiet", "Quiet and calm", "livingwellhub-access"),
            ("BritishSignLanguage", "British Sign Language (BSL)", "livingwellhub-access"),
            ("WomenOnly", "Women only", "livingwellhub-access"),
            ("MenOnly", "Men only", "livingwellhub-access"),
            ("HearingLoop", "Hearing loop", "livingwellhub-access"),
            ("AccessibleToilet", "Accessible toilet", "livingwellhub-access"),
        ]);
    }

    [Fact]
    public void Should_flag_listed_areas_only_when_staff_left_out_an_area_the_categories_suggest()
    {
        var written = OpenReferralExport.Write(VariedOffers().Where(o => o.ExternalId is "staff-chose-areas" or "full"));

        var flagged = ServiceArray(written)
            .Where(s => s.GetProperty("attributes").EnumerateArray().Any(a => a.GetProperty("taxonomy_term").GetProperty("id").GetString() == OpenReferralVocabularies.ListedNeedsOnlyTermId))
            .Select(s => s.GetProperty("id").GetString());

        flagged.ShouldBe(["staff-chose-areas"]);
    }

    [Fact]
    public void Should_write_indented_json_with_unix_line_endings_and_readable_letters()
    {
        var written = OpenReferralExport.Write([VariedOffers()[0]]);

        written.ShouldStartWith("[\n  {\n    \"id\": \"full\",");
        written.ShouldNotContain("\r");
        written.ShouldContain("Grŵp cerdded");
        written.ShouldEndWith("]\n");
    }

    [Fact]
    public void Should_write_an_empty_list_for_no_offers()
    {
        OpenReferralExport.Write([]).ShouldBe("[]\n");
    }

    private static List<JsonElement> ServiceArray(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
