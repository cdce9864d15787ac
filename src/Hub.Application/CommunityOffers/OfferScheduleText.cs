using System.Globalization;
using Hub.Domain.CommunityOffers;

namespace Hub.Application.CommunityOffers;

/// <summary>When an offer runs, in words: "Tuesday 18:00 to 20:00; Saturday 10:00 to 12:00".</summary>
public static class OfferScheduleText
{
    public static string? Describe(CommunityOffer offer)
    {
        var sessions = string.Join("; ", offer.Sessions.Select(s =>
            $"{CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetDayName(s.Day)} {s.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)} to {s.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)}"));
        var parts = new[] { sessions, offer.ScheduleNote }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(". ", parts);
    }
}
