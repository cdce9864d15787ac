using Hub.Domain.Common;
using Hub.Domain.Conversations;

namespace Hub.Domain.CommunityOffers;

/// <summary>A regular time an offer runs, for example Tuesdays 18:00 to 20:00.</summary>
public sealed record OfferSession(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>An evening session starts at 17:00 or later, or runs on past 19:00 (for people who work days).</summary>
    public bool IsEvening => Opens >= new TimeOnly(17, 0) || Closes > new TimeOnly(19, 0);
}

/// <summary>A term from a taxonomy (Open Referral UK's or our own) that describes an offer.</summary>
public sealed record OfferCategory(string Id, string Name, string? Vocabulary);

/// <summary>
/// A local group, activity or service the hub can point people to (the Connect and Do directory).
/// Kept in a shape that maps onto Open Referral UK (HSDS 3.0 UK profile) so a council directory can
/// be imported and exported.
/// </summary>
public sealed class CommunityOffer : Entity
{
    public const int NameMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int PostcodeMaxLength = 10;
    public const int AreaMaxLength = 100;
    public const int WhoForMaxLength = 1000;
    public const int HowToJoinMaxLength = 1000;

    private CommunityOffer()
    {
        Name = OrganisationName = Area = string.Empty;
    }

    /// <param name="area">The borough it belongs to: the file's or the proposal's, or else the hub's own area (docs/decisions/043).</param>
    public CommunityOffer(string name, string organisationName, DateTimeOffset at, string area)
    {
        Name = Require(name, "An offer needs a name.");
        OrganisationName = Require(organisationName, "An offer needs the name of who runs it.");
        Area = RequireArea(area);
        UpdatedAt = at;
    }

    /// <summary>The service id in the directory it was imported from (Open Referral UK), kept for round trips.</summary>
    public string? ExternalId { get; private set; }
    public string? OrganisationExternalId { get; private set; }
    public string? LocationExternalId { get; private set; }

    public string Name { get; private set; }
    public string? Description { get; private set; }
    public string OrganisationName { get; private set; }

    public List<OfferCategory> Categories { get; private set; } = [];

    /// <summary>The life areas it helps with, read from its categories: what routing matches against needs.</summary>
    public List<DeterminantArea> HelpsWith { get; private set; } = [];

    public string? Neighbourhood { get; private set; }
    public string? LocationName { get; private set; }
    public string? Address { get; private set; }
    public string? Postcode { get; private set; }

    public List<OfferSession> Sessions { get; private set; } = [];

    /// <summary>When it runs in words, for anything the sessions cannot say ("first Monday of the month").</summary>
    public string? ScheduleNote { get; private set; }

    public bool IsFree { get; private set; }
    public string? CostNote { get; private set; }

    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Url { get; private set; }

    /// <summary>Run by people with lived experience.</summary>
    public bool PeerLed { get; private set; }
    public List<string> Languages { get; private set; } = [];

    /// <summary>
    /// The borough or area it belongs to (several share one deployment). Always set: an offer with no
    /// area of its own is given the hub's, so the public directory's area is one indexed comparison
    /// (docs/decisions/043).
    /// </summary>
    public string Area { get; private set; }

    /// <summary>What it is about, for people browsing the public directory.</summary>
    public OfferInterest Interests { get; private set; }

    /// <summary>What makes it easier to go to: step-free, quiet, BSL, women only and so on.</summary>
    public OfferAccess Access { get; private set; }

    /// <summary>Who it is for, in plain words ("anyone over 18 who likes walking").</summary>
    public string? WhoFor { get; private set; }

    /// <summary>How to join, in plain words ("just turn up", "ring Sam first").</summary>
    public string? HowToJoin { get; private set; }

    /// <summary>A friend, family member or supporter can come along the first time.</summary>
    public bool BringSomeoneFirstTime { get; private set; }

    /// <summary>The sessions as <see cref="OfferWeek"/> slots: kept in step with <see cref="Sessions"/> by <see cref="Schedule"/>.</summary>
    public int WeekSlots { get; private set; }

