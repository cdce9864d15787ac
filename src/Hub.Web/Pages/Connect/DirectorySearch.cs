using Hub.Application.Connect;
using Hub.Domain.CommunityOffers;
using Microsoft.AspNetCore.Http;

namespace Hub.Web.Pages.Connect;

/// <summary>
/// The public directory's search as it travels in the address (so every result, page and calendar
/// link can be bookmarked and works without JavaScript). Anything that is not one of the choices is
/// ignored rather than refused: it can only have come from an edited address.
/// </summary>
public sealed class DirectorySearch
{
    public string? Area { get; set; }
    public string? Q { get; set; }
    public string? Interest { get; set; }
    public string? Neighbourhood { get; set; }
    public string? Day { get; set; }
    public string? Time { get; set; }
    public List<string> Only { get; set; } = [];
    public List<string> Access { get; set; } = [];

    public const string FreeOnly = "free";
    public const string PeerLedOnly = "peer-led";

    public DirectoryFilter ToFilter(string homeArea)
    {
        var area = Clean(Area, Hub.Domain.CommunityOffers.CommunityOffer.AreaMaxLength) ?? homeArea;
        return new DirectoryFilter(area)
        {
            Text = Clean(Q, DirectoryFilter.TextMaxLength),
            Interest = Parse<OfferInterest>(Interest) is { } i && ConnectWords.All<OfferInterest>().Contains(i) ? i : null,
            Neighbourhood = Clean(Neighbourhood, Hub.Domain.CommunityOffers.CommunityOffer.NameMaxLength),
            Day = Parse<DayOfWeek>(Day),
            PartOfDay = Parse<PartOfDay>(Time),
            FreeOnly = Only.Contains(FreeOnly, StringComparer.Ordinal),
            PeerLedOnly = Only.Contains(PeerLedOnly, StringComparer.Ordinal),
            Access = Access.Select(Parse<OfferAccess>).OfType<OfferAccess>().Where(a => ConnectWords.All<OfferAccess>().Contains(a)).Aggregate(OfferAccess.None, (x, y) => x | y),
        };
    }

    /// <summary>The search as a query string, for links to other pages of it, the week view and the calendar.</summary>
    public static QueryString QueryOf(DirectoryFilter filter, params (string Key, string? Value)[] extra)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("area", filter.Area) };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(new(key, value));
            }
        }
        Add("q", filter.Text);
        Add("interest", filter.Interest?.ToString());
        Add("neighbourhood", filter.Neighbourhood);
        Add("day", filter.Day?.ToString());
        Add("time", filter.PartOfDay?.ToString());
        Add("only", filter.FreeOnly ? FreeOnly : null);
        Add("only", filter.PeerLedOnly ? PeerLedOnly : null);
        foreach (var access in ConnectWords.Each(filter.Access))
        {
            Add("access", access.ToString());
        }
        foreach (var (key, value) in extra)
        {
            Add(key, value);
        }
        return QueryString.Create(pairs);
    }

    private static string? Clean(string? value, int max)
    {
        var clean = Hub.Domain.Common.TextRules.Clean(value);
        return clean is null || clean.Length > max || Hub.Domain.Common.TextRules.HasForbiddenCharacters(clean, allowLineBreaks: false) ? null : clean;
    }

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        value is { Length: > 0 and < 40 } && char.IsLetter(value[0]) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
