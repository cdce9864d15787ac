using Hub.Domain.Common;
using Hub.Domain.Spells;

namespace Hub.Domain.CareTeams;

/// <summary>A colleague as a care team sees them when work moves to them or they act on it.</summary>
public sealed record Colleague(Guid Id, string Name, bool IsAvailable);

/// <summary>
/// What a care team answered to a change: done, or refused with a message the page shows. Refusals
/// are expected outcomes (someone is away, an offer is waiting), not failures.
/// </summary>
public sealed class CareTeamDecision
{
    private CareTeamDecision() { }

    /// <summary>Why nothing changed, in words for the person who asked; null when it was done.</summary>
    public string? Refusal { get; private init; }

    public bool IsRefused => Refusal is not null;

    /// <summary>The offer was answered (or withdrawn) before this answer arrived: nothing changed.</summary>
    public bool WasAlreadyAnswered { get; private init; }

    /// <summary>The offer made or answered.</summary>
    public Handoff? Offer { get; private init; }

    /// <summary>Reallocation: whether the leaver's place on this team moved to the receiver.</summary>
    public bool PlaceMoved { get; private init; }

    /// <summary>Reallocation and closing: offers nobody answered that were taken back.</summary>
    public int OffersWithdrawn { get; private init; }

    internal static CareTeamDecision Done(Handoff? offer = null, bool placeMoved = false, int withdrawn = 0) =>
        new() { Offer = offer, PlaceMoved = placeMoved, OffersWithdrawn = withdrawn };

    internal static CareTeamDecision Refused(string why) => new() { Refusal = why };

    internal static CareTeamDecision AlreadyAnswered(Handoff offer) =>
        new() { Refusal = "This offer has already been answered", WasAlreadyAnswered = true, Offer = offer };
}

/// <summary>
/// The care team of one referral spell: its current members, its lead worker and the offers of work
/// waiting for an answer. Every change to who works with the person goes through a method here that
/// says what the user does, and each guards the team's invariants:
/// <list type="bullet">
/// <item>at most one lead, and each member on the team once;</item>
/// <item>at most one open offer of the lead (taking or offering the lead while one waits is refused);</item>
/// <item>nothing changes on a closed spell, except a team leader moving a leaver's place on a spell a
/// return would reopen, so the person comes back to someone who is there;</item>
/// <item>a member who is away or has left receives nothing: no offer, no place, no lead.</item>
/// </list>
/// The filtered unique indexes in the database stay as a backstop against two saves at once.
/// </summary>
public sealed class CareTeam
{
    private readonly ReferralSpell spell;
    private readonly List<CareTeamMember> members;
    private readonly List<Handoff> offers;
    private readonly List<CareTeamMember> newMembers = [];
    private readonly List<Handoff> newOffers = [];

    /// <param name="spell">The spell the team belongs to.</param>
    /// <param name="currentMembers">Its current memberships (not those who stepped off).</param>
    /// <param name="unansweredOffers">Its offers waiting for an answer, and declines still in the allocation queue.</param>
    public CareTeam(ReferralSpell spell, IEnumerable<CareTeamMember> currentMembers, IEnumerable<Handoff> unansweredOffers)
    {
        this.spell = spell;
        members = currentMembers.ToList();
        offers = unansweredOffers.ToList();
        if (members.Any(m => m.SpellId != spell.Id || !m.IsCurrent) || offers.Any(h => h.SpellId != spell.Id))
        {
            throw new DomainRuleException("A care team is made of the current members and offers of its own spell.");
        }
        if (members.GroupBy(m => m.MemberId).Any(g => g.Count() > 1) || members.Count(m => m.Role == CareTeamRole.Lead) > 1)
        {
            throw new DomainRuleException("A care team lists each member once and has one lead at most.");
        }
    }

    public Guid SpellId => spell.Id;
    public Guid PersonId => spell.PersonId;
    public bool IsClosed => !spell.IsOpen;

