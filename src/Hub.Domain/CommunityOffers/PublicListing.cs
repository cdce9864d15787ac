namespace Hub.Domain.CommunityOffers;

/// <summary>What an offer is about, as people browsing the public directory look for it. Several may apply.</summary>
[Flags]
public enum OfferInterest
{
    None = 0,
    SportAndFitness = 1,
    ArtsAndCrafts = 2,
    Music = 4,
    NatureAndGardening = 8,
    LearningAndLanguages = 16,
    FaithAndSpiritual = 32,
    FoodAndCooking = 64,
    SocialAndFriendship = 128,
    SupportAndWellbeing = 256,
}

/// <summary>What makes an offer easier to go to. Several may apply; a filter asks for all it names.</summary>
[Flags]
public enum OfferAccess
{
    None = 0,
    StepFree = 1,
    Quiet = 2,
    BritishSignLanguage = 4,
    WomenOnly = 8,
    MenOnly = 16,
    HearingLoop = 32,
    AccessibleToilet = 64,
}

/// <summary>The part of the day a session falls in, as people ask for it ("a Tuesday evening").</summary>
public enum PartOfDay
{
    Morning = 0,
    Afternoon = 1,
    Evening = 2,
}

/// <summary>
/// The week as 21 slots (seven days, each morning, afternoon and evening) packed into one number,
/// so "a Tuesday evening" is one bit test in SQL on every provider rather than a read of each
/// offer's schedule.
/// </summary>
public static class OfferWeek
{
    public static int Bit(DayOfWeek day, PartOfDay part) => 1 << ((int)day * 3 + (int)part);

    /// <summary>Every slot of a day, or every day's slot of a part of the day; both: that one slot; neither: none (no filter).</summary>
    public static int Mask(DayOfWeek? day, PartOfDay? part)
    {
        var days = day is { } d ? [d] : Enum.GetValues<DayOfWeek>();
        var parts = part is { } p ? [p] : Enum.GetValues<PartOfDay>();
        return day is null && part is null ? 0 : days.SelectMany(x => parts.Select(y => Bit(x, y))).Aggregate(0, (a, b) => a | b);
    }

    /// <summary>The parts of the day a session touches: mornings start before noon, afternoons overlap noon to five, evenings as <see cref="OfferSession.IsEvening"/>.</summary>
    public static IEnumerable<PartOfDay> PartsOf(OfferSession session)
    {
        if (session.Opens < new TimeOnly(12, 0))
        {
            yield return PartOfDay.Morning;
        }
        if (session.Opens < new TimeOnly(17, 0) && session.Closes > new TimeOnly(12, 0))
        {
            yield return PartOfDay.Afternoon;
        }
        if (session.IsEvening)
        {
            yield return PartOfDay.Evening;
        }
    }

    public static int Of(IEnumerable<OfferSession> sessions) =>
        sessions.SelectMany(s => PartsOf(s).Select(p => Bit(s.Day, p))).Aggregate(0, (a, b) => a | b);
}
