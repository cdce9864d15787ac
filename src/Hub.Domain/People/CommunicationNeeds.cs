namespace Hub.Domain.People;

/// <summary>
/// Anything that would make talking easier, in the person's own words where they gave them.
/// A question the person did not answer stays null ("not given"): no language is assumed and no
/// interpreter answer is made up.
/// </summary>
public sealed record CommunicationNeeds(string? PreferredLanguage, bool? InterpreterNeeded, string? AccessNeeds)
{
    public static CommunicationNeeds None { get; } = new(null, null, null);

    public bool Any => InterpreterNeeded == true || !string.IsNullOrEmpty(PreferredLanguage) || !string.IsNullOrEmpty(AccessNeeds);
}
