using Hub.Domain.Common;

namespace Hub.Domain.CommunityOffers;

/// <summary>What an organiser says about their group, as they typed it: the listing it becomes once published.</summary>
public sealed record ProposedGroup(
    string Name,
    string RunBy,
    string WhatHappens,
    string? WhoFor,
    DayOfWeek Day,
    TimeOnly Opens,
    TimeOnly Closes,
    string? ScheduleNote,
    string Area,
    string? Neighbourhood,
    string Place,
    string? Postcode,
    bool IsFree,
    string? CostNote,
    string HowToJoin,
    bool BringSomeoneFirstTime,
    OfferInterest Interests,
    OfferAccess Access,
    bool PeerLed,
    string? PublicPhone,
    string? PublicEmail,
    string? Website)
{
    /// <summary>Writes these details onto a listing: a new group, or the organiser's changes to their own.</summary>
    public void WriteTo(CommunityOffer offer, DateTimeOffset at)
    {
        offer.Describe(Name, WhatHappens, RunBy, offer.Categories, offer.HelpsWith, PeerLed, offer.Languages);
        offer.Locate(Neighbourhood, Place, null, Postcode);
        offer.Schedule([new OfferSession(Day, Opens, Closes)], ScheduleNote);
        offer.SetCost(IsFree, IsFree ? null : CostNote);
        offer.SetContact(PublicPhone, PublicEmail, Website);
        offer.DescribeForPublic(WhoFor, HowToJoin, BringSomeoneFirstTime, Interests, Access);
        offer.PlaceInArea(Area);
        offer.Touch(at);
    }

    /// <summary>A published listing as the organiser's change form starts from (its first session is the one they can change).</summary>
    public static ProposedGroup From(CommunityOffer offer)
    {
        var first = offer.Sessions.FirstOrDefault() ?? new OfferSession(DayOfWeek.Monday, new TimeOnly(10, 0), new TimeOnly(11, 0));
        return new ProposedGroup(offer.Name, offer.OrganisationName, offer.Description ?? string.Empty, offer.WhoFor, first.Day, first.Opens, first.Closes,
            offer.ScheduleNote, offer.Area, offer.Neighbourhood, offer.LocationName ?? string.Empty, offer.Postcode, offer.IsFree, offer.CostNote,
            offer.HowToJoin ?? string.Empty, offer.BringSomeoneFirstTime, offer.Interests, offer.Access, offer.PeerLed, offer.Phone, offer.Email, offer.Url);
    }
}

public enum ProposalStatus
{
    /// <summary>In the moderation queue.</summary>
    Waiting = 1,
    /// <summary>A connector asked the organiser to change something; it waits for them.</summary>
    ChangesAsked = 2,
    Published = 3,
    Declined = 4,
}

/// <summary>
/// A group someone wants listed, or an organiser's change to their listing, waiting for a community
/// connector or administrator to publish it, ask for changes or decline it with a reason. Nothing an
/// organiser sends reaches the public directory without a decision (docs/decisions/033).
/// </summary>
public sealed class GroupProposal : Entity
{
    public const int NoteMaxLength = 1000;

    private GroupProposal()
    {
        Details = null!;
        OrganiserEmail = string.Empty;
    }

    private GroupProposal(Guid? offerId, ProposedGroup details, string organiserEmail, Guid formToken, DateTimeOffset at)
    {
        OfferId = offerId;
        Details = details;
        OrganiserEmail = organiserEmail.Trim();
        FormToken = formToken;
        SubmittedAt = at;
        Status = ProposalStatus.Waiting;
    }

    /// <summary>Someone proposes a new group. The form token makes a double submit one proposal.</summary>
    public static GroupProposal Propose(ProposedGroup details, string organiserEmail, Guid formToken, DateTimeOffset at) =>
        new(null, details, organiserEmail, formToken, at);

    /// <summary>The organiser of a listing sends a change to it (from their link).</summary>
    public static GroupProposal ProposeChange(Guid offerId, ProposedGroup details, string organiserEmail, Guid formToken, DateTimeOffset at) =>
        new(offerId, details, organiserEmail, formToken, at);

