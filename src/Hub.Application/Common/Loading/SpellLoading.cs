using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Common;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Common.Loading;

/// <summary>A referral with its spell, loaded for a change to the person's care.</summary>
public sealed record SpellInContext(Referral Referral, ReferralSpell Spell);

public static class SpellLoading
{
    /// <summary>
    /// Loads (tracked) the referral and its spell, or throws <see cref="NotFoundException"/>. A pending
    /// suggested match is checked first, then the two are read in one statement: a "same person"
    /// decision stored meanwhile moves the referral into another spell and deletes the old one, and
    /// read in this order the referral is always seen with the spell it is in (docs/decisions/053).
    /// </summary>
    public static async Task<SpellInContext> LoadSpellOfReferral(this IApplicationDbContext db, Guid referralId, CancellationToken cancellationToken)
    {
        // Until staff decide whether this is someone already known, the spell may be about to merge
        // into theirs: care-team work waits (the record page offers none until then).
        if (await db.PossibleMatches.AnyAsync(m => m.ReferralId == referralId && m.Decision == MatchDecision.Pending, cancellationToken))
        {
            throw new DomainRuleException("Decide first whether this is someone the hub already knows.");
        }
        var found = await db.Referrals.Where(r => r.Id == referralId)
            .Join(db.Spells, r => r.SpellId, s => s.Id, (r, s) => new { Referral = r, Spell = s })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The referral");
        return new SpellInContext(found.Referral, found.Spell);
    }

    /// <summary>
    /// The referral that work on a spell is recorded against: its latest open referral, or its
    /// latest referral when all are closed.
    /// </summary>
    public static async Task<Referral> CurrentReferralOfSpell(this IApplicationDbContext db, Guid spellId, CancellationToken cancellationToken) =>
        await db.Referrals.Where(r => r.SpellId == spellId)
            .OrderBy(r => r.Status == ReferralStatus.Closed ? 1 : 0).ThenByDescending(r => r.ReceivedAt)
            .FirstAsync(cancellationToken);
}
