using Hub.Domain.Conversations;
using Hub.Domain.Directory;
using Hub.Domain.Routing;

namespace Hub.UnitTests.Routing;

/// <summary>Builders for routing tests: a plain candidate unless the test says otherwise.</summary>
internal static class RoutingExamples
{
    public static RoutingRequest Request(
        IEnumerable<DeterminantArea>? needs = null,
        IEnumerable<string>? goals = null,
        string? neighbourhood = null,
        RoutingPreferences? preferences = null,
        Guid? previousLead = null) =>
        new(
            new HashSet<DeterminantArea>(needs ?? []),
            (goals ?? []).ToList(),
            neighbourhood,
            preferences ?? RoutingPreferences.None,
            previousLead);

    public static RoutingPreferences Prefer(
        bool peerWorker = false,
        string? language = null,
        WorkerGender? gender = null,
        IEnumerable<DayOfWeek>? days = null,
        bool evenings = false) =>
        new(peerWorker, language, gender, new HashSet<DayOfWeek>(days ?? []), evenings);

    public static MemberCandidate Member(
        string name,
        ProfessionalGroup group = ProfessionalGroup.MentalHealthPractitioner,
        IEnumerable<DeterminantArea>? helpsWith = null,
        IEnumerable<string>? languages = null,
        IEnumerable<string>? neighbourhoods = null,
        WorkerGender? gender = null,
        IEnumerable<DayOfWeek>? workingDays = null,
        bool worksEvenings = false,
        int caseload = 10,
        int capacity = 20,
        bool available = true,
        Guid? id = null) =>
        new(
            id ?? IdFor(name),
            name,
            "Front door team",
            Sector.Voluntary,
            group,
            new HashSet<DeterminantArea>(helpsWith ?? []),
            [],
            (languages ?? []).ToList(),
            (neighbourhoods ?? []).ToList(),
            gender,
            new HashSet<DayOfWeek>(workingDays ?? []),
            worksEvenings,
            caseload,
            capacity,
            available);

    public static OfferCandidate Offer(
        string name,
        IEnumerable<DeterminantArea>? helpsWith = null,
        string? neighbourhood = null,
        bool peerLed = false,
        bool free = false,
        IEnumerable<string>? languages = null,
        IEnumerable<DayOfWeek>? days = null,
        bool evenings = false,
        Guid? id = null) =>
        new(
            id ?? IdFor(name),
            name,
            new HashSet<DeterminantArea>(helpsWith ?? []),
            neighbourhood,
            peerLed,
            free,
            (languages ?? []).ToList(),
            new HashSet<DayOfWeek>(days ?? []),
            evenings);

    /// <summary>A stable id per name, so tests never depend on random ids.</summary>
    public static Guid IdFor(string name)
    {
        var bytes = new byte[16];
        var text = System.Text.Encoding.UTF8.GetBytes(name);
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i % 16] ^= text[i];
        }
        return new Guid(bytes);
    }

    public static IReadOnlyList<string> Names(this IEnumerable<RankedSuggestion> suggestions) =>
        suggestions.Select(s => s.Name).ToList();
}
