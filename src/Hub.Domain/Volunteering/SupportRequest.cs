using Hub.Domain.Audit;
using Hub.Domain.Common;

namespace Hub.Domain.Volunteering;

public enum SupportRequestStatus
{
    /// <summary>In the coordinator's queue, matched to nobody.</summary>
    Waiting = 1,
    Matched = 2,
    Closed = 3,
}

/// <summary>Why a request was closed. <see cref="GoingAloneNow"/> is the outcome the service exists for.</summary>
public enum RequestClosure
{
    /// <summary>The person now goes to the group by themselves: counted as "went on to go alone" (docs/decisions/038).</summary>
    GoingAloneNow = 1,
    NoLongerWanted = 2,
    CouldNotReach = 3,
}

/// <summary>Why a match ended.</summary>
public enum MatchEnding
{
    /// <summary>The coordinator paused the volunteer; the request went back to the queue.</summary>
    VolunteerPaused = 1,

    /// <summary>The coordinator took the request back (to match someone else).</summary>
    ReturnedByCoordinator = 2,

    /// <summary>The request was closed.</summary>
    RequestClosed = 3,
}

/// <summary>
/// "Can someone come with me?": a person asks for a volunteer to go with them to a group the first
/// few times. Only a first name, what they would like to try, when suits them and one way to reach
/// them; nothing about diagnosis or severity. The request keeps its matches and outings: it is the
/// one place that decides who may be matched and who may record an outing.
/// </summary>
public sealed class SupportRequest : Entity
{
    public const int FirstNameMaxLength = 50;
    public const int TextMaxLength = 500;

    private readonly List<SupportMatch> _matches = [];
    private readonly List<Outing> _outings = [];

    private SupportRequest()
    {
        FirstName = ErasedFirstName;
        WhatToTry = WhenSuits = ContactKey = string.Empty;
        Contact = null!;
    }

    private SupportRequest(Guid offerId, string firstName, string whatToTry, string whenSuits, ComeAlongContact contact, string contactKey, Guid formToken, DateTimeOffset at)
    {
        OfferId = offerId;
        FirstName = firstName;
        WhatToTry = whatToTry;
        WhenSuits = whenSuits;
        Contact = contact;
        ContactKey = contactKey;
        FormToken = formToken;
        AskedAt = at;
        Status = SupportRequestStatus.Waiting;
    }

    /// <summary>
    /// Someone asks for a supporter to come along to <paramref name="offerId"/>. The form token makes a double submit one request.
    /// <paramref name="keys"/> keys the contact (<see cref="People.ContactKey"/>) so the person's own space can find the request.
    /// </summary>
    public static SupportRequest Ask(Guid offerId, string firstName, string whatToTry, string whenSuits, ComeAlongContact contact, AuditKey keys, Guid formToken, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(keys);
        return new(offerId, Require(firstName, "a first name"), Require(whatToTry, "what they would like to try"), Require(whenSuits, "when suits them"), contact,
            contact.KeyWith(keys), formToken, at);
    }

    /// <summary>The group's listing.</summary>
    public Guid OfferId { get; private set; }

    /// <summary>The first name only: enough for a volunteer to greet them.</summary>
    public string FirstName { get; private set; }
    public string WhatToTry { get; private set; }
    public string WhenSuits { get; private set; }
    public ComeAlongContact Contact { get; private set; }

