using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Domain.Audit;
using Hub.Domain.Conversations;
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
            await db.RecordOutcomesAsync(conversation, now, cancellationToken);
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

    private async Task<SaveConversationResult> Conflict(Conversation current, CancellationToken cancellationToken)
    {
        var conflict = await db.ConflictAsync(audit, staff, current, cancellationToken);
        return new SaveConversationResult(false, current.ConcurrencyToken, current.VersionNumber, conflict);
    }
}
