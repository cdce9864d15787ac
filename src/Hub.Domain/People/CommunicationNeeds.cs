namespace Hub.Domain.People;

/// <summary>Anything that would make talking easier, in the person's own words where they gave them.</summary>
public sealed record CommunicationNeeds(string? PreferredLanguage, bool InterpreterNeeded, string? AccessNeeds)
{
    public static CommunicationNeeds None { get; } = new(null, false, null);

    public bool Any => InterpreterNeeded || !string.IsNullOrEmpty(PreferredLanguage) || !string.IsNullOrEmpty(AccessNeeds);
}