    /// <summary>The listing this changes; none: a new group.</summary>
    public Guid? OfferId { get; private set; }
    public ProposedGroup Details { get; private set; }

    /// <summary>Where the organiser's link and the decision go. Never shown in public.</summary>
    public string OrganiserEmail { get; private set; }
    public Guid FormToken { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public ProposalStatus Status { get; private set; }

    /// <summary>What the connector asked to change, or why they declined, in words for the organiser.</summary>
    public string? Note { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Moves on with each decision, so two connectors deciding at once cannot both win.</summary>
    public int Version { get; private set; }

    public bool IsOpen => Status is ProposalStatus.Waiting;

    /// <summary>Publishes a new group as a listing (returned, to be added), or the change onto <paramref name="listing"/>.</summary>
    public CommunityOffer Publish(CommunityOffer? listing, Guid by, DateTimeOffset at)
    {
        RequireOpen();
        if ((listing is null) != (OfferId is null) || (listing is not null && listing.Id != OfferId))
        {
            throw new DomainRuleException("A change is published onto its own listing, and a new group onto none.");
        }
        var offer = listing ?? new CommunityOffer(Details.Name, Details.RunBy, at, Details.Area);
        Details.WriteTo(offer, at);
        offer.SetActive(true);
        OfferId = offer.Id;
        Decide(ProposalStatus.Published, null, by, at);
        return offer;
    }

    public void AskForChanges(string note, Guid by, DateTimeOffset at)
    {
        RequireOpen();
        Decide(ProposalStatus.ChangesAsked, RequireNote(note, "Say what the organiser needs to change."), by, at);
    }

    public void Decline(string reason, Guid by, DateTimeOffset at)
    {
        RequireOpen();
        Decide(ProposalStatus.Declined, RequireNote(reason, "Give the reason for declining."), by, at);
    }

    private void Decide(ProposalStatus status, string? note, Guid by, DateTimeOffset at)
    {
        Status = status;
        Note = note;
        DecidedByUserId = by;
        DecidedAt = at;
        Version++;
    }

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("This proposal has already been decided.");
        }
    }

    private static string RequireNote(string? note, string message) =>
        TextRules.Clean(note) is { } clean ? clean : throw new DomainRuleException(message);
}

/// <summary>
/// An organiser's one-time link to change their listing without an account, built like the plan
/// link (<see cref="OneTimeToken"/>: only the hash is stored; it works once and expires). Sent when a
/// listing is published and after each published change.
/// </summary>
public sealed class ListingLink : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private ListingLink()
    {
        TokenHash = OrganiserEmail = string.Empty;
    }

    private ListingLink(Guid offerId, string organiserEmail, string tokenHash, DateTimeOffset at)
    {
        OfferId = offerId;
        OrganiserEmail = organiserEmail;
        TokenHash = tokenHash;
        IssuedAt = at;
        ExpiresAt = at + Lifetime;
    }

    /// <summary>Issues a link; the raw token is returned once, to be sent, and never stored.</summary>
    public static (ListingLink Link, string Token) Issue(Guid offerId, string organiserEmail, DateTimeOffset at)
    {
        var token = OneTimeToken.New();
        return (new ListingLink(offerId, organiserEmail, OneTimeToken.Hash(token), at), token);
    }

    public Guid OfferId { get; private set; }
    public string OrganiserEmail { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Moves on when the link is spent, so two changes sent at once with one link store one.</summary>
    public int Version { get; private set; }

    public bool CanBeUsedAt(DateTimeOffset at) => UsedAt is null && at < ExpiresAt;

    /// <summary>Spends the link on one change.</summary>
    public void Use(DateTimeOffset at)
    {
        if (!CanBeUsedAt(at))
        {
            throw new DomainRuleException("This link has been used or has expired.");
        }
        UsedAt = at;
        Version++;
    }
}
