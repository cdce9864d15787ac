using Hub.Domain.CommunityOffers;

namespace Hub.Application.Connect;

/// <summary>The directory's terms in plain English, as the public pages and the calendar feed say them.</summary>
public static class ConnectWords
{
    public static string Describe(this OfferInterest interest) => interest switch
    {
        OfferInterest.SportAndFitness => "Sport and fitness",
        OfferInterest.ArtsAndCrafts => "Arts and crafts",
        OfferInterest.Music => "Music and singing",
        OfferInterest.NatureAndGardening => "Nature, walking and gardening",
        OfferInterest.LearningAndLanguages => "Learning and languages",
        OfferInterest.FaithAndSpiritual => "Faith and spiritual groups",
        OfferInterest.FoodAndCooking => "Food and cooking",
        OfferInterest.SocialAndFriendship => "Meeting people",
        OfferInterest.SupportAndWellbeing => "Support and wellbeing",
        _ => interest.ToString(),
    };

    public static string Describe(this OfferAccess access) => access switch
    {
        OfferAccess.StepFree => "Step-free access",
        OfferAccess.Quiet => "Quiet and calm",
        OfferAccess.BritishSignLanguage => "British Sign Language (BSL)",
        OfferAccess.WomenOnly => "Women only",
        OfferAccess.MenOnly => "Men only",
        OfferAccess.HearingLoop => "Hearing loop",
        OfferAccess.AccessibleToilet => "Accessible toilet",
        _ => access.ToString(),
    };

    public static string Describe(this PartOfDay part) => part switch
    {
        PartOfDay.Morning => "Morning (before 12 noon)",
        PartOfDay.Afternoon => "Afternoon (12 noon to 5pm)",
        PartOfDay.Evening => "Evening (from 5pm)",
        _ => part.ToString(),
    };

    /// <summary>Every single flag of a flags enum, in declaration order, without None.</summary>
    public static IReadOnlyList<T> Each<T>(T flags) where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && flags.HasFlag(f)).ToList();

    public static IReadOnlyList<T> All<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture) != 0).ToList();
}

/// <summary>Times and schedules as the NHS.UK content guide writes them: "6pm to 8pm", "10:30am", "12 noon".</summary>
public static class ConnectTimes
{
    public static string Time(TimeOnly time) => time switch
    {
        { Hour: 12, Minute: 0 } => "12 noon",
        { Hour: 0, Minute: 0 } => "12 midnight",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(time.Hour % 12 == 0 ? 12 : time.Hour % 12)}{(time.Minute == 0 ? "" : $":{time.Minute:00}")}{(time.Hour < 12 ? "am" : "pm")}"),
    };

    public static string Session(OfferSession session, bool withDay = true) =>
        (withDay ? System.Globalization.CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetDayName(session.Day) + "s, " : "")
        + $"{Time(session.Opens)} to {Time(session.Closes)}";

    /// <summary>"Tuesdays, 6pm to 8pm; Saturdays, 10am to 12 noon", then anything the sessions cannot say.</summary>
    public static string? Schedule(IReadOnlyList<OfferSession> sessions, string? note)
    {
        var parts = new List<string>();
        if (sessions.Count > 0)
        {
            parts.Add(string.Join("; ", sessions.Select(s => Session(s))));
        }
        if (!string.IsNullOrWhiteSpace(note))
        {
            parts.Add(note);
        }
        return parts.Count == 0 ? null : string.Join(". ", parts);
    }
}
