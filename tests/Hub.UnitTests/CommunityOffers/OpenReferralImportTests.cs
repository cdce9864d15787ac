using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;

namespace Hub.UnitTests.CommunityOffers;

public sealed class OpenReferralImportTests
{
    private static IReadOnlyList<CommunityOffer> ImportSample()
    {
        var result = OpenReferralImport.Read(OrukSample.Json, OrukSample.ImportedAt, "The borough");
        result.Problems.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
        result.Offers.Count.ShouldBe(3);
        return result.Offers;
    }

    [Fact]
    public void Should_read_every_field_of_a_council_drop_in_service()
    {
        var offer = ImportSample()[0];

        offer.ExternalId.ShouldBe("3f1c2a9e-5b7d-4e21-9a0c-1d2e3f4a5b6c");
        offer.OrganisationExternalId.ShouldBe("a7d24c11-0b9e-4f6a-8c3d-2e1f0a9b8c7d");
        offer.LocationExternalId.ShouldBe("e6f5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c");
        offer.Name.ShouldBe("Debt and benefits drop-in");
        offer.Description.ShouldBe("Free, confidential help with debts, benefit claims and appeals, and making your money go further.");
        offer.OrganisationName.ShouldBe("Marrowby Money Matters");
        offer.Categories.ShouldBe([
            new OfferCategory("mw-debt", "Debt advice", "marrowby-directory"),
            new OfferCategory("mw-benefits", "Welfare benefits", "marrowby-directory"),
        ]);
        offer.HelpsWith.ShouldBe([DeterminantArea.MoneyDebtAndBenefits]);
        offer.Neighbourhood.ShouldBeNull();
        offer.LocationName.ShouldBe("Marrowby Central Library");
        offer.Address.ShouldBe("14 Market Street, Marrowby");
        offer.Postcode.ShouldBe("MW1 4QT");
        offer.Sessions.ShouldBe([
            new OfferSession(DayOfWeek.Tuesday, new TimeOnly(10, 0), new TimeOnly(13, 0)),
            new OfferSession(DayOfWeek.Thursday, new TimeOnly(10, 0), new TimeOnly(13, 0)),
        ]);
        offer.ScheduleNote.ShouldBe("Drop in any time in these hours; no appointment needed");
        offer.IsFree.ShouldBeTrue();
        offer.CostNote.ShouldBeNull();
        offer.Phone.ShouldBe("01632 960 123");
        offer.Email.ShouldBe("dropin@moneymatters.example.org");
        offer.Url.ShouldBe("https://moneymatters.example.org/drop-in");
        offer.PeerLed.ShouldBeFalse();
        offer.Languages.ShouldBe(["English", "Urdu"]);
        offer.Active.ShouldBeTrue();
        offer.UpdatedAt.ShouldBe(new DateTimeOffset(2026, 2, 11, 14, 5, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Should_read_a_peer_led_walking_group_with_a_monthly_walk_and_a_suggested_donation()
    {
        var offer = ImportSample()[1];

        offer.ExternalId.ShouldBe("nwf-walk-and-talk");
        offer.OrganisationExternalId.ShouldBe("nwf");
        offer.LocationExternalId.ShouldBe("nwf-meet-point");
        offer.Name.ShouldBe("Walk and Talk");
        offer.Description.ShouldBe("A gentle hour's walk round Northgate Park with people who have been through tough times too. Go at your own pace.");
        offer.OrganisationName.ShouldBe("Northgate Walking Friends");
        offer.Categories.ShouldBe([
            new OfferCategory("mw-physical", "Physical activity", "marrowby-directory"),
            new OfferCategory("mw-befriending", "Befriending and social groups", "marrowby-directory"),
        ]);
        offer.HelpsWith.ShouldBe([DeterminantArea.PhysicalHealth, DeterminantArea.Loneliness]);
        offer.Neighbourhood.ShouldBe("Northgate");
        offer.LocationName.ShouldBe("Northgate Park main gates");
        offer.Address.ShouldBe("Northgate Park, Park Road, Marrowby");
        offer.Postcode.ShouldBe("MW2 7HX");
        offer.Sessions.ShouldBe([new OfferSession(DayOfWeek.Wednesday, new TimeOnly(18, 0), new TimeOnly(19, 30))]);
        offer.ScheduleNote.ShouldBe("The first Saturday of each month, 10:00 to 12:30");
        offer.IsFree.ShouldBeFalse();
        offer.CostNote.ShouldBe("Each walk: £2 suggested donation");
        offer.Phone.ShouldBe("0113 496 0457");
        offer.Email.ShouldBeNull();
        offer.Url.ShouldBe("https://northgatewalking.example.org");
        offer.PeerLed.ShouldBeTrue();
        offer.Languages.ShouldBe(["English"]);
        offer.Active.ShouldBeTrue();
        offer.UpdatedAt.ShouldBe(OrukSample.ImportedAt);
    }

    [Fact]
    public void Should_read_a_closed_carers_evening_with_a_numeric_id_and_our_own_life_areas()
    {
        var offer = ImportSample()[2];

        offer.ExternalId.ShouldBe("30117");
        offer.OrganisationExternalId.ShouldBe("rcc-01");
        offer.LocationExternalId.ShouldBe("rcc-centre");
        offer.Name.ShouldBe("Carers' support evening");
        offer.Description.ShouldBe("Time out, a cup of tea and practical tips from other people who look after someone.");
        offer.OrganisationName.ShouldBe("Riverside Carers' Circle");
        offer.Categories.ShouldBe([
            new OfferCategory("mw-carers", "Carers", "marrowby-directory"),
            new OfferCategory("mw-mental-health", "Mental health support", "marrowby-directory"),
        ]);
        offer.HelpsWith.ShouldBe([DeterminantArea.CaringResponsibilities, DeterminantArea.Loneliness]);
        offer.Neighbourhood.ShouldBeNull();
        offer.LocationName.ShouldBe("Riverside Community Centre");
        offer.Address.ShouldBe("Unit 3, Wharf Lane, Riverside, Marrowby");
        offer.Postcode.ShouldBe("MW3 9PL");
        offer.Sessions.ShouldBe([new OfferSession(DayOfWeek.Thursday, new TimeOnly(18, 30), new TimeOnly(20, 30))]);
        offer.ScheduleNote.ShouldBe("Not during August");
        offer.IsFree.ShouldBeTrue();
        offer.CostNote.ShouldBe("Free. Tea and cake provided.");
        offer.Phone.ShouldBe("01632 960 789");
        offer.Email.ShouldBe("evenings@riversidecarers.example.org");
        offer.Url.ShouldBe("https://riversidecarers.example.org/evenings");
        offer.PeerLed.ShouldBeFalse();
        offer.Languages.ShouldBe(["English", "Polish"]);
        offer.Active.ShouldBeFalse();
        offer.UpdatedAt.ShouldBe(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Should_read_the_same_offers_from_an_api_page_as_from_a_plain_list()
    {
        var fromList = OpenReferralImport.Read(OrukSample.Json, OrukSample.ImportedAt, "The borough");
        var fromPage = OpenReferralImport.Read(OrukSample.AsApiPage(), OrukSample.ImportedAt, "The borough");

        fromPage.Problems.ShouldBeEmpty();
        fromPage.Offers.Count.ShouldBe(3);
        for (var i = 0; i < 3; i++)
        {
            fromPage.Offers[i].ShouldMatchFieldByField(fromList.Offers[i]);
        }
    }

    [Fact]
    public void Should_give_new_unsaved_offers_their_own_guids()
    {
        var offers = ImportSample();

        offers.Select(o => o.Id).Distinct().Count().ShouldBe(3);
        offers.ShouldAllBe(o => o.Id != Guid.Empty);
    }

    [Fact]
    public void Should_read_an_empty_list_as_no_offers_and_no_problems()
    {
        var result = OpenReferralImport.Read("[]", OrukSample.ImportedAt, "The borough");

        result.Succeeded.ShouldBeTrue();
        result.Offers.ShouldBeEmpty();
    }

    [Fact]
    public void Should_read_open_referral_uk_1_taxonomies_and_physical_addresses()
    {
        const string json = """
            [{
              "id": "old-1", "name": "Men's shed", "organization": { "name": "Eastfield Shed" },
              "service_at_locations": [{ "location": { "id": "L1", "physical_addresses": [{ "address_1": "Old Mill Yard", "postal_code": "mw4 1aa" }] } }],
              "service_taxonomys": [{ "id": "st1", "taxonomy": { "id": "T1", "name": "Loneliness and isolation", "vocabulary": "esdNeeds" } }],
              "languages": [{ "id": "l1", "language": "Welsh" }]
            }]
            """;

        var offer = OpenReferralImport.Read(json, OrukSample.ImportedAt, "The borough").Offers.ShouldHaveSingleItem();

        offer.Categories.ShouldBe([new OfferCategory("T1", "Loneliness and isolation", "esdNeeds")]);
        offer.HelpsWith.ShouldBe([DeterminantArea.Loneliness]);
        offer.Address.ShouldBe("Old Mill Yard");
        offer.Postcode.ShouldBe("MW4 1AA");
        offer.Languages.ShouldBe(["Welsh"]);
    }

    [Fact]
    public void Should_read_the_draft_uk_profile_term_field_and_a_vocabulary_in_taxonomy_detail()
    {
        const string json = """
            [{
              "id": "s1", "name": "Food club", "organization": { "name": "Westgate Pantry" },
              "attributes": [
                { "id": "a1", "taxonomy_term": { "id": "t1", "term": "Money advice", "taxonomy": "lga-needs" } },
                { "id": "a2", "taxonomy_term_id": "t2", "taxonomy_term": { "name": "Housing support", "taxonomy_detail": { "id": "x", "name": "county-list" } } },
                { "id": "a3", "taxonomy_term_id": "t3" }
              ]
            }]
            """;

        var offer = OpenReferralImport.Read(json, OrukSample.ImportedAt, "The borough").Offers.ShouldHaveSingleItem();

        offer.Categories.ShouldBe([
            new OfferCategory("t1", "Money advice", "lga-needs"),
            new OfferCategory("t2", "Housing support", "county-list"),
        ]);
        offer.HelpsWith.ShouldBe([DeterminantArea.MoneyDebtAndBenefits, DeterminantArea.Housing]);
    }

    [Theory]
    [InlineData("""{ "freq": "WEEKLY", "interval": 2, "byday": "TU", "opens_at": "18:00", "closes_at": "20:00" }""", "Every 2 weeks on Tuesday, 18:00 to 20:00")]
    [InlineData("""{ "freq": "MONTHLY", "byday": "-1FR", "opens_at": "10:00", "closes_at": "12:00" }""", "The last Friday of each month, 10:00 to 12:00")]
    [InlineData("""{ "freq": "MONTHLY", "byday": "1MO,3MO" }""", "The first Monday and third Monday of each month")]
    [InlineData("""{ "freq": "MONTHLY", "bymonthday": "15" }""", "Day 15 of each month")]
    [InlineData("""{ "byday": "SA" }""", "Saturday")]
    [InlineData("""{ "freq": "MONTHLY", "byday": "2WE", "description": "Second Wednesday, please book" }""", "Second Wednesday, please book")]
    public void Should_put_what_a_weekly_session_cannot_hold_into_the_schedule_note(string schedule, string note)
    {
        var json = $$"""[{ "id": "s1", "name": "Group", "organization": { "name": "Org" }, "schedules": [{{schedule}}] }]""";

        var offer = OpenReferralImport.Read(json, OrukSample.ImportedAt, "The borough").Offers.ShouldHaveSingleItem();

        offer.Sessions.ShouldBeEmpty();
        offer.ScheduleNote.ShouldBe(note);
    }

    [Theory]
    [InlineData("18:00", 18, 0, 0)]
    [InlineData("18:00:00", 18, 0, 0)]
    [InlineData("09:30:15", 9, 30, 15)]
    [InlineData("9:30", 9, 30, 0)]
    [InlineData("18:00Z", 18, 0, 0)]
    [InlineData("18:00+01:00", 18, 0, 0)]
    public void Should_read_times_with_or_without_seconds_and_keep_the_clock_time_of_a_zoned_time(string opensAt, int hour, int minute, int second)
    {
        var json = $$"""[{ "id": "s1", "name": "Group", "organization": { "name": "Org" }, "schedules": [{ "byday": "MO", "opens_at": "{{opensAt}}", "closes_at": "23:00" }] }]""";

        var offer = OpenReferralImport.Read(json, OrukSample.ImportedAt, "The borough").Offers.ShouldHaveSingleItem();

        offer.Sessions.ShouldHaveSingleItem().Opens.ShouldBe(new TimeOnly(hour, minute, second));
    }

    [Fact]
    public void Should_keep_schedules_given_on_the_service_at_location()
    {
        const string json = """
            [{ "id": "s1", "name": "Group", "organization": { "name": "Org" },
               "service_at_locations": [{ "id": "sal1", "location_id": "L1", "schedules": [{ "byday": "FR", "opens_at": "13:00", "closes_at": "15:00" }] }] }]
            """;

        var offer = OpenReferralImport.Read(json, OrukSample.ImportedAt, "The borough").Offers.ShouldHaveSingleItem();

        offer.LocationExternalId.ShouldBe("L1");
        offer.Sessions.ShouldBe([new OfferSession(DayOfWeek.Friday, new TimeOnly(13, 0), new TimeOnly(15, 0))]);
    }

    [Theory]
    [InlineData("inactive", false)]
    [InlineData("defunct", false)]
    [InlineData("Temporarily Closed", false)]
    [InlineData("ACTIVE", true)]
    public void Should_treat_every_status_but_active_as_inactive(string status, bool active)
    {
        var json = $$"""[{ "id": "s1", "name": "Group", "status": "{{status}}", "organization": { "name": "Org" } }]""";

        OpenReferralImport.Read(json, OrukSample.ImportedAt, "The borough").Offers.ShouldHaveSingleItem().Active.ShouldBe(active);
    }

    [Fact]
    public void Should_describe_mixed_prices_in_words_when_there_is_no_fees_description()
    {
        const string json = """
            [{ "id": "s1", "name": "Swim", "organization": { "name": "Leisure Trust" },
               "cost_options": [
                 { "option": "Adults", "amount": 4.5, "amount_description": "per session" },
                 { "option": "Under 16s", "amount": 0 },
                 { "option": "Members", "amount": 3, "currency": "EUR" }
               ] }]
            """;

        var offer = OpenReferralImport.Read(json, OrukSample.ImportedAt, "The borough").Offers.ShouldHaveSingleItem();

        offer.IsFree.ShouldBeFalse();
        offer.CostNote.ShouldBe("Adults: £4.50 per session\nUnder 16s: free\nMembers: 3 EUR");
    }
}
