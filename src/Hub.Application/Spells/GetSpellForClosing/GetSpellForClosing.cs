using Hub.Application.Common.Access;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Conversations;
using Hub.Domain.Spells;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Spells.GetSpellForClosing;

/// <summary>What the closing page needs: the spell's state and version, and the conversation a closing review would repeat.</summary>
public sealed record GetSpellForClosing(Guid ReferralId) : IRequest<SpellForClosing>, IReferralScoped;

/// <param name="ClosingMeasuresConversationId">The latest completed conversation of the spell, to review for the closing measures; null when there is none.</param>
public sealed record SpellForClosing(Guid ReferralId, string Reference, string? PersonName, bool Open, SpellClosureReason? ClosureReason, Guid Version, Guid? ClosingMeasuresConversationId);

public sealed class GetSpellForClosingHandler(IApplicationDbContext db) : IRequestHandler<GetSpellForClosing, SpellForClosing>
{
    public async Task<SpellForClosing> Handle(GetSpellForClosing request, CancellationToken cancellationToken)
    {
        var found = await (
            from r in db.Referrals.AsNoTracking()
            join s in db.Spells on r.SpellId equals s.Id
            join p in db.People on r.PersonId equals p.Id
            where r.Id == request.ReferralId
            select new { r.Reference, Spell = s, p.PreferredName }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The referral");
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.SpellId == found.Spell.Id && c.Status == ConversationStatus.Completed)
            .OrderByDescending(c => c.UpdatedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return new SpellForClosing(request.ReferralId, found.Reference, found.PreferredName, found.Spell.IsOpen, found.Spell.ClosureReason, found.Spell.Version, conversation);
    }
}