    public bool Active { get; private set; } = true;
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Describe(string name, string? description, string organisationName, IEnumerable<OfferCategory> categories, IEnumerable<DeterminantArea> helpsWith, bool peerLed, IEnumerable<string> languages)
    {
        Name = Require(name, "An offer needs a name.");
        OrganisationName = Require(organisationName, "An offer needs the name of who runs it.");
        Description = TextRules.Clean(description);
        Categories = categories.DistinctBy(c => (c.Vocabulary, c.Id)).ToList();
        HelpsWith = helpsWith.Distinct().Order().ToList();
        PeerLed = peerLed;
        Languages = languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public void Locate(string? neighbourhood, string? locationName, string? address, string? postcode)
    {
        Neighbourhood = TextRules.Clean(neighbourhood);
        LocationName = TextRules.Clean(locationName);
        Address = TextRules.Clean(address);
        Postcode = TextRules.Clean(postcode)?.ToUpperInvariant();
    }

    public void Schedule(IEnumerable<OfferSession> sessions, string? note)
    {
        var list = sessions.Distinct().OrderBy(s => s.Day).ThenBy(s => s.Opens).ToList();
        if (list.Any(s => s.Closes <= s.Opens))
        {
            throw new DomainRuleException("A session must close after it opens.");
        }
        Sessions = list;
        WeekSlots = OfferWeek.Of(list);
        ScheduleNote = TextRules.Clean(note);
    }

    public void SetCost(bool isFree, string? note)
    {
        IsFree = isFree;
        CostNote = TextRules.Clean(note);
    }

    public void SetContact(string? phone, string? email, string? url)
    {
        Phone = TextRules.Clean(phone);
        Email = TextRules.Clean(email);
        Url = TextRules.Clean(url);
    }

    public void LinkExternal(string? serviceId, string? organisationId, string? locationId)
    {
        ExternalId = TextRules.Clean(serviceId);
        OrganisationExternalId = TextRules.Clean(organisationId);
        LocationExternalId = TextRules.Clean(locationId);
    }

    /// <summary>What someone deciding whether to go needs to know: who it is for, how to join, whether they can bring someone, what it is about and how easy it is to get to.</summary>
    public void DescribeForPublic(string? whoFor, string? howToJoin, bool bringSomeoneFirstTime, OfferInterest interests, OfferAccess access)
    {
        WhoFor = TextRules.Clean(whoFor);
        HowToJoin = TextRules.Clean(howToJoin);
        BringSomeoneFirstTime = bringSomeoneFirstTime;
        Interests = interests;
        Access = access;
    }

    /// <summary>Places the offer in an area (a borough of a shared deployment).</summary>
    public void PlaceInArea(string area) => Area = RequireArea(area);

    public void SetActive(bool active) => Active = active;

    /// <summary>Takes every detail from a newer copy of the same offer (an import), keeping this offer's id.</summary>
    public void TakeDetailsFrom(CommunityOffer newer)
    {
        Describe(newer.Name, newer.Description, newer.OrganisationName, newer.Categories, newer.HelpsWith, newer.PeerLed, newer.Languages);
        Locate(newer.Neighbourhood, newer.LocationName, newer.Address, newer.Postcode);
        Schedule(newer.Sessions, newer.ScheduleNote);
        SetCost(newer.IsFree, newer.CostNote);
        SetContact(newer.Phone, newer.Email, newer.Url);
        LinkExternal(newer.ExternalId, newer.OrganisationExternalId, newer.LocationExternalId);
        DescribeForPublic(newer.WhoFor, newer.HowToJoin, newer.BringSomeoneFirstTime, newer.Interests, newer.Access);
        PlaceInArea(newer.Area);
        SetActive(newer.Active);
        Touch(newer.UpdatedAt);
    }

    public void Touch(DateTimeOffset at) => UpdatedAt = at;

    private static string RequireArea(string area) =>
        TextRules.Clean(area) is { Length: <= AreaMaxLength } clean ? clean
            : throw new DomainRuleException(string.IsNullOrWhiteSpace(area) ? "An offer needs an area." : $"An area has at most {AreaMaxLength} characters.");

    private static string Require(string value, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleException(message) : value.Trim();
}
