using System.Text.RegularExpressions;
using Hub.Domain.CommunityOffers;
using Hub.Domain.Conversations;

namespace Hub.Application.CommunityOffers.OpenReferral;

/// <summary>
/// Which life areas an offer helps with, read from its taxonomy terms: terms in our own
/// <see cref="OpenReferralVocabularies.Needs"/> vocabulary map exactly, terms from any other
/// vocabulary by keywords in their names. Pages can use it to suggest areas for a new offer.
/// </summary>
public static partial class HelpsWithMapping
{
    // Word starts, so "benefit" finds "Benefits advice" and "drug" finds "Drugs", but "legal" does
    // not find "illegal".
    private static readonly (DeterminantArea Area, string[] Keywords)[] KeywordsByArea =
    [
        (DeterminantArea.MoneyDebtAndBenefits, ["debt", "benefit", "money", "financial"]),
        (DeterminantArea.Housing, ["housing", "homeless", "tenancy"]),
        (DeterminantArea.WorkStudyOrVolunteering, ["employment", "unemployment", "volunteer", "training", "job", "careers"]),
        (DeterminantArea.CaringResponsibilities, ["carer", "caring"]),
        (DeterminantArea.PhysicalHealth, ["physical activity", "exercise", "health", "sport", "fitness"]),
        (DeterminantArea.Loneliness, ["social", "befriending", "loneliness", "lonely", "isolation"]),
        (DeterminantArea.Safety, ["domestic abuse", "domestic violence", "safety"]),
        (DeterminantArea.AlcoholAndDrugs, ["alcohol", "drug", "substance"]),
        (DeterminantArea.Discrimination, ["discrimination", "hate crime"]),
        (DeterminantArea.ImmigrationOrLegalWorries, ["immigration", "asylum", "refugee", "legal"]),
    ];

    // Phrases that contain a keyword but mean something else: in a mental health hub "health" must
    // not turn every mental health service into a physical health one.
    private static readonly string[] MisleadingPhrases =
        ["mental health", "social care", "social work", "social security", "social housing"];

    /// <summary>All the areas the categories point to, in the order of the enum.</summary>
    public static IReadOnlyList<DeterminantArea> FromCategories(IEnumerable<OfferCategory> categories)
    {
        var areas = new HashSet<DeterminantArea>();
        foreach (var category in categories)
        {
            if (string.Equals(category.Vocabulary, OpenReferralVocabularies.Needs, StringComparison.OrdinalIgnoreCase))
            {
                if (FromOwnTerm(category.Id, category.Name) is { } own)
                {
                    areas.Add(own);
                }
            }
            else if (!OpenReferralVocabularies.IsReserved(category.Vocabulary))
            {
                areas.UnionWith(FromKeywords(category.Name));
            }
        }
        return areas.Order().ToList();
    }

    /// <summary>The area a term of our own vocabulary names, by its id (enum name) or its name; null if neither.</summary>
    public static DeterminantArea? FromOwnTerm(string? id, string? name)
    {
        foreach (var area in Enum.GetValues<DeterminantArea>())
        {
            if (string.Equals(id?.Trim(), area.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(name?.Trim(), area.Describe(), StringComparison.OrdinalIgnoreCase))
            {
                return area;
            }
        }
        return null;
    }

    /// <summary>The areas whose keywords appear in a term name from someone else's vocabulary.</summary>
    public static IReadOnlyList<DeterminantArea> FromKeywords(string? termName)
    {
        if (string.IsNullOrWhiteSpace(termName))
        {
            return [];
        }

        var text = Spaces().Replace(termName.ToLowerInvariant(), " ");
        foreach (var phrase in MisleadingPhrases)
        {
            text = text.Replace(phrase, " ", StringComparison.Ordinal);
        }

        return KeywordsByArea
            .Where(entry => entry.Keywords.Any(keyword => StartsAWord(text, keyword)))
            .Select(entry => entry.Area)
            .ToList();
    }

    private static bool StartsAWord(string text, string keyword)
    {
        for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
