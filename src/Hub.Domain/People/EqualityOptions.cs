namespace Hub.Domain.People;

/// <summary>The answers offered for the optional equality questions, as value and label.</summary>
public static class EqualityOptions
{
    public static IReadOnlyList<(string Value, string Label)> Gender { get; } =
    [
        ("woman", "Woman"), ("man", "Man"), ("non-binary", "Non-binary"),
        ("other", "I describe myself another way"), (EqualityMonitoring.PreferNotToSay, "Prefer not to say"),
    ];

    public static IReadOnlyList<(string Value, string Label)> SexualOrientation { get; } =
    [
        ("heterosexual", "Heterosexual or straight"), ("gay-or-lesbian", "Gay or lesbian"), ("bisexual", "Bisexual"),
        ("other", "Another sexual orientation"), (EqualityMonitoring.PreferNotToSay, "Prefer not to say"),
    ];

    public static IReadOnlyList<(string Value, string Label)> Disability { get; } =
    [
        ("yes", "Yes"), ("no", "No"), (EqualityMonitoring.PreferNotToSay, "Prefer not to say"),
    ];

    public static bool IsOffered(IReadOnlyList<(string Value, string Label)> options, string value) =>
        options.Any(o => o.Value == value);

    public static string Describe(IReadOnlyList<(string Value, string Label)> options, string? value) =>
        value is null ? "Not given" : options.FirstOrDefault(o => o.Value == value).Label ?? "Not given";
}
