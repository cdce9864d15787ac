using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Conversations.SaveConversation;
using Hub.Domain.Audit;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Conversations;

/// <summary>
/// What every way of saving a conversation shares: the outcome records that follow its latest
/// version, and the refusal that shows what someone else saved in the meantime.
/// </summary>
internal static class ConversationSaving
{
    /// <summary>
    /// The outcome records follow the latest version. Completing a first conversation gives the
    /// spell its meaningful assessment; any conversation with a rating (first or review) gives it a
    /// rated measure, dated when it was taken (there is no separate held-on date: the save of the
    /// version that carries the ratings), and the spell keeps the earliest as its baseline.
    /// </summary>
    public static async Task RecordOutcomesAsync(this IApplicationDbContext db, Conversation conversation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Removed through the change tracker so the swap commits with the new version, or not at all.
        db.OutcomeRecords.RemoveRange(await db.OutcomeRecords.Where(o => o.ConversationId == conversation.Id).ToListAsync(cancellationToken));
        var isBaseline = conversation.Kind == ConversationKind.First;
        var at = conversation.CompletedAt ?? now;
        foreach (var (code, ratings) in ConversationRatings.All(conversation.Content))
        {
            db.OutcomeRecords.Add(new OutcomeRecord(conversation.PersonId, conversation.SpellId, conversation.Id, code, isBaseline, at, ratings));
        }

        if (isBaseline || conversation.Content.HasAnyRating)
        {
            var spell = await db.Spells.FirstAsync(s => s.Id == conversation.SpellId, cancellationToken);
            if (isBaseline)
            {
                spell.RecordAssessment(at);
            }
            if (conversation.Content.HasAnyRating)
            {
                // Taken when this version was saved: the completion itself, or a later version that
                // first carried ratings. The spell keeps the earliest, whichever conversation it came from.
                spell.RecordBaselineMeasure(now);
            }
        }
    }

    /// <summary>What someone else saved, shown to this practitioner: a read of the record, so it is audited.</summary>
    public static async Task<ConflictDetails> ConflictAsync(this IApplicationDbContext db, AuditTrail audit, IStaffDirectory staff, Conversation current, CancellationToken cancellationToken)
    {
        db.DiscardChanges();
        audit.Record(AuditAction.View, current.PersonId, nameof(Conversation), current.Id, "Conversation: conflict on save");
        await db.SaveChangesAsync(cancellationToken);
        var names = await staff.DisplayNames([current.UpdatedByUserId], cancellationToken);
        var by = names.TryGetValue(current.UpdatedByUserId, out var n) ? n : "another member of staff";
        return new ConflictDetails(current.Content, by, current.UpdatedAt, current.ConcurrencyToken);
    }
}
