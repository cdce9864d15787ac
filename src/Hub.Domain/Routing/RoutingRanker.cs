using Hub.Domain.Conversations;
using Hub.Domain.Directory;

namespace Hub.Domain.Routing;

/// <summary>
/// Suggests who and what could help, best first, each with plain reasons. Pure and deterministic:
/// the same request and candidates always give the same list. It only suggests; a practitioner or
/// team leader confirms who is allocated. Points are in <see cref="RoutingWeights"/>.
/// </summary>
public static class RoutingRanker
{
    // Monday first, as a UK week is read, so reasons list days in a fixed, familiar order.
    private static readonly DayOfWeek[] Week =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    private static readonly DeterminantArea[] AllAreas = Enum.GetValues<DeterminantArea>();

    /// <summary>
    /// Ranks available members. Members who are away are left out; a member at or over capacity is
    /// kept but follows everyone with room. Reasons always end with the caseload.
    /// </summary>
    public static IReadOnlyList<RankedSuggestion> RankMembers(RoutingRequest request, IEnumerable<MemberCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);

        var needs = NeedsOf(request);
        return Order(candidates.Where(c => c.Available).Select(c => ScoreMember(request, needs, c)));
    }

    /// <summary>Ranks community offers. None are left out; those matching nothing come last.</summary>
    public static IReadOnlyList<RankedSuggestion> RankOffers(RoutingRequest request, IEnumerable<OfferCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);

        var needs = NeedsOf(request);
        return Order(candidates.Select(c => ScoreOffer(request, needs, c)));
    }

    /// <summary>The needs named in the conversation together with those read from the goals.</summary>
    public static IReadOnlySet<DeterminantArea> NeedsOf(RoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var needs = new SortedSet<DeterminantArea>(request.Needs);
        foreach (var goal in request.Goals)
        {
            needs.UnionWith(GoalAreas.Infer(goal));
        }
        return needs;
    }

    private static RankedSuggestion ScoreMember(RoutingRequest request, IReadOnlySet<DeterminantArea> needs, MemberCandidate member)
    {
        var preferences = request.Preferences;
        var score = 0;
        var reasons = new List<string>();

        // Reasons are added in this fixed order: previous lead, language, needs, peer, gender,
        // neighbourhood, times, caseload.
        if (request.PreviousLeadMemberId is { } previous && previous == member.MemberId)
        {
            score += RoutingWeights.PreviousLead;
            reasons.Add("worked with them before");
        }

        if (Wanted(preferences.Language) is { } language)
        {
            if (FindIgnoringCase(member.Languages, language) is { } spoken)
            {
                score += RoutingWeights.Language;
                reasons.Add($"speaks {spoken}");
            }
            else
            {
                reasons.Add($"does not speak {language}");
            }
        }

        foreach (var area in AllAreas.Where(a => needs.Contains(a) && HelpsWith(member, a)))
        {
            score += RoutingWeights.NeedArea;
            reasons.Add(SpecialistArea(member.Group) == area ? LowerFirst(member.Group.Describe()) : $"helps with {LowerFirst(area.Describe())}");
        }

        if (preferences.PeerWorker && member.Group == ProfessionalGroup.PeerSupportWorker)
        {
            score += RoutingWeights.PeerWorker;
            reasons.Add("peer support worker, as asked");
        }

        if (preferences.Gender is { } gender && member.Gender == gender)
        {
            score += RoutingWeights.Gender;
            reasons.Add($"{GenderWords(gender)}, as asked");
        }

        if (Wanted(request.Neighbourhood) is { } neighbourhood && FindIgnoringCase(member.Neighbourhoods, neighbourhood) is { } served)
        {
            score += RoutingWeights.Neighbourhood;
            reasons.Add($"works in {served}");
        }

        var (timePoints, times) = Times(preferences, member.WorkingDays, member.WorksEvenings);
        if (times is not null)
        {
            score += timePoints;
            reasons.Add($"works {times}");
        }

        if (member.IsFull)
        {
            score -= RoutingWeights.CaseloadFullPenalty;
            reasons.Add($"caseload full ({member.Caseload} of {member.Capacity})");
        }
        else
        {
            // Integer arithmetic keeps it exact: 6 of 20 leaves 14/20 of the room, so 2 of 4 points.
            if (member.Capacity > 0)
            {
                score += RoutingWeights.SpareCapacityMax * (member.Capacity - Math.Max(member.Caseload, 0)) / member.Capacity;
            }
            reasons.Add($"{member.Caseload} of {member.Capacity} cases");
        }

        return new RankedSuggestion(member.MemberId, member.Name, score, reasons.AsReadOnly());
    }

    private static RankedSuggestion ScoreOffer(RoutingRequest request, IReadOnlySet<DeterminantArea> needs, OfferCandidate offer)
    {
        var preferences = request.Preferences;
        var score = 0;
        var reasons = new List<string>();

        // Fixed order: needs, neighbourhood, peer-led, language, times, free.
        foreach (var area in AllAreas.Where(a => needs.Contains(a) && offer.HelpsWith.Contains(a)))
        {
            score += RoutingWeights.NeedArea;
            reasons.Add($"helps with {LowerFirst(area.Describe())}");
        }

        if (Wanted(request.Neighbourhood) is { } neighbourhood && Wanted(offer.Neighbourhood) is { } place
            && string.Equals(place, neighbourhood, StringComparison.OrdinalIgnoreCase))
        {
            score += RoutingWeights.Neighbourhood;
            reasons.Add($"in {place}");
        }

        if (preferences.PeerWorker && offer.PeerLed)
        {
            score += RoutingWeights.PeerWorker;
            reasons.Add("peer-led");
        }

        // An offer not in the language asked for is simply not raised; unlike a worker, nobody has
        // to be told it does not fit.
        if (Wanted(preferences.Language) is { } language && FindIgnoringCase(offer.Languages, language) is { } spoken)
        {
            score += RoutingWeights.Language;
            reasons.Add($"in {spoken}");
        }

        var (timePoints, times) = Times(preferences, offer.Days, offer.Evenings);
        if (times is not null)
        {
            score += timePoints;
            reasons.Add($"runs {times}");
        }

        if (offer.Free)
        {
            score += RoutingWeights.Free;
            reasons.Add("free");
        }

        return new RankedSuggestion(offer.OfferId, offer.Name, score, reasons.AsReadOnly());
    }

    private static IReadOnlyList<RankedSuggestion> Order(IEnumerable<RankedSuggestion> suggestions) =>
        suggestions
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Id)
            .ToList()
            .AsReadOnly();

    /// <summary>Helps with an area if their profile says so, or if it is their specialism as an adviser.</summary>
    private static bool HelpsWith(MemberCandidate member, DeterminantArea area) =>
        member.HelpsWith.Contains(area) || SpecialistArea(member.Group) == area;

    private static DeterminantArea? SpecialistArea(ProfessionalGroup group) => group switch
    {
        ProfessionalGroup.MoneyAdviser => DeterminantArea.MoneyDebtAndBenefits,
        ProfessionalGroup.HousingAdviser => DeterminantArea.Housing,
        ProfessionalGroup.EmploymentAdviser => DeterminantArea.WorkStudyOrVolunteering,
        _ => null,
    };

    /// <summary>
    /// Points and words for the days and evenings that suit: "Tuesdays and evenings". Null when
    /// nothing asked for is met.
    /// </summary>
    private static (int Points, string? Words) Times(RoutingPreferences preferences, IReadOnlySet<DayOfWeek> days, bool evenings)
    {
        var points = 0;
        var parts = Week.Where(d => preferences.Days.Contains(d) && days.Contains(d)).Select(d => $"{d}s").ToList();
        if (parts.Count > 0)
        {
            points += RoutingWeights.PreferredDay;
        }
        if (preferences.Evenings && evenings)
        {
            points += RoutingWeights.Evenings;
            parts.Add("evenings");
        }
        return parts.Count == 0 ? (0, null) : (points, JoinWithAnd(parts));
    }

    private static string JoinWithAnd(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}";

    private static string GenderWords(WorkerGender gender) => gender switch
    {
        WorkerGender.Woman => "a woman",
        WorkerGender.Man => "a man",
        WorkerGender.NonBinary => "non-binary",
        _ => LowerFirst(gender.Describe()),
    };

    private static string? Wanted(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The candidate's own spelling of a value, compared ignoring case and spaces around it.</summary>
    private static string? FindIgnoringCase(IEnumerable<string> values, string wanted) =>
        values.Select(v => v.Trim()).FirstOrDefault(v => string.Equals(v, wanted, StringComparison.OrdinalIgnoreCase));

    private static string LowerFirst(string text) =>
        text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