    /// <summary>Who is on the team now.</summary>
    public IReadOnlyList<CareTeamMember> Members => members.Where(m => m.IsCurrent).ToList();

    public CareTeamMember? Lead => members.FirstOrDefault(m => m.IsCurrent && m.Role == CareTeamRole.Lead);

    /// <summary>Offers waiting for an answer.</summary>
    public IReadOnlyList<Handoff> OpenOffers => offers.Where(h => h.IsPending).ToList();

    public Handoff? OpenLeadOffer => offers.FirstOrDefault(h => h.IsPending && h.Role == CareTeamRole.Lead);

    /// <summary>
    /// Whether the offer is among those the team was loaded with. An offer answered by someone else
    /// after it was read, but before its team was loaded, is not: it has already been answered.
    /// </summary>
    public bool Holds(Guid handoffId) => offers.Any(h => h.Id == handoffId);

    /// <summary>Memberships made by this team's changes, for the caller to store.</summary>
    public IReadOnlyList<CareTeamMember> NewMembers => newMembers;

    /// <summary>Offers made by this team's changes, for the caller to store.</summary>
    public IReadOnlyList<Handoff> NewOffers => newOffers;

    public CareTeamMember? PlaceOf(Guid memberId) => members.FirstOrDefault(m => m.IsCurrent && m.MemberId == memberId);

    /// <summary>Whether <paramref name="colleague"/> may be given work at all.</summary>
    public static string? RefusalToReceiveWork(Colleague colleague) =>
        colleague.IsAvailable ? null : $"{colleague.Name} is away or has left. Choose someone else";

    /// <summary>
    /// <paramref name="byUserId"/> offers work with the person to <paramref name="to"/>, with a note so
    /// the person need not repeat their story. Offering it to yourself puts you on the team at once;
    /// offering it again deals with any decline waiting in the allocation queue.
    /// </summary>
    public CareTeamDecision Offer(Guid byUserId, Colleague to, CareTeamRole role, string note, bool byTeamLeader, DateTimeOffset at)
    {
        if (IsClosed)
        {
            return CareTeamDecision.Refused("This person's spell has closed. If they come back, a new referral reopens it");
        }
        if (RefusalToReceiveWork(to) is { } unavailable)
        {
            return CareTeamDecision.Refused(unavailable);
        }
        if (PlaceOf(to.Id) is { } place && (place.Role == role || place.Role == CareTeamRole.Lead))
        {
            return CareTeamDecision.Refused($"{to.Name} is already on the care team");
        }
        if (OpenOffers.Any(h => h.ToMemberId == to.Id))
        {
            return CareTeamDecision.Refused($"{to.Name} already has an offer for this person waiting for an answer");
        }
        var toMyself = to.Id == byUserId;
        if (toMyself && role == CareTeamRole.Lead && Lead is not null && !byTeamLeader)
        {
            return CareTeamDecision.Refused("This person already has a lead worker. Ask them or a team leader to hand the lead to you");
        }
        if (role == CareTeamRole.Lead && OpenLeadOffer is { } waiting)
        {
            return CareTeamDecision.Refused(LeadOfferWaiting(waiting, byUserId, toMyself));
        }

        var handoff = new Handoff(SpellId, PersonId, byUserId, to.Id, role, note, at);
        newOffers.Add(handoff);
        offers.Add(handoff);
        foreach (var declined in offers.Where(h => h.Status == HandoffStatus.Declined))
        {
            declined.MarkResolved(at);
        }
        if (toMyself)
        {
            handoff.Accept(byUserId, at);
            Join(to.Id, role, at);
        }
        return CareTeamDecision.Done(handoff);
    }