    /// <summary>The person's <see cref="People.ContactKey"/> (the same key as their space's): how their own space finds this request.</summary>
    public string ContactKey { get; private set; }
    public Guid FormToken { get; private set; }
    public DateTimeOffset AskedAt { get; private set; }
    public SupportRequestStatus Status { get; private set; }
    public RequestClosure? Closure { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// When retention cleared what identifies the person (name, words, contact, and the outings' notes
    /// and feedback), keeping the dates and outcomes the figures count (docs/decisions/042).
    /// </summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Moves on with every change, so a match and a pause at the same moment cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<SupportMatch> Matches => _matches;
    public IReadOnlyList<Outing> Outings => _outings;

    /// <summary>The match in force, if any.</summary>
    public SupportMatch? CurrentMatch => _matches.SingleOrDefault(m => m.EndedAt is null);

    /// <summary>Whether <paramref name="volunteerId"/> is the volunteer this request is matched to now: the only volunteer who may see it.</summary>
    public bool IsMatchedTo(Guid volunteerId) => CurrentMatch?.VolunteerId == volunteerId;

    /// <summary>The coordinator matches a waiting request to a volunteer who is approved, not paused and in date on every check.</summary>
    public SupportMatch Match(Volunteer volunteer, DateOnly today, Guid by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(volunteer);
        if (Status != SupportRequestStatus.Waiting)
        {
            throw new DomainRuleException(Status == SupportRequestStatus.Matched ? "This request is already matched." : "This request is closed.");
        }
        if (!volunteer.CanBeMatchedOn(today))
        {
            var why = volunteer.Status != VolunteerStatus.Active ? "they are not approved or are paused" : string.Join(", ", volunteer.Checks.Gaps(today));
            throw new DomainRuleException($"{volunteer.FirstName} cannot be matched: {why}.");
        }
        var match = new SupportMatch(Id, volunteer.Id, by, at);
        _matches.Add(match);
        Status = SupportRequestStatus.Matched;
        Version++;
        return match;
    }

    /// <summary>Ends the current match and puts the request back in the queue (a paused volunteer, or the coordinator's choice).</summary>
    public void ReturnToQueue(MatchEnding why, DateTimeOffset at)
    {
        if (Status != SupportRequestStatus.Matched || CurrentMatch is not { } match)
        {
            throw new DomainRuleException("Only a matched request can go back to the queue.");
        }
        match.End(why, at);
        Status = SupportRequestStatus.Waiting;
        Version++;
    }

    /// <summary>The coordinator closes the request: the person goes alone now, no longer wants it, or could not be reached.</summary>
    public void Close(RequestClosure closure, DateTimeOffset at)
    {
        if (Status == SupportRequestStatus.Closed)
        {
            throw new DomainRuleException("This request is already closed.");
        }
        CurrentMatch?.End(MatchEnding.RequestClosed, at);
        Status = SupportRequestStatus.Closed;
        Closure = closure;
        ClosedAt = at;
        Version++;
    }

    /// <summary>
    /// Retention (docs/decisions/042): clears everything that says who asked and what they or their
    /// volunteer wrote (first name, what they wanted to try, when suited them, how to reach them, the
    /// key their space finds it by, and each outing's note and the person's own words), keeping the
    /// group, the dates, the matches and what happened, which the volunteering figures count. Only a
    /// closed request is erased; erasing twice changes nothing.
    /// </summary>
    public const string ErasedFirstName = "Name removed";

    public void Erase(DateTimeOffset at)
    {
        if (Status != SupportRequestStatus.Closed)
        {
            throw new DomainRuleException("Only a closed request is erased.");
        }
        if (ErasedAt is not null)
        {
            return;
        }
        FirstName = ErasedFirstName;
        WhatToTry = WhenSuits = ContactKey = string.Empty;
        Contact = new ComeAlongContact(Contact.By, null, null, false);
        foreach (var outing in _outings)
        {
            outing.Erase();
        }
        ErasedAt = at;
        Version++;
    }

    /// <summary>The matched volunteer records an outing: whether it happened, and a short note.</summary>
    public Outing RecordOuting(Guid volunteerId, DateOnly on, bool happened, string? note, DateOnly today, DateTimeOffset at)
    {
        if (!IsMatchedTo(volunteerId))
        {
            throw new DomainRuleException("Only the volunteer matched to this request can record an outing.");
        }
        if (on > today)
        {
            throw new DomainRuleException("An outing is recorded once it has happened, or not.");
        }
        var outing = new Outing(Id, CurrentMatch!.Id, volunteerId, on, happened, TextRules.Clean(note), at);
        _outings.Add(outing);
        Version++;
        return outing;
    }

    private static string Require(string? value, string what) =>
        TextRules.Clean(value) ?? throw new DomainRuleException($"A request needs {what}.");
}

/// <summary>A request matched to a volunteer, until the match ends.</summary>
public sealed class SupportMatch : Entity
{
    private SupportMatch()
    {
    }

    internal SupportMatch(Guid requestId, Guid volunteerId, Guid by, DateTimeOffset at)
    {
        RequestId = requestId;
        VolunteerId = volunteerId;
        MatchedBy = by;
        MatchedAt = at;
    }

    public Guid RequestId { get; private set; }
    public Guid VolunteerId { get; private set; }
    public Guid MatchedBy { get; private set; }
    public DateTimeOffset MatchedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public MatchEnding? Ending { get; private set; }

    internal void End(MatchEnding why, DateTimeOffset at)
    {
        EndedAt = at;
        Ending = why;
    }
}

/// <summary>How the person felt an outing went, in their own choice of words beside.</summary>
public enum HowItWent
{
    Good = 1,
    Okay = 2,
    NotGood = 3,
}

/// <summary>
/// One outing with a volunteer: recorded by the volunteer (it happened or not, a short note), and
/// afterwards, if they choose, the person's own say on how it went.
/// </summary>
public sealed class Outing : Entity
{
    public const int NoteMaxLength = 500;
    public const int WordsMaxLength = 1000;

    private Outing()
    {
    }

    internal Outing(Guid requestId, Guid matchId, Guid volunteerId, DateOnly on, bool happened, string? note, DateTimeOffset at)
    {
        RequestId = requestId;
        MatchId = matchId;
        VolunteerId = volunteerId;
        On = on;
        Happened = happened;
        Note = note;
        RecordedAt = at;
    }

    public Guid RequestId { get; private set; }
    public Guid MatchId { get; private set; }
    public Guid VolunteerId { get; private set; }
    public DateOnly On { get; private set; }
    public bool Happened { get; private set; }

    /// <summary>The volunteer's short note: what happened, never more about the person than that.</summary>
    public string? Note { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The person's own say, through their one-time link or their space.</summary>
    public HowItWent? PersonSaid { get; private set; }
    public string? PersonWords { get; private set; }
    public DateTimeOffset? PersonSaidAt { get; private set; }

    /// <summary>Retention: the volunteer's note and the person's own words go; whether it happened, when, and the person's rating stay.</summary>
    internal void Erase()
    {
        Note = null;
        PersonWords = null;
    }

    /// <summary>The person says how it went, once; a second say replaces nothing (the link is spent).</summary>
    public void PersonSays(HowItWent howItWent, string? words, DateTimeOffset at)
    {
        if (!Happened)
        {
            throw new DomainRuleException("There is nothing to say about an outing that did not happen.");
        }
        if (PersonSaidAt is not null)
        {
            throw new DomainRuleException("You have already told us how this went.");
        }
        PersonSaid = howItWent;
        PersonWords = TextRules.Clean(words);
        PersonSaidAt = at;
    }
}
