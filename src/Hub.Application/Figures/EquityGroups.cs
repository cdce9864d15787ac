using Hub.Domain.People;

namespace Hub.Application.Figures;

/// <summary>The ways every figure is broken down to see whether some communities are served worse than others.</summary>
public enum EquityDimension
{
    Ethnicity = 1,
    AgeBand = 2,
    Gender = 3,
    Neighbourhood = 4,
}

/// <summary>What the person told us about themselves, as figures group them. Nothing here names anyone.</summary>
public sealed record PersonTraits(string? EthnicCategory, DateOnly? DateOfBirth, string? Gender, string? Neighbourhood);

/// <summary>
/// Which group of each dimension a person falls in. Ethnicity uses the five NHS Data Dictionary
/// groups; age is the person's age on the day the counted event happened, in the bands mental health
/// services report; a missing answer and "prefer not to say" are groups of their own, so the
/// figures always add up to the whole.
/// </summary>
public static class EquityGroups
{
    public const string NotKnown = "Not known";
    public const string NotSaid = "Prefer not to say";

    public static IReadOnlyList<EquityDimension> All { get; } = Enum.GetValues<EquityDimension>();

    public static IReadOnlyList<string> AgeBands { get; } = ["Under 18", "18 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 and over"];

    public static string Describe(this EquityDimension dimension) => dimension switch
    {
        EquityDimension.Ethnicity => "Ethnic group",
        EquityDimension.AgeBand => "Age",
        EquityDimension.Gender => "Gender",
        EquityDimension.Neighbourhood => "Neighbourhood",
        _ => dimension.ToString(),
    };

    public static string GroupOf(this PersonTraits person, EquityDimension dimension, DateOnly on) => dimension switch
    {
        EquityDimension.Ethnicity => Ethnicity(person.EthnicCategory),
        EquityDimension.AgeBand => AgeBand(person.DateOfBirth, on),
        EquityDimension.Gender => Gender(person.Gender),
        EquityDimension.Neighbourhood => string.IsNullOrWhiteSpace(person.Neighbourhood) ? NotKnown : person.Neighbourhood.Trim(),
        _ => NotKnown,
    };

    /// <summary>The groups a dimension shows in a fixed order, before any that only the data brings (neighbourhoods).</summary>
    public static IReadOnlyList<string> KnownGroups(EquityDimension dimension) => dimension switch
    {
        EquityDimension.Ethnicity => [.. EthnicCategories.All.Select(c => c.Group).Distinct(), NotSaid, NotKnown],
        EquityDimension.AgeBand => [.. AgeBands, NotKnown],
        EquityDimension.Gender => [.. EqualityOptions.Gender.Select(g => g.Label), NotKnown],
        _ => [],
    };

    private static string Ethnicity(string? code) => code switch
    {
        null or "" => NotKnown,
        EqualityMonitoring.PreferNotToSay => NotSaid,
        _ => EthnicCategories.All.FirstOrDefault(c => c.Code == code)?.Group ?? NotKnown,
    };

    private static string Gender(string? value) =>
        value is null ? NotKnown : EqualityOptions.Gender.FirstOrDefault(g => g.Value == value).Label ?? NotKnown;

    public static string AgeBand(DateOnly? dateOfBirth, DateOnly on)
    {
        if (dateOfBirth is not { } born || born > on)
        {
            return NotKnown;
        }
        var age = on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);
        return age switch
        {
            < 18 => AgeBands[0],
            < 25 => AgeBands[1],
            < 35 => AgeBands[2],
            < 45 => AgeBands[3],
            < 55 => AgeBands[4],
            < 65 => AgeBands[5],
            _ => AgeBands[6],
        };
    }
}