    /// <summary>The receiver accepts an offer and joins the team, taking the lead if it was offered.</summary>
    public CareTeamDecision Accept(Guid handoffId, Colleague by, DateTimeOffset at)
    {
        var offer = OfferMadeTo(handoffId, by.Id);
        if (!offer.IsPending)
        {
            return CareTeamDecision.AlreadyAnswered(offer);
        }
        if (IsClosed)
        {
            return CareTeamDecision.Refused("This person's spell has closed since the offer was made, so there is nothing to accept");
        }
        if (!by.IsAvailable)
        {
            return CareTeamDecision.Refused("You are marked as away or as having left, so you cannot take on work. Ask a team leader to change that first");
        }
        offer.Accept(by.Id, at);
        Join(by.Id, offer.Role, at);
        return CareTeamDecision.Done(offer);
    }

    /// <summary>The receiver declines with a reason; the work goes back to the allocation queue.</summary>
    public CareTeamDecision Decline(Guid handoffId, Guid byUserId, string reason, DateTimeOffset at)
    {
        var offer = OfferMadeTo(handoffId, byUserId);
        if (!offer.IsPending)
        {
            return CareTeamDecision.AlreadyAnswered(offer);
        }
        // Answering an offer left waiting on a closed spell changes nobody's place, so it is still recorded.
        offer.Decline(byUserId, reason, at);
        return CareTeamDecision.Done(offer);
    }

    /// <summary>
    /// Takes <paramref name="memberId"/> off the team (their part is done). They may step off
    /// themselves, or the lead or a team leader may take them off; the lead hands the lead on first.
    /// </summary>
    public CareTeamDecision StepOff(Guid memberId, Guid byUserId, bool byTeamLeader, DateTimeOffset at)
    {
        var place = PlaceOf(memberId);
        if (place is null)
        {
            return CareTeamDecision.Refused("They are not on this care team any more");
        }
        if (memberId != byUserId && Lead?.MemberId != byUserId && !byTeamLeader)
        {
            return CareTeamDecision.Refused("Only they, the lead worker or a team leader can take someone off the care team");
        }
        if (IsClosed)
        {
            return CareTeamDecision.Refused("This person's spell has closed, so their care team is kept as it was for when they come back");
        }
        if (place.Role == CareTeamRole.Lead)
        {
            return CareTeamDecision.Refused("Offer the lead to someone else first, so the person always has a lead worker");
        }
        place.StepOff(at);
        return CareTeamDecision.Done();
    }

    /// <summary>
    /// A team leader moves a leaver's work to <paramref name="receiver"/>: their place passes on in the
    /// same role (an involved receiver takes the lead if the leaver led), and offers waiting for the
    /// leaver are withdrawn so they show in the allocation queue. A spell closed so recently that a
    /// return would reopen it is moved too, so the person comes back to someone who is there.
    /// </summary>
    public CareTeamDecision Reallocate(Guid leaverId, Colleague receiver, Guid byUserId, DateTimeOffset at)
    {
        if (receiver.Id == leaverId)
        {
            return CareTeamDecision.Refused("Choose someone other than the person whose work is moving");
        }
        if (RefusalToReceiveWork(receiver) is { } unavailable)
        {
            return CareTeamDecision.Refused(unavailable);
        }
        var moved = false;
        if (PlaceOf(leaverId) is { } place && (spell.IsOpen || spell.EndedAt >= ReferralSpell.JoinableIfEndedFrom(at)))
        {
            place.StepOff(at);
            var existing = PlaceOf(receiver.Id);
            if (existing is null)
            {
                AddMember(receiver.Id, place.Role, at);
            }
            else if (place.Role == CareTeamRole.Lead)
            {
                existing.BecomeLead();
            }
            moved = true;
        }
        var waiting = OpenOffers.Where(h => h.ToMemberId == leaverId).ToList();
        waiting.ForEach(h => h.Withdraw(byUserId, at));
        return CareTeamDecision.Done(placeMoved: moved, withdrawn: waiting.Count);
    }

