using Hub.Application.Common;
using Hub.Domain.CommunityOffers;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace Hub.Application.Connect.Calendar;

/// <summary>What a calendar entry needs from a group.</summary>
public sealed record CalendarGroup(Guid Id, string Name, string? Description, string? HowToJoin, string? LocationName, string? Address, string? Postcode, IReadOnlyList<OfferSession> Sessions);

/// <summary>
/// Writes groups' regular sessions as an iCalendar file (RFC 5545) a phone can subscribe to: one
/// weekly repeating event per session, in UK time (Europe/London, so the clocks changing moves
/// nothing), starting from the next time it meets.
/// </summary>
public static class GroupCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string Zone = "Europe/London";

    public static string Write(string calendarName, IEnumerable<CalendarGroup> groups, DateOnly today, HubAddress site)
    {
        var calendar = new IcalCalendar { ProductId = "-//Living Well Hub//Connect and Do//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddTimeZone(Zone);
        foreach (var group in groups)
        {
            var page = new Uri(site.Link($"/connect/groups/{group.Id}"));
            var where = string.Join(", ", new[] { group.LocationName, group.Address, group.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
            var about = string.Join("\n\n", new[] { group.Description, group.HowToJoin is null ? null : "How to join: " + group.HowToJoin, page.ToString() }.Where(p => p is not null));
            foreach (var session in group.Sessions)
            {
                var first = NextOn(today, session.Day);
                var item = new CalendarEvent
                {
                    Uid = $"{group.Id:N}-{(int)session.Day}-{session.Opens:HHmm}@connect.livingwell",
                    Summary = group.Name,
                    Description = about,
                    Location = where.Length == 0 ? null : where,
                    Url = page,
                    DtStart = new CalDateTime(first.ToDateTime(session.Opens), Zone),
                    DtEnd = new CalDateTime(first.ToDateTime(session.Closes), Zone),
                    DtStamp = new CalDateTime(UkTime.FromLocal(today.ToDateTime(TimeOnly.MinValue)).UtcDateTime, "UTC"),
                };
                item.RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly) { ByDay = [new WeekDay(session.Day)] };
                calendar.Events.Add(item);
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>The first date on or after today that falls on the day.</summary>
    public static DateOnly NextOn(DateOnly today, DayOfWeek day) => today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);
}
