using Hub.Domain.Conversations;
using Hub.Domain.Directory;

namespace Hub.Domain.Routing;

/// <summary>A member of a care team as routing sees them, with their live caseload.</summary>
public sealed record MemberCandidate(
    Guid MemberId,
    string Name,
    string TeamName,
    Sector Sector,
    ProfessionalGroup Group,
    IReadOnlySet<DeterminantArea> HelpsWith,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Neighbourhoods,
    WorkerGender? Gender,
    IReadOnlySet<DayOfWeek> WorkingDays,
    bool WorksEvenings,
    int Caseload,
    int Capacity,
    bool Available)
{
    /// <summary>At or over capacity: still suggested, but after everyone with room.</summary>
    public bool IsFull => Caseload >= Capacity;
}

/// <summary>An active community offer as routing sees it.</summary>
public sealed record OfferCandidate(
    Guid OfferId,
    string Name,
    IReadOnlySet<DeterminantArea> HelpsWith,
    string? Neighbourhood,
    bool PeerLed,
    bool Free,
    IReadOnlyList<string> Languages,
    IReadOnlySet<DayOfWeek> Days,
    bool Evenings);

/// <summary>
/// One suggestion, best first, with the plain reasons for it. The score only orders suggestions;
/// it is never shown as a judgement of the person or the worker.
/// </summary>
public sealed record RankedSuggestion(Guid Id, string Name, int Score, IReadOnlyList<string> Reasons)
{
    /// <summary>The reasons as one line, for example "speaks Portuguese; money adviser; 6 of 20 cases".</summary>
    public string Reason => string.Join("; ", Reasons);
}
