using Hub.Application.CommunityOffers.OpenReferral;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;

namespace Hub.UnitTests.CommunityOffers;

public sealed class HelpsWithMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Debt advice", DeterminantArea.MoneyDebtAndBenefits)]
    [InlineData("Welfare Benefits", DeterminantArea.MoneyDebtAndBenefits)]
    [InlineData("Money management", DeterminantArea.MoneyDebtAndBenefits)]
    [InlineData("Housing options", DeterminantArea.Housing)]
    [InlineData("Homelessness prevention", DeterminantArea.Housing)]
    [InlineData("Employment support", DeterminantArea.WorkStudyOrVolunteering)]
    [InlineData("Volunteering opportunities", DeterminantArea.WorkStudyOrVolunteering)]
    [InlineData("Skills and training", DeterminantArea.WorkStudyOrVolunteering)]
    [InlineData("Young carers", DeterminantArea.CaringResponsibilities)]
    [InlineData("Physical activity", DeterminantArea.PhysicalHealth)]
    [InlineData("Exercise classes", DeterminantArea.PhysicalHealth)]
    [InlineData("Healthy eating", DeterminantArea.PhysicalHealth)]
    [InlineData("Social groups", DeterminantArea.Loneliness)]
    [InlineData("Befriending", DeterminantArea.Loneliness)]
    [InlineData("Tackling loneliness", DeterminantArea.Loneliness)]
    [InlineData("Social isolation", DeterminantArea.Loneliness)]
    [InlineData("Domestic abuse support", DeterminantArea.Safety)]
    [InlineData("Community safety", DeterminantArea.Safety)]
    [InlineData("Alcohol services", DeterminantArea.AlcoholAndDrugs)]
    [InlineData("Drugs and alcohol", DeterminantArea.AlcoholAndDrugs)]
    [InlineData("Substance misuse", DeterminantArea.AlcoholAndDrugs)]
    [InlineData("Discrimination advice", DeterminantArea.Discrimination)]
    [InlineData("Reporting hate crime", DeterminantArea.Discrimination)]
    [InlineData("Immigration advice", DeterminantArea.ImmigrationOrLegalWorries)]
    [InlineData("Asylum seekers", DeterminantArea.ImmigrationOrLegalWorries)]
    [InlineData("Free legal advice", DeterminantArea.ImmigrationOrLegalWorries)]
    public void Should_map_a_term_from_another_vocabulary_by_keyword(string termName, DeterminantArea area)
    {
        HelpsWithMapping.FromKeywords(termName).ShouldBe([area]);
    }

    [Theory]
    [InlineData("Mental health support")]
    [InlineData("Adult social care")]
    [InlineData("Illegal money lending")]
    [InlineData("Knitting")]
    [InlineData("")]
    public void Should_not_guess_an_area_from_words_that_only_look_like_a_keyword(string termName)
    {
        var areas = HelpsWithMapping.FromKeywords(termName);

        areas.ShouldNotContain(DeterminantArea.PhysicalHealth);
        areas.ShouldNotContain(DeterminantArea.Loneliness);
        areas.ShouldNotContain(DeterminantArea.ImmigrationOrLegalWorries);
    }

    [Fact]
    public void Should_find_every_area_a_term_mentions()
    {
        HelpsWithMapping.FromKeywords("Debt, housing and benefits advice").ShouldBe([DeterminantArea.MoneyDebtAndBenefits, DeterminantArea.Housing]);
    }

    [Fact]
    public void Should_map_every_life_area_in_our_own_vocabulary_by_its_id_and_by_its_name()
    {
        foreach (var area in Enum.GetValues<DeterminantArea>())
        {
            HelpsWithMapping.FromOwnTerm(area.ToString(), "anything").ShouldBe(area);
            HelpsWithMapping.FromOwnTerm("anything", area.Describe()).ShouldBe(area);
        }
        HelpsWithMapping.FromOwnTerm("3", "Gardening").ShouldBeNull();
    }

    [Fact]
    public void Should_map_our_own_terms_exactly_even_when_their_names_hold_no_keyword()
    {
        var categories = new[]
        {
            new OfferCategory(nameof(DeterminantArea.CaringResponsibilities), "Caring for someone", OpenReferralVocabularies.Needs),
            new OfferCategory(nameof(DeterminantArea.Safety), "Feeling safe, including at home", OpenReferralVocabularies.Needs),
        };

        HelpsWithMapping.FromCategories(categories).ShouldBe([DeterminantArea.CaringResponsibilities, DeterminantArea.Safety]);
    }

    [Fact]
    public void Should_not_read_keywords_in_our_own_vocabulary_where_ids_are_exact()
    {
        // "Money" in the name of an own term with an unknown id must not become money by keyword.
        HelpsWithMapping.FromCategories([new OfferCategory("Gardening", "Money for gardens", OpenReferralVocabularies.Needs)]).ShouldBeEmpty();
    }

    [Fact]
    public void Should_combine_our_own_terms_with_keywords_from_the_council_terms_on_import()
    {
        const string json = """
            [{ "id": "s1", "name": "Advice café", "organization": { "name": "Org" },
               "attributes": [
                 { "taxonomy_term": { "id": "Housing", "name": "Housing", "taxonomy": "livingwellhub-needs" } },
                 { "taxonomy_term": { "id": "mw-debt", "name": "Debt advice", "taxonomy": "marrowby-directory" } },
                 { "taxonomy_term": { "id": "mw-mh", "name": "Mental health support", "taxonomy": "marrowby-directory" } }
               ] }]
            """;

        var offer = OpenReferralImport.Read(json, Now, "The borough").Offers.ShouldHaveSingleItem();

        offer.HelpsWith.ShouldBe([DeterminantArea.MoneyDebtAndBenefits, DeterminantArea.Housing]);
        offer.Categories.Select(c => c.Name).ShouldBe(["Debt advice", "Mental health support"]);
    }

    [Fact]
    public void Should_take_only_the_listed_areas_when_the_file_says_so()
    {
        const string json = """
            [{ "id": "s1", "name": "Advice café", "organization": { "name": "Org" },
               "attributes": [
                 { "taxonomy_term": { "id": "mw-debt", "name": "Debt advice", "taxonomy": "marrowby-directory" } },
                 { "taxonomy_term": { "id": "Housing", "name": "Housing", "taxonomy": "livingwellhub-needs" } },
                 { "taxonomy_term": { "id": "helps-with-listed-only", "name": "Helps only with the listed life areas", "taxonomy": "livingwellhub-flags" } }
               ] }]
            """;

        OpenReferralImport.Read(json, Now, "The borough").Offers.ShouldHaveSingleItem().HelpsWith.ShouldBe([DeterminantArea.Housing]);
    }
}
