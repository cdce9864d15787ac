namespace Hub.Application.Connect;

/// <summary>
/// The hub's own area (borough), from <c>Hub:Area</c>: where the public directory opens, and the
/// area every offer that arrives without one is placed in (an imported service with no service
/// area, an offer staff add by hand). Every offer has an area (docs/decisions/043).
/// </summary>
public sealed record HomeArea(string Name)
{
    /// <summary>The area of a hub that has not named its own.</summary>
    public const string Default = "The borough";
}
