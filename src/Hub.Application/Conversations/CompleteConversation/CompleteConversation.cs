using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Conversations.SaveConversation;
using Hub.Domain.Audit;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Conversations.CompleteConversation;

/// <summary>
/// Completes a conversation held section by section. It checks only that every section is marked
/// complete (each section's content was checked when it was saved); when some are not, nothing
/// changes and the result names them.
/// </summary>
public sealed record CompleteConversation(Guid ConversationId, Guid ExpectedToken) : IRequest<CompleteConversationResult>, IConversationScoped;

public sealed record CompleteConversationResult(bool Completed, IReadOnlyList<ConversationSection> NotComplete, ConflictDetails? Conflict, int VersionNumber);

public sealed class CompleteConversationHandler(IApplicationDbContext db, ICurrentUser user, IStaffDirectory staff, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<CompleteConversation, CompleteConversationResult>
{
    public async Task<CompleteConversationResult> Handle(CompleteConversation request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken)
            ?? throw new NotFoundException("The conversation");
        if (conversation.ConcurrencyToken != request.ExpectedToken)
        {
            return await Conflict(conversation, cancellationToken);
        }
        if (conversation.Status == ConversationStatus.Completed)
        {
            // Already done (a second click, or a colleague): nothing more to do.
            return new CompleteConversationResult(true, [], null, conversation.VersionNumber);
        }
        if (conversation.IncompleteSections is { Count: > 0 } notComplete)
        {
            return new CompleteConversationResult(false, notComplete, null, conversation.VersionNumber);
        }

        var now = clock.GetUtcNow();
        db.ConversationVersions.Add(conversation.Complete(user.Id, now));
        await db.RecordOutcomesAsync(conversation, now, cancellationToken);
        audit.Record(AuditAction.Create, conversation.PersonId, nameof(Conversation), conversation.Id, "Conversation: complete");
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return await Conflict(await db.Conversations.FirstAsync(c => c.Id == request.ConversationId, cancellationToken), cancellationToken);
        }
        return new CompleteConversationResult(true, [], null, conversation.VersionNumber);
    }

    private async Task<CompleteConversationResult> Conflict(Conversation current, CancellationToken cancellationToken) =>
        new(false, [], await db.ConflictAsync(audit, staff, current, cancellationToken), current.VersionNumber);
}
