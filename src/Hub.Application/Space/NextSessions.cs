using Hub.Domain.CommunityOffers;

namespace Hub.Application.Space;

/// <summary>A group's next sessions from its weekly schedule, in UK time.</summary>
public static class NextSessions
{
    /// <summary>
    /// The next <paramref name="count"/> sessions starting after <paramref name="ukNow"/>: a session today
    /// counts while it has not started; the schedule repeats weekly.
    /// </summary>
    public static IReadOnlyList<(DateOnly Day, OfferSession Session)> After(IReadOnlyList<OfferSession> sessions, DateTime ukNow, int count = 2)
    {
        if (sessions.Count == 0 || count <= 0)
        {
            return [];
        }
        var today = DateOnly.FromDateTime(ukNow);
        var now = TimeOnly.FromDateTime(ukNow);
        var found = new List<(DateOnly, OfferSession)>();
        for (var offset = 0; offset <= 14 && found.Count < count; offset++)
        {
            var day = today.AddDays(offset);
            foreach (var session in sessions.Where(s => s.Day == day.DayOfWeek).OrderBy(s => s.Opens))
            {
                if ((offset > 0 || session.Opens > now) && found.Count < count)
                {
                    found.Add((day, session));
                }
            }
        }
        return found;
    }
}