    /// <summary>
    /// The spell closes (a good, normal outcome): the team is kept for a return, and offers nobody
    /// answered are withdrawn. Only the care team or a team leader may close it.
    /// </summary>
    public CareTeamDecision Close(SpellClosureReason reason, string? note, Guid byUserId, bool byTeamLeader, DateTimeOffset at)
    {
        if (IsClosed)
        {
            return CareTeamDecision.Refused("This person's spell is already closed");
        }
        if (Members.Count > 0 && !byTeamLeader && PlaceOf(byUserId) is null)
        {
            return CareTeamDecision.Refused("Only the person's care team or a team leader can close their spell");
        }
        spell.Close(reason, note, byUserId, at);
        var waiting = OpenOffers;
        foreach (var offer in waiting)
        {
            offer.Withdraw(byUserId, at);
        }
        return CareTeamDecision.Done(withdrawn: waiting.Count);
    }

    /// <summary>
    /// The person came back within five days and the spell reopened: the same team carries on,
    /// except anyone now away or gone, so a person whose lead has left shows in the allocation queue
    /// instead of waiting unseen.
    /// </summary>
    public CareTeamDecision CarryOnAfterReturn(IReadOnlyCollection<Guid> unavailableMembers, DateTimeOffset at)
    {
        if (IsClosed)
        {
            throw new DomainRuleException("The spell reopens before its care team carries on.");
        }
        foreach (var place in Members.Where(m => unavailableMembers.Contains(m.MemberId)))
        {
            place.StepOff(at);
        }
        return CareTeamDecision.Done();
    }

    private static string LeadOfferWaiting(Handoff waiting, Guid byUserId, bool toMyself) => (waiting.FromUserId == byUserId, toMyself) switch
    {
        (true, true) => "You have offered the lead to someone else and they have not answered yet. Wait for their answer before taking the lead yourself",
        (_, true) => "The lead has been offered to someone else and they have not answered yet. Wait for their answer before taking the lead yourself",
        _ => "The lead has already been offered to someone and they have not answered yet. Wait for their answer before offering the lead again",
    };

    private Handoff OfferMadeTo(Guid handoffId, Guid memberId)
    {
        var offer = offers.FirstOrDefault(h => h.Id == handoffId)
            ?? throw new DomainRuleException("This offer is not one of this care team's.");
        if (offer.ToMemberId != memberId)
        {
            throw new DomainRuleException("Only the person it was offered to can answer a handoff.");
        }
        return offer;
    }

    /// <summary>Puts a member on the team in a role; taking the lead moves the current lead to involved.</summary>
    private void Join(Guid memberId, CareTeamRole role, DateTimeOffset at)
    {
        if (Join(Members, SpellId, PersonId, memberId, role, at) is { } joined)
        {
            members.Add(joined);
            newMembers.Add(joined);
        }
    }

    private void AddMember(Guid memberId, CareTeamRole role, DateTimeOffset at)
    {
        var joined = new CareTeamMember(SpellId, PersonId, memberId, role, at);
        members.Add(joined);
        newMembers.Add(joined);
    }

    /// <summary>
    /// Puts <paramref name="memberId"/> on the spell's care team in <paramref name="role"/> and
    /// returns a new membership for the caller to store, or null when an existing one was changed.
    /// Taking the lead moves any current lead to involved.
    /// </summary>
    public static CareTeamMember? Join(IReadOnlyList<CareTeamMember> current, Guid spellId, Guid personId, Guid memberId, CareTeamRole role, DateTimeOffset at)
    {
        if (current.Any(m => m.SpellId != spellId || !m.IsCurrent))
        {
            throw new DomainRuleException("Only the current members of this spell's care team can be considered.");
        }
        if (role == CareTeamRole.Lead)
        {
            foreach (var lead in current.Where(m => m.Role == CareTeamRole.Lead && m.MemberId != memberId))
            {
                lead.BecomeInvolved();
            }
        }
        var existing = current.FirstOrDefault(m => m.MemberId == memberId);
        if (existing is not null)
        {
            if (role == CareTeamRole.Lead)
            {
                existing.BecomeLead();
            }
            return null;
        }
        return new CareTeamMember(spellId, personId, memberId, role, at);
    }
}
