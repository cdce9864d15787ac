namespace Hub.Domain.People;

/// <summary>
/// Optional equality information. Every value may be absent (not asked or not answered) or
/// <see cref="PreferNotToSay"/>. Ethnicity uses the NHS Data Dictionary ethnic category codes.
/// </summary>
public sealed record EqualityMonitoring(string? EthnicCategory, string? Gender, string? SexualOrientation, string? Disability)
{
    public const string PreferNotToSay = "prefer-not-to-say";

    public static EqualityMonitoring NotGiven { get; } = new(null, null, null, null);
}
