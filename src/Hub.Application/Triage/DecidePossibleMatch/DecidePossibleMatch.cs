using FluentValidation;
using Hub.Application.CareTeams;
using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Triage.DecidePossibleMatch;

/// <summary>
/// A member of staff says whether a suggested earlier record is the same person. Confirming moves
/// the referral to that person and into their spell under the MHSDS rule (joining an open spell,
/// or one that ended five days or less before the referral); dismissing leaves both records apart.
/// </summary>
public sealed record DecidePossibleMatch(Guid MatchId, bool SamePerson) : IRequest<Unit>, IMatchScoped;

public sealed class DecidePossibleMatchHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<DecidePossibleMatch, Unit>
{
    public async Task<Unit> Handle(DecidePossibleMatch request, CancellationToken cancellationToken)
    {
        // The match and its referral in one statement, so both are as one decision left them: a
        // decision stored between two reads would show a pending match beside a referral already moved.
        var found = await db.PossibleMatches.Where(m => m.Id == request.MatchId)
            .Join(db.Referrals, m => m.ReferralId, r => r.Id, (m, r) => new { Match = m, Referral = r })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The suggested match");
        var (match, referral) = (found.Match, found.Referral);
        if (match.Decision != MatchDecision.Pending)
        {
            // A second click, or a colleague deciding first: the record already shows the decision.
            throw AlreadyDecided();
        }
        var now = clock.GetUtcNow();
        var userId = user.Id;

        if (!request.SamePerson)
        {
            match.Decide(MatchDecision.Dismissed, userId, now);
            if (!await db.PossibleMatches.AnyAsync(m => m.ReferralId == referral.Id && m.Id != match.Id && m.Decision == MatchDecision.Pending, cancellationToken))
            {
                referral.MarkMatchReviewed();
            }
            audit.Record(AuditAction.Update, referral.PersonId, nameof(PossibleMatch), match.Id, "Triage: dismiss suggested match");
            await SaveDecisionAsync(cancellationToken);
            return Unit.Value;
        }

        var provisional = await db.People.FirstAsync(p => p.Id == referral.PersonId, cancellationToken);
        if (provisional.MergedIntoPersonId is not null)
        {
            throw AlreadyDecided(); // joined to an earlier record since the match was read
        }
        var known = await FollowMerges(match.CandidatePersonId, cancellationToken);
        match.Decide(MatchDecision.Confirmed, userId, now);
        foreach (var other in await db.PossibleMatches.Where(m => m.ReferralId == referral.Id && m.Id != match.Id && m.Decision == MatchDecision.Pending).ToListAsync(cancellationToken))
        {
            other.Decide(MatchDecision.Dismissed, userId, now);
        }

        // The provisional spell held only this referral; it goes, and the referral joins the known person's spell.
        var provisionalSpell = await db.Spells.FirstOrDefaultAsync(s => s.Id == referral.SpellId, cancellationToken)
            ?? throw AlreadyDecided(); // gone with a decision stored since the match was read
        var knownSpells = await db.Spells.Where(s => s.PersonId == known.Id).ToListAsync(cancellationToken);
        var spell = ReferralSpell.FindSpellToJoin(knownSpells, referral.ReceivedAt);
        if (spell is null)
        {
            // Back after more than five days: a new spell that follows on from the last one, so its
            // lead worker is offered again and its conversation carried forward.
            spell = new ReferralSpell(known.Id, referral.ReceivedAt);
            if (ReferralSpell.FindPrevious(knownSpells, referral.ReceivedAt) is { } previous)
            {
                spell.FollowOn(previous);
            }
            db.Spells.Add(spell);
        }
        else
        {
            var wasClosed = !spell.IsOpen;
            spell.Join(referral.ReceivedAt);
            if (wasClosed)
            {
                // Back within five days: the same care team carries on, except anyone now away or gone,
                // so a person whose lead has left shows in the allocation queue instead of waiting unseen.
                var team = await db.LoadCareTeam(spell, cancellationToken);
                var members = team.Members.Select(m => m.MemberId).ToList();
                var unavailable = await db.TeamMembers.Where(t => members.Contains(t.Id) && (t.Away || t.LeftAt != null)).Select(t => t.Id).ToListAsync(cancellationToken);
                team.CarryOnAfterReturn(unavailable, now);
            }
        }
        referral.MoveToConfirmedPerson(known, spell);
        if (referral.IsClosed && !await db.Referrals.AnyAsync(r => r.SpellId == spell.Id && r.Id != referral.Id && r.Status != ReferralStatus.Closed, cancellationToken))
        {
            spell.End(referral.ClosedAt!.Value);
        }
        if (!await db.Referrals.AnyAsync(r => r.SpellId == provisionalSpell.Id && r.Id != referral.Id, cancellationToken))
        {
            db.Spells.Remove(provisionalSpell);
        }

        known.UpdateFromReturningReferral(provisional);
        provisional.MarkMergedInto(known);

        audit.Record(AuditAction.Update, known.Id, nameof(Referral), referral.Id, "Triage: confirm returning person");
        await SaveDecisionAsync(cancellationToken);
        return Unit.Value;
    }

    private static ValidationException AlreadyDecided() =>
        Refuse.Because(nameof(DecidePossibleMatch.MatchId), "This suggested match has already been decided. The record below shows the decision");

    /// <summary>
    /// Saves the decision. Two decisions on one match at the same moment (a double click, two
    /// colleagues) touch the same referral and spells: the first wins, and this one is refused, its
    /// changes made to records that have since moved (a stale version, a spell already gone).
    /// </summary>
    private async Task SaveDecisionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.DiscardChanges();
            throw Refuse.Because(nameof(DecidePossibleMatch.MatchId), "Someone decided this suggested match at the same moment. The record below shows the decision");
        }
    }

    private async Task<Person> FollowMerges(Guid personId, CancellationToken cancellationToken)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw new NotFoundException("The earlier record");
            if (person.MergedIntoPersonId is not { } next)
            {
                return person;
            }
            personId = next;
        }
        throw new InvalidOperationException("Merge chain too long.");
    }
}
