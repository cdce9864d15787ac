using Hub.Domain.CommunityOffers;

namespace Hub.Application.Connect;

/// <summary>
/// What a person browsing the public Connect and Do directory asks for. Every part narrows the list;
/// the area is always set (the public site is always scoped to one borough, and every offer has one:
/// docs/decisions/043).
/// </summary>
public sealed record DirectoryFilter(string Area)
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

    /// <summary>Only groups where someone can come along the first time (the Open Referral UK API's filter).</summary>
    public bool BringSomeoneOnly { get; init; }

    /// <summary>Every area at once, for readers of the whole directory (the Open Referral UK API); <see cref="Area"/> is then ignored.</summary>
    public bool AllAreas { get; init; }

    /// <summary>Only groups changed on or after this time (the Open Referral UK API's modified_after).</summary>
    public DateTimeOffset? ChangedSince { get; init; }

    /// <summary>The same filter for another day (the week view walks the days of one search).</summary>
    public DirectoryFilter On(DayOfWeek day) => this with { Day = day };
}
