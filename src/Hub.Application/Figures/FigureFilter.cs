using Hub.Domain.Common;
using Hub.Domain.Directory;

namespace Hub.Application.Figures;

/// <summary>
/// What a dashboard or report counts: a period of whole UK days (both ends included) and, optionally,
/// one team, one sector or one neighbourhood. A team or sector scope counts the spells whose care
/// team, now or before, included one of its members; a neighbourhood scope counts people living there.
/// </summary>
public sealed record FigureFilter(DateOnly From, DateOnly To, Guid? TeamId = null, Sector? Sector = null, string? Neighbourhood = null)
{
    /// <summary>The longest period one request may count: two years, so a figure never loads a hub's whole history.</summary>
    public const int LongestPeriodDays = 731;

    /// <summary>The period as instants: from the start of <see cref="From"/> to the start of the day after <see cref="To"/>.</summary>
    public DateTimeOffset Start => UkCalendar.StartOfDay(From);

    public DateTimeOffset End => UkCalendar.StartOfDay(To.AddDays(1));

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool IsScoped => TeamId is not null || Sector is not null || !string.IsNullOrWhiteSpace(Neighbourhood);

    /// <summary>The default period: the last four complete weeks up to and including today.</summary>
    public static FigureFilter LastFourWeeks(DateOnly today) => new(today.AddDays(-27), today);
}
