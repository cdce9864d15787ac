namespace Hub.Domain.People;

/// <summary>The NHS Data Dictionary ethnic category codes (2001 census based), grouped as people see them.</summary>
public static class EthnicCategories
{
    public sealed record Category(string Code, string Group, string Label);

    public static IReadOnlyList<Category> All { get; } =
    [
        new("A", "White", "British"),
        new("B", "White", "Irish"),
        new("C", "White", "Any other White background"),
        new("D", "Mixed", "White and Black Caribbean"),
        new("E", "Mixed", "White and Black African"),
        new("F", "Mixed", "White and Asian"),
        new("G", "Mixed", "Any other mixed background"),
        new("H", "Asian or Asian British", "Indian"),
        new("J", "Asian or Asian British", "Pakistani"),
        new("K", "Asian or Asian British", "Bangladeshi"),
        new("L", "Asian or Asian British", "Any other Asian background"),
        new("M", "Black or Black British", "Caribbean"),
        new("N", "Black or Black British", "African"),
        new("P", "Black or Black British", "Any other Black background"),
        new("R", "Other ethnic groups", "Chinese"),
        new("S", "Other ethnic groups", "Any other ethnic group"),
    ];

    public static bool IsKnown(string code) => All.Any(c => c.Code == code);

    public static string Describe(string? code) => code switch
    {
        null => "Not given",
        EqualityMonitoring.PreferNotToSay => "Prefer not to say",
        _ => All.FirstOrDefault(c => c.Code == code) is { } c ? $"{c.Group}: {c.Label}" : "Not given",
    };
}
