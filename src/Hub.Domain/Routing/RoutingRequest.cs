using Hub.Domain.Conversations;
using Hub.Domain.Directory;

namespace Hub.Domain.Routing;

/// <summary>
/// What the person asked for in who helps them: a peer worker, a language, a worker's gender, and
/// the days or evenings that suit them. Each one raises a suggestion; none of them excludes anyone.
/// </summary>
public sealed record RoutingPreferences(bool PeerWorker, string? Language, WorkerGender? Gender, IReadOnlySet<DayOfWeek> Days, bool Evenings)
{
    /// <summary>No preference at all.</summary>
    public static RoutingPreferences None { get; } = new(false, null, null, new HashSet<DayOfWeek>(), false);
}

/// <summary>
/// What routing suggests help from: the needs and goals from the conversation, where the person
/// lives, their preferences, and who led their care last time (for an easy way back in).
/// </summary>
public sealed record RoutingRequest(
    IReadOnlySet<DeterminantArea> Needs,
    IReadOnlyList<string> Goals,
    string? Neighbourhood,
    RoutingPreferences Preferences,
    Guid? PreviousLeadMemberId);
