using Hub.Application.Common.Access;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.Conversations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Conversations.StartReview;

/// <summary>Starts a review that repeats the measures of a completed conversation (or resumes its draft).</summary>
public sealed record StartReview(Guid ConversationId) : IRequest<Guid>, IConversationScoped;

public sealed class StartReviewHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<StartReview, Guid>
{
    public async Task<Guid> Handle(StartReview request, CancellationToken cancellationToken)
    {
        var reviewed = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken)
            ?? throw new NotFoundException("The conversation");
        var baselineId = reviewed.Kind == ConversationKind.First ? reviewed.Id : reviewed.BaselineConversationId;
        var draft = await db.Conversations.AsNoTracking()
            .Where(c => c.BaselineConversationId == baselineId && c.Kind == ConversationKind.Review && c.Status == ConversationStatus.Draft)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (draft is { } id)
        {
            return id;
        }

        var review = Conversation.StartReview(reviewed, reviewed.SpellId, user.Id, clock.GetUtcNow());
        db.Conversations.Add(review);
        audit.Record(AuditAction.Create, reviewed.PersonId, nameof(Conversation), review.Id, "Conversation: start review");
        await db.SaveChangesAsync(cancellationToken);
        return review.Id;
    }
}
