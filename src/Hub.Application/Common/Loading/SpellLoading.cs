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
    /// <summary>Loads (tracked) the referral and its spell, or throws <see cref="NotFoundException"/>.</summary>
    public static async Task<SpellInContext> LoadSpellOfReferral(this IApplicationDbContext db, Guid referralId, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken) ?? throw new NotFoundException("The referral");
        // Until staff decide whether this is someone already known, the spell may be about to merge
        // into theirs: care-team work waits (the record page offers none until then).
        if (await db.PossibleMatches.AnyAsync(m => m.ReferralId == referralId && m.Decision == MatchDecision.Pending, cancellationToken))
        {
            throw new DomainRuleException("Decide first whether this is someone the hub already knows.");
        }
        var spell = await db.Spells.FirstAsync(s => s.Id == referral.SpellId, cancellationToken);
        return new SpellInContext(referral, spell);
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
