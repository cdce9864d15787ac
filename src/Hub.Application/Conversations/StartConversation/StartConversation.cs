using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Domain.Audit;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Conversations.StartConversation;

/// <summary>
/// Starts the first strengths-based conversation of the referral's spell, or returns the one
/// already started (draft or complete): a spell has one first conversation and so one baseline.
/// When the person has come back after an earlier spell, it starts from what they said then.
/// </summary>
public sealed record StartConversation(Guid ReferralId) : IRequest<Guid>, IReferralScoped;

public sealed class StartConversationHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<StartConversation, Guid>
{
    public async Task<Guid> Handle(StartConversation request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.ReferralId, cancellationToken)
            ?? throw new NotFoundException("The referral");
        var existing = await db.Conversations.AsNoTracking()
            .Where(c => c.SpellId == referral.SpellId && c.Kind == ConversationKind.First)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        // Back after an earlier spell: start from the latest completed conversation of the person's earlier spells.
        var spell = await db.Spells.AsNoTracking().FirstAsync(s => s.Id == referral.SpellId, cancellationToken);
        var earlier = spell.PreviousSpellId is null ? null : await db.Conversations.AsNoTracking()
            .Where(c => c.PersonId == referral.PersonId && c.SpellId != referral.SpellId && c.Status == ConversationStatus.Completed)
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var conversation = earlier is null
            ? Conversation.StartFirst(referral.PersonId, referral.SpellId, referral.Id, user.Id, clock.GetUtcNow())
            : Conversation.StartFirstCarryingForward(earlier, referral.SpellId, referral.Id, user.Id, clock.GetUtcNow());
        db.Conversations.Add(conversation);
        audit.Record(AuditAction.Create, referral.PersonId, nameof(Conversation), conversation.Id, "Conversation: start");
        if (!await db.TrySaveAsync(cancellationToken, SaveClash.Unique))
        {
            // Another practitioner started it at the same moment (unique first conversation per spell).
            return await db.Conversations.AsNoTracking()
                .Where(c => c.SpellId == referral.SpellId && c.Kind == ConversationKind.First)
                .Select(c => c.Id)
                .FirstAsync(cancellationToken);
        }
        return conversation.Id;
    }
}
