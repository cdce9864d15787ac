using Hub.Domain.CommunityOffers;

namespace Hub.Application.Connect;

/// <summary>
/// What a person browsing the public Connect and Do directory asks for. Every part narrows the list;
/// the area is always set (the public site is always scoped to one borough), and the hub's own area
/// also holds offers recorded before areas existed.
/// </summary>
public sealed record DirectoryFilter(string Area, bool IsHomeArea)
{
    public const int TextMaxLength = 100;

    public string? Text { get; init; }
    public OfferInterest? Interest { get; init; }
    public string? Neighbourhood { get; init; }
    public DayOfWeek? Day { get; init; }
    public PartOfDay? PartOfDay { get; init; }
    public bool FreeOnly { get; init; }
    public bool PeerLedOnly { get; init; }
    public OfferAccess Access { get; init; }

    /// <summary>The same filter for another day (the week view walks the days of one search).</summary>
    public DirectoryFilter On(DayOfWeek day) => this with { Day = day };
}
