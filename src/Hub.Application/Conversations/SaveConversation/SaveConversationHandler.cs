using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Domain.Audit;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Conversations.SaveConversation;

public sealed class SaveConversationHandler(IApplicationDbContext db, ICurrentUser user, IStaffDirectory staff, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<SaveConversation, SaveConversationResult>
{
    public async Task<SaveConversationResult> Handle(SaveConversation request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken)
            ?? throw new NotFoundException("The conversation");
        if (conversation.ConcurrencyToken != request.ExpectedToken)
        {
            return await Conflict(conversation, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var userId = user.Id;
        var content = request.Content.Cleaned();
        ConversationVersion? version = request.Intent switch
        {
            // A draft save of a completed conversation is refused by the domain (409), never turned into a version.
            SaveIntent.SaveDraft => Draft(conversation, content, userId, now),
            SaveIntent.Complete => conversation.Complete(content, userId, now),
            _ => conversation.Revise(content, userId, now),
        };

        if (version is not null)
        {
            db.ConversationVersions.Add(version);
            await RecordOutcomes(conversation, now, cancellationToken);
        }
        audit.Record(request.Intent == SaveIntent.SaveDraft ? AuditAction.Update : AuditAction.Create, conversation.PersonId,
            nameof(Conversation), conversation.Id, request.Intent switch
            {
                SaveIntent.SaveDraft => "Conversation: save draft",
                SaveIntent.Complete => "Conversation: complete",
                _ => "Conversation: new version",
            });

        if (!await db.TrySaveAsync(cancellationToken))
        {
            // Someone else saved (or completed, taking the same version number) first.
            var current = await db.Conversations.FirstAsync(c => c.Id == request.ConversationId, cancellationToken);
            return await Conflict(current, cancellationToken);
        }
        return SaveConversationResult.Done(conversation.ConcurrencyToken, conversation.VersionNumber);
    }

    private static ConversationVersion? Draft(Conversation conversation, ConversationContent content, Guid userId, DateTimeOffset now)
    {
        conversation.SaveDraft(content, userId, now);
        return null;
    }

    /// <summary>
    /// The outcome records follow the latest version. Completing a first conversation gives the
    /// spell its meaningful assessment; any conversation with a rating (first or review) gives it a
    /// rated measure, dated when it was taken (there is no separate held-on date: the save of the
    /// version that carries the ratings), and the spell keeps the earliest as its baseline.
    /// </summary>
    private async Task RecordOutcomes(Conversation conversation, DateTimeOffset now, CancellationToken cancellationToken)
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
    private async Task<SaveConversationResult> Conflict(Conversation current, CancellationToken cancellationToken)
    {
        db.DiscardChanges();
        audit.Record(AuditAction.View, current.PersonId, nameof(Conversation), current.Id, "Conversation: conflict on save");
        await db.SaveChangesAsync(cancellationToken);
        var names = await staff.DisplayNames([current.UpdatedByUserId], cancellationToken);
        var by = names.TryGetValue(current.UpdatedByUserId, out var n) ? n : "another member of staff";
        return new SaveConversationResult(false, current.ConcurrencyToken, current.VersionNumber,
            new ConflictDetails(current.Content, by, current.UpdatedAt, current.ConcurrencyToken));
    }
}
